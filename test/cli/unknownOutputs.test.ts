// Every CLI format says the same about what is unknown (issue #7, item 5): text tables and footer, JSON fields,
// SARIF run properties; a known case beside each unknown one. Amounts are priced by hand in unknownScenarios.ts.
import { strict as assert } from 'assert';
import { analyze } from '../support/analyze';
import { ON_DEMAND_BASE_USD, ON_DEMAND_READ_USD, PROVISIONED_INSTANCE_USD, SCENARIOS, SCENARIO_DIRS } from '../support/unknownScenarios';
import { roundUsd } from '../../server/src/cli/format/numbers';
import { buildReport, type RunReport } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format/text';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { RULES, TOOL } from './synthetic';

/** twice + known + loaded + linked od (exact) + bare and lost od (lower bounds); counted and blank have no total. */
const BOUNDED_TOTAL = roundUsd(3 * PROVISIONED_INSTANCE_USD + 2 * ON_DEMAND_BASE_USD + (ON_DEMAND_BASE_USD + ON_DEMAND_READ_USD) + 29.2);

let report: RunReport;
before(async () => {
  const res = await analyze(SCENARIOS, { dirs: SCENARIO_DIRS });
  report = buildReport(res.analyses, '/ws', true);
});

/** The table of one stream without its notes: header, facts, rows, total, missing lines. */
function table(text: string, header: string): string[] {
  const block = text.split('\n\n').find((b) => b.startsWith(header));
  assert.ok(block, `no table ${header}`);
  return block.split('\n').filter((l) => !l.startsWith('  note: ')).map((l) => l.replace(/ {2,}/g, '  ').trimEnd());
}

describe('cli: unknown inputs in every format', () => {
  describe('text', () => {
    it('unknown count: "cost unknown: count/for_each not resolved (… per instance)" and the cause; count = 2: the total', () => {
      const text = formatText(report);
      assert.deepEqual(table(text, 'aws_kinesis_stream.counted'), [
        'aws_kinesis_stream.counted (count/main.tf:6:1)',
        '  PROVISIONED, 1 shard, instances unknown, us-east-1',
        '  Shard hours  730 shard-hours × $0.015  $10.95',
        '  PUT payload units  263 million PUT units × $0.014  $3.68',
        '  Total per month  cost unknown: count/for_each not resolved ($14.63 per instance)',
        '  missing: instance count (count is unknown: var.n has no default and no value)',
      ]);
      assert.equal(table(text, 'aws_kinesis_stream.twice')[4], '  Total per month  $29.26');
    });

    it('nothing priceable: "cost unknown: shard_count not resolved, …", never $0.00; beside it a known total', () => {
      const text = formatText(report);
      assert.deepEqual(table(text, 'aws_kinesis_stream.blank').slice(4), [
        '  Total per month  cost unknown: shard_count not resolved, no load declared',
        '  missing: shard count (shard_count: var.shards has no default and no value)',
        '  missing: load (no load declared)',
      ]);
      assert.deepEqual(table(text, 'aws_kinesis_stream.known').slice(4), ['  Total per month  $14.63']);
    });

    it('unresolvable reader: reads "+ usage", not $0; linked reader: priced', () => {
      const text = formatText(report);
      assert.deepEqual(table(text, 'aws_kinesis_stream.od (readers/').slice(4), [
        '  Data retrieved (standard consumers)  ? GB × $0.04  + usage',
        '  Enhanced fan-out data retrieval  ? GB × $0.05  + usage',
        '  Total per month  $49.25 + usage',
        '  missing: readers (aws_lambda_event_source_mapping.lost: event_source_arn cannot be resolved)',
      ]);
      assert.deepEqual(table(text, 'aws_kinesis_stream.od (readers-known/').slice(4), [
        '  Data retrieved (standard consumers)  251 GB × $0.04  $10.03',
        '  Total per month  $59.28',
      ]);
    });

    it('on-demand without load: stream hours "+ usage", missing load; with load: exact', () => {
      const text = formatText(report);
      assert.deepEqual(table(text, 'aws_kinesis_stream.bare').slice(4), ['  Total per month  $29.20 + usage', '  missing: load (no load declared)']);
      assert.deepEqual(table(text, 'aws_kinesis_stream.loaded').slice(4), ['  Total per month  $49.25']);
    });

    it('the footer names what is missing instead of "declare the load"', () => {
      // BOUNDED_TOTAL = $230.86.
      assert.equal(BOUNDED_TOTAL.toFixed(2), '230.86');
      assert.ok(formatText(report).includes('\nTotal for 8 streams: $230.86/month + usage (missing: instance count, shard count, readers, load)\n'));
      const known = buildReport([{ dir: '/ws', files: [], findings: [], streams: report.streams.filter((s) => s.resource === 'aws_kinesis_stream.twice') }], '/ws', true);
      assert.ok(formatText(known).includes('\nTotal for 1 stream: $29.26/month\n'));
    });

    it('an unknown shard_count alone: the total says "cost unknown" and why, nowhere $0.00; JSON null (issue #10, defect 2)', async () => {
      const blank = SCENARIOS['nothing/main.tf'].split('\n\n# kinesis-lint')[0] + '\n';
      const res = await analyze({ 'main.tf': blank });
      const one = buildReport(res.analyses, '/ws', true);
      const text = formatText(one);
      assert.ok(text.includes('\nTotal for 1 stream: cost unknown: shard_count not resolved, no load declared\n'), text);
      assert.deepEqual(table(text, 'aws_kinesis_stream.blank').slice(4, 5), ['  Total per month  cost unknown: shard_count not resolved, no load declared']);
      assert.ok(!text.includes('$0.00'), text);
      const json = JSON.parse(formatJson(one, TOOL));
      assert.equal(json.streams[0].monthlyCostUsd, null);
      assert.equal(json.summary.monthlyCostUsd, null);
      assert.deepEqual(json.streams[0].unknowns.map((u: { what: string }) => u.what), ['shard-count', 'load']);
    });
  });

  describe('json', () => {
    const stream = (json: { streams: { resource: string; file: string }[] }, resource: string, dir?: string) =>
      json.streams.find((s) => s.resource === resource && (!dir || s.file.startsWith(`${dir}/`))) as Record<string, unknown>;

    it('unknown count: instances and monthlyCostUsd null, the per-instance figure, partial and the cause', () => {
      const json = JSON.parse(formatJson(report, TOOL));
      const counted = stream(json, 'aws_kinesis_stream.counted');
      assert.deepEqual(
        [counted.instances, counted.monthlyCostUsd, counted.monthlyCostPerInstanceUsd, counted.partial, counted.unknowns],
        [null, null, roundUsd(PROVISIONED_INSTANCE_USD), true, [{ what: 'instance-count', why: 'count is unknown: var.n has no default and no value' }]],
      );
      const twice = stream(json, 'aws_kinesis_stream.twice');
      assert.deepEqual([twice.instances, twice.monthlyCostUsd, twice.monthlyCostPerInstanceUsd, twice.partial, twice.unknowns], [2, roundUsd(2 * PROVISIONED_INSTANCE_USD), null, false, []]);
    });

    it('unresolvable reader: counts {"atLeast": 0}, total {"atLeast": …}; linked: numbers', () => {
      const json = JSON.parse(formatJson(report, TOOL));
      const lost = stream(json, 'aws_kinesis_stream.od', 'readers');
      assert.deepEqual(lost.consumers, { standard: { atLeast: 0 }, efo: { atLeast: 0 } });
      assert.deepEqual(lost.monthlyCostUsd, { atLeast: roundUsd(ON_DEMAND_BASE_USD) });
      const known = stream(json, 'aws_kinesis_stream.od', 'readers-known');
      assert.deepEqual([known.consumers, known.monthlyCostUsd, known.partial], [{ standard: 1, efo: 0 }, roundUsd(ON_DEMAND_BASE_USD + ON_DEMAND_READ_USD), false]);
    });

    it('nothing priceable: null, not 0; on-demand without load: a lower bound', () => {
      const json = JSON.parse(formatJson(report, TOOL));
      assert.equal(stream(json, 'aws_kinesis_stream.blank').monthlyCostUsd, null);
      assert.equal(stream(json, 'aws_kinesis_stream.known').monthlyCostUsd, roundUsd(PROVISIONED_INSTANCE_USD));
      assert.deepEqual(stream(json, 'aws_kinesis_stream.bare').monthlyCostUsd, { atLeast: 29.2 });
      assert.equal(stream(json, 'aws_kinesis_stream.loaded').monthlyCostUsd, roundUsd(ON_DEMAND_BASE_USD));
    });

    it('the summary: a lower bound, partial, every unknown input with its resource', () => {
      const { summary } = JSON.parse(formatJson(report, TOOL));
      assert.deepEqual(summary.monthlyCostUsd, { atLeast: BOUNDED_TOTAL });
      assert.equal(summary.partial, true);
      assert.deepEqual(summary.unknowns.map((u: { resource: string; what: string }) => `${u.resource} ${u.what}`), [
        'aws_kinesis_stream.counted instance-count',
        'aws_kinesis_stream.blank shard-count',
        'aws_kinesis_stream.blank load',
        'aws_kinesis_stream.bare load',
        'aws_kinesis_stream.od readers',
      ]);
    });
  });

  describe('sarif', () => {
    it('the run properties carry the bounded total, partial and the unknown inputs', () => {
      const run = JSON.parse(formatSarif(report, TOOL, RULES)).runs[0];
      assert.deepEqual(run.properties.monthlyCostUsd, { atLeast: BOUNDED_TOTAL });
      assert.equal(run.properties.partial, true);
      assert.deepEqual(run.properties.unknowns[0], { resource: 'aws_kinesis_stream.counted', what: 'instance-count', why: 'count is unknown: var.n has no default and no value' });
      const known = buildReport([{ dir: '/ws', files: [], findings: [], streams: report.streams.filter((s) => s.resource === 'aws_kinesis_stream.twice') }], '/ws', true);
      assert.deepEqual(JSON.parse(formatSarif(known, TOOL, RULES)).runs[0].properties, { monthlyCostUsd: roundUsd(2 * PROVISIONED_INSTANCE_USD), partial: false, unknowns: [] });
    });
  });
});
