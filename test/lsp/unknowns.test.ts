// The editor says what is unknown exactly as the CLI does (issue #7, item 5): hover, code lens, inlay hints, the
// status bar summary and the cost report, on unknown count, unresolvable reader, nothing priceable and on-demand
// without a load, each beside a known case.
import { strict as assert } from 'node:assert';
import type { CodeLens, Hover, InlayHint } from 'vscode-languageserver';
import { startClient, type Client, waitUntil } from './harness';
import { SCENARIOS } from '../support/unknownScenarios';
import { statusView } from '../../client/src/statusText';
import type { CostSummary } from '../../client/src/protocol';

describe('language server: unknown inputs', function () {
  this.timeout(60000);
  let client: Client;
  before(async () => {
    client = await startClient(SCENARIOS);
    for (const file of Object.keys(SCENARIOS)) await client.open(file);
    // The workspace is analysed once all five roots are in: 8 streams.
    await waitUntil(() => lastSummary()?.streams === 8);
  });
  after(async () => client && (await client.close()));

  const lastSummary = () =>
    client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').map((n) => n.params as CostSummary).pop();

  const lenses = async (file: string) =>
    ((await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(file) } })) as CodeLens[]).map((l) => l.command!.title);

  const hover = async (file: string, header: string) => {
    const line = SCENARIOS[file].split('\n').indexOf(header);
    const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(file) }, position: { line, character: 3 } })) as Hover;
    return (h.contents as { value: string }).value;
  };

  const hints = async (file: string) => {
    const lines = SCENARIOS[file].split('\n');
    const all = (await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri(file) },
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
    })) as InlayHint[];
    // [the line, what follows the hint on it (nothing after a value, " {" after a header), the label]
    return all.map((h) => [lines[h.position.line].trim(), lines[h.position.line].slice(h.position.character), h.label]);
  };

  it('unknown count: lens and hover say "cost unknown" with one instance\'s figure and why; count = 2: the total', async () => {
    assert.deepEqual(await lenses('count/main.tf'), [
      // 100 records/s of the 1,000 a shard takes.
      // It read "≈ unknown (…)": approximately unknown (issue #10, defect 2).
      'cost unknown: count/for_each not resolved (≈ $14.63/mo per instance) · 1 shard · 10 % peak records',
      '≈ $29.26/mo · 1 shard · × 2 instances · 10 % peak records',
    ]);
    const counted = await hover('count/main.tf', 'resource "aws_kinesis_stream" "counted" {');
    assert.ok(counted.startsWith('**aws_kinesis_stream.counted** — **cost unknown: count/for\\_each not resolved (≈ $14.63/month per instance)** in us-east-1'), counted);
    assert.ok(counted.includes('\n**Missing**\n\n- instance count (count is unknown: var.n has no default and no value)\n'), counted);
    assert.ok(counted.includes('| Total per month |  | cost unknown: count/for\\_each not resolved ($14.63 per instance) |'), counted);
    const twice = await hover('count/main.tf', 'resource "aws_kinesis_stream" "twice" {');
    assert.ok(twice.startsWith('**aws_kinesis_stream.twice** — ≈ **$29.26/month** in us-east-1'), twice);
    assert.ok(!twice.includes('**Missing**'));
    // The shard-hours hint is one instance's when the count is unknown, and says so.
    assert.deepEqual(await hints('count/main.tf'), [
      ['shard_count = 1', '', '≈ $10.95/mo per instance'],
      ['shard_count = 1', '', '≈ $21.90/mo'],
    ]);
  });

  it('unresolvable reader: "at least 0" readers, reads "+ usage"; linked reader: priced', async () => {
    const lost = await hover('readers/main.tf', 'resource "aws_kinesis_stream" "od" {');
    assert.ok(lost.includes('**Consumers**: at least 0 standard, at least 0 enhanced fan-out'), lost);
    assert.ok(lost.includes('| Data retrieved (standard consumers) | ? GB × $0.04 | + usage |'), lost);
    assert.ok(lost.includes('- readers (aws\\_lambda\\_event\\_source\\_mapping.lost: event\\_source\\_arn cannot be resolved)'), lost);
    // The lens above says the total: no stream_mode hint repeats it (layoutHints.test.ts shows it without lenses).
    assert.deepEqual(await hints('readers/main.tf'), []);
    const linked = await hover('readers-known/main.tf', 'resource "aws_kinesis_stream" "od" {');
    assert.ok(linked.includes('**Consumers**: 1 standard, 0 enhanced fan-out'), linked);
    // A standard reader adds no line of its own to the bill: no hint on it (issue #10, defect 10).
    assert.deepEqual(await hints('readers-known/main.tf'), []);
  });

  it('nothing priceable: "unknown", never $0; the known stream beside it keeps its figure', async () => {
    assert.deepEqual(await lenses('nothing/main.tf'), [
      'cost unknown: shard_count not resolved, no load declared',
      '≈ $14.63/mo · 1 shard · 10 % peak records',
    ]);
    const blank = await hover('nothing/main.tf', 'resource "aws_kinesis_stream" "blank" {');
    assert.ok(blank.startsWith('**aws_kinesis_stream.blank** — **cost unknown: shard\\_count not resolved, no load declared** in us-east-1'), blank);
    assert.ok(blank.includes('| Total per month |  | cost unknown: shard\\_count not resolved, no load declared |'), blank);
    assert.ok(blank.includes('- shard count (shard\\_count: var.shards has no default and no value)\n- load (no load declared)'), blank);
    // The shard hours of an unknown shard count: the unit price with its unit, never a monthly amount ("/mo").
    assert.deepEqual(await hints('nothing/main.tf'), [
      ['shard_count = var.shards', '', '$0.015 per shard-hour'],
      ['shard_count = 1', '', '≈ $10.95/mo'],
    ]);
  });

  it('on-demand without a load: "+ usage" and the missing load; with a load: exact', async () => {
    assert.deepEqual(await lenses('ondemand/main.tf'), [
      '≈ $29.20/mo + usage · on-demand',
      '≈ $49.25/mo · on-demand',
    ]);
  });

  it('status bar and cost report: the bounded total and what is missing', async () => {
    const summary = lastSummary()!;
    assert.deepEqual(summary.monthlyCost, { atLeast: summary.totalMonthlyUsd });
    assert.equal(summary.missing, 'instance count, shard count, readers, load');
    const view = statusView('running', summary);
    assert.equal(view.text, '$(pulse) kinesis-lint ≈ $230.86/mo + usage');
    assert.match(view.tooltip, /Missing: instance count, shard count, readers, load\./);
    const report = (await client.rpc.sendRequest('kinesisLint/costReport', {})) as CostSummary & { markdown: string };
    assert.ok(report.markdown.startsWith('# kinesis-lint: ≈ $230.86/month + usage for 8 streams\n\nMissing: instance count, shard count, readers, load (each stream below says why).'), report.markdown.slice(0, 200));
    assert.ok(report.markdown.includes(`| \`aws_kinesis_stream.counted\` | [count/main.tf:6](${client.uri('count/main.tf')}#L6) | 1 shard | cost unknown: count/for\\_each not resolved ($14.63 per instance) | 0 |`), report.markdown);
    assert.equal(report.streams, 8);
  });
});

