// Issue #10, defects 5, 9 and 10 over the protocol: a module called twice labels every figure with its caller (lens,
// hint, hover); each module call has a lens with what it creates; the file lens is a setting (off); the stream_mode
// hint does not repeat the lens; only EFO consumers get a hint, at the end of their line; the cost report is sorted
// by cost (unknown last) with links and findings.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeLens, Hover, InlayHint } from 'vscode-languageserver';
import { startClient, type Client, waitUntil } from './harness';
import type { ReportStream } from '../../server/src/lsp/render/costReport';

const KIN = [
  'variable "shards" {}',
  '',
  '# kinesis-lint: records_per_sec=100 avg_record_kib=1',
  'resource "aws_kinesis_stream" "s" {',
  '  name             = "s"',
  '  shard_count      = var.shards',
  '  retention_period = 48',
  '  encryption_type  = "KMS"',
  '  kms_key_id       = "alias/k"',
  '}',
  '',
  'resource "aws_kinesis_stream_consumer" "c" { # the reader   ',
  '  name       = "c"',
  '  stream_arn = aws_kinesis_stream.s.arn',
  '}',
  '',
].join('\n');

const MAIN = [
  'module "small" {',
  '  source = "./modules/kin"',
  '  shards = 1',
  '}',
  '',
  'module "big" {',
  '  source = "./modules/kin"',
  '  shards = 8',
  '}',
  '',
].join('\n');

const OD = [
  '# kinesis-lint: records_per_sec=100 avg_record_kib=1',
  'resource "aws_kinesis_stream" "od" {',
  '  name            = "od"',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/k"',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '}',
  '',
].join('\n');

// No load and no shard count: nothing to price, the total is unknown; and findings to list.
const BLANK = ['variable "nope" {}', '', 'resource "aws_kinesis_stream" "blank" {', '  name        = "blank"', '  shard_count = var.nope', '}', ''].join('\n');

const FILES = { 'main.tf': MAIN, 'modules/kin/main.tf': KIN, 'od.tf': OD, 'blank.tf': BLANK };

describe('language server: labels, lenses, hints and the report (issue #10, defects 5, 9, 10)', function () {
  this.timeout(60000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  const start = async (settings: Record<string, unknown>) => {
    client = await startClient(FILES, { debounceMs: 0, ...settings });
    await client.open('modules/kin/main.tf');
    await client.open('main.tf');
    await client.open('od.tf');
    await client.waitFor('blank.tf', (d) => d.length > 0).catch(() => undefined);
    await waitUntil(() => client.notifications.some((n) => n.method === 'kinesisLint/costSummary' && (n.params as { streams: number }).streams === 4));
  };
  const lenses = async (file: string) =>
    ((await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(file) } })) as CodeLens[]).map((l) => [l.range.start.line, l.command!.title, l.command!.command, l.command!.arguments]);
  const hints = async (file: string) =>
    ((await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } },
    })) as InlayHint[]).map((h) => [h.position.line, h.position.character, h.label]);

  it('a module called twice: one lens per caller, labelled; each call block has the cost of what it creates; no file lens', async () => {
    await start({});
    const kin = client.uri('modules/kin/main.tf');
    assert.deepEqual(await lenses('modules/kin/main.tf'), [
      [3, 'module.small: ≈ $43.44/mo · 1 shard · 10 % peak records', 'kinesisLint.showStreamBreakdown', [kin, 'module.small.aws_kinesis_stream.s']],
      [3, 'module.big: ≈ $298.94/mo · 8 shards · 1 % peak records', 'kinesisLint.showStreamBreakdown', [kin, 'module.big.aws_kinesis_stream.s']],
    ]);
    // One caller each: no label; a click opens the report at the stream.
    assert.deepEqual(await lenses('main.tf'), [
      [0, '≈ $43.44/mo for 1 Kinesis stream', 'kinesisLint.showCostReport', [{ focus: 'module.small.aws_kinesis_stream.s' }]],
      [5, '≈ $298.94/mo for 1 Kinesis stream', 'kinesisLint.showCostReport', [{ focus: 'module.big.aws_kinesis_stream.s' }]],
    ]);
    assert.deepEqual(await lenses('od.tf'), [[1, '≈ $49.25/mo · on-demand', 'kinesisLint.showStreamBreakdown', [client.uri('od.tf'), 'aws_kinesis_stream.od']]]);
  });

  it('hints: one per place, each figure labelled with its caller; the EFO consumer\'s at the end of its line; no stream_mode hint under a lens', async () => {
    await start({});
    const consumerLine = KIN.split('\n')[11];
    assert.deepEqual(await hints('modules/kin/main.tf'), [
      [5, 31, 'module.small: ≈ $10.95/mo · module.big: ≈ $87.60/mo'],
      [6, 23, 'module.small: + $14.60/mo · module.big: + $116.80/mo'],
      // After `{ # the reader`, before the trailing blanks: 57 of the line's 60 characters.
      [11, 57, 'module.small: EFO + $14.21/mo · module.big: EFO + $90.86/mo'],
    ]);
    assert.equal(consumerLine.length, 60);
    // VS Code cuts a line's hints after 43 characters: the tooltip lists every caller's figure, one a line.
    const raw = (await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri('modules/kin/main.tf') },
      range: { start: { line: 5, character: 0 }, end: { line: 6, character: 0 } },
    })) as InlayHint[];
    assert.deepEqual(raw.map((h) => h.tooltip), ['module.small: ≈ $10.95/mo\nmodule.big: ≈ $87.60/mo']);
    assert.equal(consumerLine.slice(57).trim(), '');
    assert.deepEqual(await hints('od.tf'), []);
    const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('modules/kin/main.tf') }, position: { line: 5, character: 4 } })) as Hover;
    const md = (h.contents as { value: string }).value;
    assert.ok(md.startsWith('**2 callers**: module.small: ≈ $43.44/mo · module.big: ≈ $298.94/mo\n\n---\n\n**module.small.aws_kinesis_stream.s** — ≈ **$43.44/month**'), md.slice(0, 300));
    assert.ok(md.includes('\n\n---\n\n**module.big.aws_kinesis_stream.s** — ≈ **$298.94/month**'), md);
  });

  it('kinesisLint.codeLens.fileTotal: the file lens first; codeLens.enabled false: no lens, and the stream_mode hint says the total', async () => {
    await start({ codeLens: { enabled: true, fileTotal: true } });
    const titles = (await lenses('modules/kin/main.tf')).map((l) => [l[0], l[1], l[2]]);
    // The sum of the unrounded totals ($43.435… + $298.935…), as the status bar adds them.
    assert.deepEqual(titles[0], [0, 'kinesis-lint: ≈ $342.37/mo for 2 streams in this file', 'kinesisLint.showCostReport']);
    assert.equal(titles.length, 3);
    // A file without streams (only module calls) gets no file lens.
    assert.deepEqual((await lenses('main.tf')).map((l) => l[0]), [0, 5]);
    await client.close();
    await start({ codeLens: { enabled: false } });
    assert.deepEqual(await lenses('od.tf'), []);
    assert.deepEqual(await hints('od.tf'), [[6, 29, '≈ $49.25/mo in total']]);
  });

  it('a caller written after its module was analysed alone: the module stops being a root (no third, unlabelled lens)', async () => {
    client = await startClient({ 'modules/kin/main.tf': KIN }, { debounceMs: 0 });
    await client.open('modules/kin/main.tf');
    const summaries = () => client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').length;
    await waitUntil(() => summaries() > 0);
    // Alone, var.shards has no value: what the load prices (PUT units, EFO retrieval), + usage.
    assert.deepEqual((await lenses('modules/kin/main.tf')).map((l) => l[1]), ['≈ $6.94/mo + usage']);
    fs.writeFileSync(path.join(client.dir, 'main.tf'), MAIN);
    const before = summaries();
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('main.tf'), type: 1 }] });
    await waitUntil(() => summaries() > before);
    assert.deepEqual((await lenses('modules/kin/main.tf')).map((l) => l[1]), [
      'module.small: ≈ $43.44/mo · 1 shard · 10 % peak records',
      'module.big: ≈ $298.94/mo · 8 shards · 1 % peak records',
    ]);
  });

  it('cost report: most expensive first, unknown last; workspace paths with links; each stream\'s findings', async () => {
    await start({});
    const report = (await client.rpc.sendRequest('kinesisLint/costReport', {})) as { markdown: string; rows: ReportStream[] };
    assert.deepEqual(report.rows.map((r) => [r.resource, r.cost, r.at.label, r.at.uri, r.at.line, r.at.character]), [
      ['module.big.aws_kinesis_stream.s', '$298.94', 'modules/kin/main.tf:4', client.uri('modules/kin/main.tf'), 3, 0],
      ['aws_kinesis_stream.od', '$49.25', 'od.tf:2', client.uri('od.tf'), 1, 0],
      ['module.small.aws_kinesis_stream.s', '$43.44', 'modules/kin/main.tf:4', client.uri('modules/kin/main.tf'), 3, 0],
      ['aws_kinesis_stream.blank', 'cost unknown: shard_count not resolved, no load declared', 'blank.tf:3', client.uri('blank.tf'), 2, 0],
    ]);
    // A finding on the module's block serves each caller; one on a caller's argument only that caller.
    assert.deepEqual(report.rows.map((r) => r.findings.map((f) => [f.ruleId, f.at.label])), [
      [['oversized-shards', 'main.tf:8'], ['efo-unneeded', 'modules/kin/main.tf:4'], ['extended-retention-cost', 'modules/kin/main.tf:7']],
      [['capacity-mode-cost', 'od.tf:7']],
      [['efo-unneeded', 'modules/kin/main.tf:4'], ['extended-retention-cost', 'modules/kin/main.tf:7']],
      [['missing-kms', 'blank.tf:3'], ['throughput-undeclared', 'blank.tf:3']],
    ]);
    const table = report.markdown.split('\n').filter((l) => l.startsWith('| `'));
    assert.deepEqual(table, [
      `| \`module.big.aws_kinesis_stream.s\` | [modules/kin/main.tf:4](${client.uri('modules/kin/main.tf')}#L4) | 8 shards | $298.94 | 3 |`,
      `| \`aws_kinesis_stream.od\` | [od.tf:2](${client.uri('od.tf')}#L2) | on-demand | $49.25 | 1 |`,
      `| \`module.small.aws_kinesis_stream.s\` | [modules/kin/main.tf:4](${client.uri('modules/kin/main.tf')}#L4) | 1 shard | $43.44 | 2 |`,
      `| \`aws_kinesis_stream.blank\` | [blank.tf:3](${client.uri('blank.tf')}#L3) | ? shards | cost unknown: shard\\_count not resolved, no load declared | 2 |`,
    ]);
  });
});

