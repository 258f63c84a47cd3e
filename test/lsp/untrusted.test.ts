// Issue #9 item 15 through the real server: started untrusted (initializationOptions.trusted: false, what the VS Code
// client sends in Restricted Mode), it reads nothing outside the workspace folders and says so where the workspace
// names such a path; kinesisLint/workspaceTrust { trusted: true } then reads it and analyses again.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { startClient, type Client, waitUntil } from './harness';
import { LINKS_OUTSIDE, OUTSIDE } from '../../server/src/node/workspaceBoundHost';
import type { CostSummaryPayload } from '../../server/src/lsp/render/summary';

const STREAM = (name: string) => `resource "aws_kinesis_stream" "${name}" {\n  name            = "${name}"\n  shard_count     = var.shards\n  encryption_type = "KMS"\n  kms_key_id      = "alias/k"\n}\n`;
const SHARDS = 'variable "shards" {\n  type    = number\n  default = 1\n}\n';
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const codes = (d: Diagnostic[]) => d.map((x) => x.code);

describe('language server: untrusted workspace', function () {
  this.timeout(30000);
  let client: Client;
  let outside: string;
  beforeEach(() => {
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-outside-'));
    fs.writeFileSync(path.join(outside, 'main.tf'), 'resource "aws_kinesis_stream" "ext" {\n  name        = "ext"\n  shard_count = 2\n}\n');
  });
  afterEach(async () => {
    if (client) await client.close();
    fs.rmSync(outside, { recursive: true, force: true });
  });
  const summaries = () => client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').map((n) => n.params as CostSummaryPayload);

  it('a module call leading outside is not read and said so (a lower bound); granting trust reads it', async () => {
    const source = `../${path.basename(outside)}`;
    const main = `${STREAM('s')}${SHARDS}module "ext" {\n  source = "${source}"\n}\n`;
    client = await startClient({ 'main.tf': main }, { debounceMs: 0 }, {}, {}, { trusted: false });
    await client.open('main.tf');
    const before = await client.waitFor('main.tf', (d) => codes(d).includes('module-not-analysed'));
    // The message says the cause in a few words; the related information has the whole reason with the path.
    assert.deepEqual(before.filter((x) => x.code === 'module-not-analysed').map((x) => [x.range, x.message, x.relatedInformation?.[0]?.message]), [[
      { start: { line: 11, character: 11 }, end: { line: 11, character: 13 + source.length } },
      'Module not analysed (local source): outside the workspace folders (untrusted workspace)',
      `module.ext: ${outside}: ${OUTSIDE}.`,
    ]]);
    await waitUntil(() => summaries().length > 0);
    const untrusted = summaries().at(-1)!;
    assert.equal(untrusted.streams, 1);
    assert.deepEqual(untrusted.unknowns.filter((u) => u.what === 'module'), [
      { resource: 'module.ext', what: 'module', why: `local source not read: ${outside}: ${OUTSIDE}` },
    ]);
    assert.equal(typeof untrusted.monthlyCost === 'object' && untrusted.monthlyCost !== null && 'atLeast' in untrusted.monthlyCost, true);
    // Nothing of the outside module reached the client.
    assert.equal(client.diagnostics.get(pathToFileURL(path.join(outside, 'main.tf')).href), undefined);

    await client.rpc.sendNotification('kinesisLint/workspaceTrust', { trusted: true });
    await client.waitFor('main.tf', (d) => !codes(d).includes('module-not-analysed'));
    const ext = await waitForUri(client, pathToFileURL(path.join(outside, 'main.tf')).href, (d) => codes(d).includes('missing-kms'));
    assert.deepEqual(ext.find((x) => x.code === 'missing-kms')?.range.start, { line: 0, character: 0 });
    await waitUntil(() => summaries().at(-1)!.streams === 2);
    assert.deepEqual(summaries().at(-1)!.unknowns.filter((u) => u.what === 'module'), []);
  });

  it('a price table, a var file and a .tf link leading outside: each said at its place; trust reads them', async () => {
    fs.writeFileSync(path.join(outside, 'prod.tfvars'), 'shards = 9\n');
    fs.writeFileSync(path.join(outside, 'linked.tf'), 'variable "extra" {}\n');
    const prices = path.join(outside, 'prices.json');
    fs.writeFileSync(prices, '{}');
    const config = `{\n  "prices": "${prices}",\n  "var_files": ["${path.join(outside, 'prod.tfvars')}"]\n}\n`;
    client = await startClient({ 'main.tf': `# kinesis-lint: write_mib_per_sec=3\n${STREAM('s')}${SHARDS}`, '.kinesis-lint.json': config }, { debounceMs: 0 }, {}, {}, { trusted: false });
    fs.symlinkSync(path.join(outside, 'linked.tf'), path.join(client.dir, 'linked.tf'));
    await client.open('main.tf');
    // The var file is not read: shards stays the default 1, undersized for 3 MiB/s.
    await client.waitFor('main.tf', (d) => codes(d).includes('undersized-shards'));
    const cfg = await client.waitFor('.kinesis-lint.json', (d) => d.length === 2);
    assert.deepEqual(cfg.map((x) => [x.code, x.range.start.line, x.message]), [
      ['invalid-config', 1, `price table "${prices}": prices.json: ${OUTSIDE}; built-in prices used`],
      ['invalid-config', 2, `var_files ${path.join(outside, 'prod.tfvars')}: prod.tfvars: ${OUTSIDE}; its values are not used`],
    ]);
    const linked = await client.waitFor('linked.tf', (d) => d.length > 0);
    assert.deepEqual(linked.map((x) => [x.range, x.message]), [[START, `linked.tf: ${LINKS_OUTSIDE}`]]);

    await client.rpc.sendNotification('kinesisLint/workspaceTrust', { trusted: true });
    // shards = 9 from the var file: no longer undersized; the empty price table is now read (and is invalid).
    await client.waitFor('main.tf', (d) => !codes(d).includes('undersized-shards'));
    await client.waitFor('linked.tf', (d) => d.length === 0);
    const after = await client.waitFor('.kinesis-lint.json', (d) => !d.some((x) => x.message.includes(OUTSIDE)));
    assert.ok(after.every((x) => !x.message.includes('var_files')), JSON.stringify(after));
  });

  it('a .terraform/modules/modules.json entry whose Dir leads outside is not read', async () => {
    const main = `${STREAM('s')}${SHARDS}module "ext" {\n  source  = "acme/ext/aws"\n  version = "1.0.0"\n}\n`;
    const manifest = JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'ext', Source: 'registry.terraform.io/acme/ext/aws', Version: '1.0.0', Dir: outside }] });
    client = await startClient({ 'main.tf': main, '.terraform/modules/modules.json': manifest }, { debounceMs: 0 }, {}, {}, { trusted: false });
    await client.open('main.tf');
    const d = await client.waitFor('main.tf', (x) => codes(x).includes('module-not-analysed'));
    assert.deepEqual(d.filter((x) => x.code === 'module-not-analysed').map((x) => [x.message, x.relatedInformation?.[0]?.message]), [[
      'Module not analysed (registry source): outside the workspace folders (untrusted workspace)',
      `module.ext: ${outside}: ${OUTSIDE}.`,
    ]]);
    await client.rpc.sendNotification('kinesisLint/workspaceTrust', { trusted: true });
    await waitForUri(client, pathToFileURL(path.join(outside, 'main.tf')).href, (x) => codes(x).includes('missing-kms'));
  });

  it('a document opened from outside is analysed from its buffer; its folder on disk is not read', async () => {
    fs.writeFileSync(path.join(outside, 'other.tf'), 'resource "aws_kinesis_stream" "other" {\n  name        = "other"\n  shard_count = 1\n}\n');
    client = await startClient({ 'main.tf': `${STREAM('s')}${SHARDS}` }, { debounceMs: 0 }, {}, {}, { trusted: false });
    const uri = pathToFileURL(path.join(outside, 'main.tf')).href;
    await client.rpc.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: fs.readFileSync(path.join(outside, 'main.tf'), 'utf8') } });
    const d = await waitForUri(client, uri, (x) => codes(x).includes('missing-kms'));
    assert.deepEqual([...new Set(d.map((x) => x.data?.resource))], ['aws_kinesis_stream.ext']);
    // Streams s (workspace) and ext (the open document); other.tf beside it on disk would make a third.
    await waitUntil(() => summaries().at(-1)?.streams === 2);
    assert.equal(client.diagnostics.get(pathToFileURL(path.join(outside, 'other.tf')).href), undefined);
  });

  it('without initializationOptions.trusted the server is trusted, as before', async () => {
    const main = `${STREAM('s')}${SHARDS}module "ext" {\n  source = "../${path.basename(outside)}"\n}\n`;
    client = await startClient({ 'main.tf': main }, { debounceMs: 0 });
    await client.open('main.tf');
    await waitForUri(client, pathToFileURL(path.join(outside, 'main.tf')).href, (d) => codes(d).includes('missing-kms'));
    assert.ok(!codes(client.diagnostics.get(client.uri('main.tf')) ?? []).includes('module-not-analysed'));
  });
});


async function waitForUri(client: Client, uri: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  await waitUntil(() => predicate(client.diagnostics.get(uri) ?? []));
  return client.diagnostics.get(uri)!;
}
