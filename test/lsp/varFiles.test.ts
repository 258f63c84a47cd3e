// kinesisLint.varFiles through the real server: values from the listed files, findings that name them, fixes that
// edit them, re-analysis when one changes, and a watcher for a file the workspace globs miss.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver';
import { startClient, type Client, waitUntil } from './harness';

// write 3 MiB/s needs ceil(3 / 0.8) = 4 shards; the default 4 is enough.
const MAIN = [
  '# kinesis-lint: write_mib_per_sec=3',
  'resource "aws_kinesis_stream" "s" {',
  '  name            = "s"',
  '  shard_count     = var.shards',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/k"',
  '}',
  'variable "shards" {',
  '  type    = number',
  '  default = 4',
  '}',
  '',
].join('\n');
const undersized = (d: Diagnostic[]) => d.find((x) => x.code === 'undersized-shards');

describe('language server: kinesisLint.varFiles', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('reads the listed file, names it in the finding, and the quick fix edits that file', async () => {
    client = await startClient({ 'main.tf': MAIN, 'env/prod.tfvars': 'shards = 1\n' }, { debounceMs: 0, varFiles: ['env/prod.tfvars'] });
    await client.open('main.tf');
    const d = undersized(await client.waitFor('main.tf', (x) => undersized(x) !== undefined))!;
    assert.deepEqual(d.range, { start: { line: 3, character: 20 }, end: { line: 3, character: 30 } });
    assert.match(d.relatedInformation![0].message, / shard_count comes from kinesisLint\.varFiles env\/prod\.tfvars\.$/);
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri('main.tf') }, range: d.range, context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const edits = actions.flatMap((a) => Object.entries(a.edit?.changes ?? {}).map(([uri, e]) => [uri, (e as TextEdit[]).map((x) => [x.range, x.newText])]));
    assert.deepEqual(edits[0], [client.uri('env/prod.tfvars'), [[{ start: { line: 0, character: 9 }, end: { line: 0, character: 10 } }, '4']]]);
  });

  it('without the setting the same workspace is clean (the default 4 applies)', async () => {
    client = await startClient({ 'main.tf': MAIN, 'env/prod.tfvars': 'shards = 1\n' }, { debounceMs: 0 });
    await client.open('main.tf');
    await client.waitFor('main.tf', (x) => x.length === 0);
  });

  it('re-analyses when a listed file outside the workspace globs changes, and watches it by path', async () => {
    client = await startClient({ 'main.tf': MAIN, 'vars/prod.vars': 'shards = 4\n' }, { debounceMs: 0, varFiles: ['vars/prod.vars'] });
    await client.open('main.tf');
    await client.waitFor('main.tf', (x) => x.length === 0);
    const watcher = { globPattern: { baseUri: pathToFileURL(path.join(client.dir, 'vars')).href, pattern: 'prod.vars' } };
    await waitUntil(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles' && JSON.stringify(r.registerOptions) === JSON.stringify({ watchers: [watcher] })));
    fs.writeFileSync(path.join(client.dir, 'vars/prod.vars'), 'shards = 2\n');
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('vars/prod.vars'), type: 2 }] });
    await client.waitFor('main.tf', (x) => undersized(x) !== undefined);
  });
});

