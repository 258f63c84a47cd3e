import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Hover, InlayHint, TextEdit } from 'vscode-languageserver';
import { startClient, type Client } from './harness';
import { applyEdits } from '../support/analyze';
import { HclParser } from '../../server/src/core/syntax/hcl2json';

const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'telemetry-pipeline');
const exampleFiles = () =>
  Object.fromEntries(fs.readdirSync(EXAMPLE).filter((f) => /\.(tf|tfvars)$/.test(f)).map((f) => [f, fs.readFileSync(path.join(EXAMPLE, f), 'utf8')]));
const undersized = (d: { code?: unknown }[]) => d.some((x) => x.code === 'undersized-shards');

describe('language server over JSON-RPC', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('publishes diagnostics with exact ranges, hovers, lenses, hints, and fixes shard_count', async () => {
    client = await startClient(exampleFiles());
    await client.open('main.tf');
    const diags = await client.waitFor('main.tf', undersized);
    const d = diags.find((x) => x.code === 'undersized-shards')!;
    assert.deepEqual(d.range, { start: { line: 33, character: 21 }, end: { line: 33, character: 22 } });
    assert.equal(d.source, 'kinesis-lint');
    assert.equal(d.severity, 2);
    assert.match(d.codeDescription!.href, /\/docs\/rules\/undersized-shards\.md$/);
    // The short message; the arithmetic as related information at the finding's own place.
    assert.equal(d.message, '2 shards, load needs 4 (write bytes at 150 %)');
    assert.deepEqual(d.relatedInformation!.map((r) => [r.location.uri, r.location.range]), [[client.uri('main.tf'), d.range]]);
    assert.match(d.relatedInformation![0].message, /^At the 80 % target utilisation write bytes \(3 MiB\/s against 1 MiB\/s per shard\) sets the number: 4 shards/);

    const hover = (await client.rpc.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 33, character: 4 },
    })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /\*\*aws_kinesis_stream\.telemetry\*\* — ≈ \*\*\$113\.88\/month\*\*/);
    assert.match(md, /\| Shard hours \| 1,460 shard-hours × \$0\.015 \| \$21\.90 \|/);
    assert.match(md, /needs \*\*4\*\* shards/);

    const lenses = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri('main.tf') } })) as CodeLens[];
    const lens = lenses.find((l) => l.range.start.line === 31)!;
    assert.equal(lens.command!.title, '≈ $113.88/mo · 2 shards · 150 % peak write');
    assert.deepEqual(lens.command!.arguments, [client.uri('main.tf'), 'aws_kinesis_stream.telemetry']);

    const hints = (await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri('main.tf') },
      range: { start: { line: 0, character: 0 }, end: { line: 200, character: 0 } },
    })) as InlayHint[];
    const shardHint = hints.find((h) => h.position.line === 33)!;
    assert.deepEqual(shardHint.position, { line: 33, character: 22 });
    assert.equal(shardHint.label, '≈ $21.90/mo');

    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri('main.tf') },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.title, 'Set shard_count = 4 (+$21.90/mo)');
    // Ignore: above the resource header (line 31), or for the whole file on its first line; the reason is a
    // placeholder (VS Code's client makes it a selected snippet).
    const inserted = (title: string) => {
      const a = actions.find((x) => x.title === title);
      return a && Object.values(a.edit!.changes ?? {}).concat((a.edit!.documentChanges ?? []).map((c) => (c as unknown as { edits: never[] }).edits)).flat()
        .map((e: { range: { start: { line: number; character: number } }; newText: string }) => [e.range.start.line, e.range.start.character, e.newText]);
    };
    assert.deepEqual(inserted('Ignore undersized-shards for this resource'), [[31, 0, '# kinesis-lint-ignore: undersized-shards <reason>\n']]);
    assert.deepEqual(inserted('Ignore undersized-shards for this file'), [[0, 0, '# kinesis-lint-ignore-file: undersized-shards <reason>\n']]);
    assert.ok(actions.some((a) => a.title === 'Show documentation for undersized-shards'));
    const edits = fix.edit!.changes![client.uri('main.tf')] as TextEdit[];
    const fixed = applyEdits(fs.readFileSync(path.join(client.dir, 'main.tf'), 'utf8'), edits);
    assert.match(fixed.split('\n')[33], /shard_count\s+= 4$/);
    await client.change('main.tf', fixed);
    await client.waitFor('main.tf', (x) => !undersized(x));
  });

  it('re-checks main.tf when a variable file changes it', async () => {
    client = await startClient({
      'main.tf': '# kinesis-lint: write_mib_per_sec=3\nresource "aws_kinesis_stream" "s" {\n  name            = "s"\n  shard_count     = var.shards\n  encryption_type = "KMS"\n  kms_key_id      = "k"\n}\n',
      'variables.tf': 'variable "shards" {\n  default = 4\n}\n',
    });
    await client.open('main.tf');
    await client.open('variables.tf');
    await client.waitFor('main.tf', (x) => x.length === 0);
    await client.change('variables.tf', 'variable "shards" {\n  default = 1\n}\n');
    const diags = await client.waitFor('main.tf', undersized);
    assert.deepEqual(diags.find((x) => x.code === 'undersized-shards')!.range, { start: { line: 3, character: 20 }, end: { line: 3, character: 30 } });
  });

  it('keeps other files\' diagnostics and the last rule findings while a file has a syntax error', async () => {
    const stream = (name: string) => `resource "aws_kinesis_stream" "${name}" {\n  name        = "${name}"\n  shard_count = 1\n}\n`;
    client = await startClient({ 'a.tf': stream('a'), 'b.tf': stream('b') });
    await client.open('a.tf');
    await client.open('b.tf');
    await client.waitFor('a.tf', (x) => x.some((d) => d.code === 'missing-kms'));
    await client.waitFor('b.tf', (x) => x.some((d) => d.code === 'missing-kms'));
    await client.change('a.tf', `${stream('a')}variable "x" { type = number default = 2 }\n`);
    const a = await client.waitFor('a.tf', (x) => x.some((d) => d.code === 'syntax-error'));
    assert.ok(a.some((d) => d.code === 'missing-kms'), 'rule findings stay while the file is broken');
    const b = client.diagnostics.get(client.uri('b.tf'))!;
    assert.ok(b.some((d) => d.code === 'missing-kms'), 'other files keep theirs');
  });

  it('survives a parser crash on one file and keeps serving the others', async () => {
    // Without the nesting guard, 10,000-deep objects kill hcl2json's Go runtime (reference/parsing.md §1).
    const deep = `locals {\n  x = ${'{ a = '.repeat(10000)}1${' }'.repeat(10000)}\n}\n`;
    const parser = new HclParser({ maxNestingDepth: Infinity, timeoutMs: 5000 });
    const files = { 'ok.tf': 'resource "aws_kinesis_stream" "ok" {\n  name        = "ok"\n  shard_count = 1\n}\n', 'deep.tf': deep };
    client = await startClient(files, { debounceMs: 0 }, { parser });
    await client.open('ok.tf');
    await client.open('deep.tf');
    const deepDiags = await client.waitFor('deep.tf', (x) => x.some((d) => d.code === 'syntax-error'));
    assert.match(deepDiags[0].message, /^HCL parser (crashed|timed out)/);
    await client.waitFor('ok.tf', (x) => x.some((d) => d.code === 'missing-kms'));
    // The parser came back: a fix in ok.tf is analysed.
    await client.change('ok.tf', 'resource "aws_kinesis_stream" "ok" {\n  name            = "ok"\n  shard_count     = 1\n  encryption_type = "KMS"\n  kms_key_id      = "k"\n}\n');
    await client.waitFor('ok.tf', (x) => !x.some((d) => d.code === 'missing-kms'));
    const hover = (await client.rpc.sendRequest('textDocument/hover', {
      textDocument: { uri: client.uri('ok.tf') },
      position: { line: 0, character: 3 },
    })) as Hover;
    assert.match((hover.contents as { value: string }).value, /aws_kinesis_stream\.ok/);
  });

  it('answers the cost report and sends the cost summary', async () => {
    client = await startClient(exampleFiles());
    await client.open('main.tf');
    await client.waitFor('main.tf', undersized);
    const report = (await client.rpc.sendRequest('kinesisLint/costReport', {})) as { markdown: string; totalMonthlyUsd: number; streams: number };
    assert.equal(report.streams, 1);
    assert.equal(Math.round(report.totalMonthlyUsd * 100) / 100, 113.88);
    assert.ok(client.notifications.some((n) => n.method === 'kinesisLint/costSummary'));
  });
});
