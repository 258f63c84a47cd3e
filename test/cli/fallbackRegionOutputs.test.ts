// A region without verified prices (eu-west-1 in the built-in table) is explicitly partial in every output: amounts
// unknown, the us-east-1 figure only "at us-east-1 rates", a `prices` unknown; beside it the same stream in us-east-2
// (verified prices) is exact. Hand figures at us-east-1 rates: 4 shards × 730 h × 0.015 = $43.80; 1,000 records/s of
// 1 KiB at 50 %: 500 × 2,628,000 = 1,314 M PUT units × 0.014 = $18.396; 48 h retention: 2,920 shard-hours × 0.02 =
// $58.40; total $120.596.
import { strict as assert } from 'assert';
import { analyze } from '../support/analyze';
import { buildReport } from '../../server/src/cli/report';
import { formatText } from '../../server/src/cli/format/text';
import { formatJson } from '../../server/src/cli/format/json';
import { formatSarif } from '../../server/src/cli/format/sarif';
import { streamBreakdown } from '../../server/src/lsp/render/breakdown';
import { RULES, TOOL } from './synthetic';

function files(region: string): Record<string, string> {
  return {
    'main.tf': [
      'provider "aws" {',
      `  region = "${region}"`,
      '}',
      '',
      '# kinesis-lint: write_mib_per_sec=1 records_per_sec=1000 avg_utilization=0.5',
      'resource "aws_kinesis_stream" "eu" {',
      '  name             = "eu"',
      '  shard_count      = 4',
      '  retention_period = 48',
      '  encryption_type  = "KMS"',
      '  kms_key_id       = "alias/my-key"',
      '}',
      '',
    ].join('\n'),
  };
}
const WHY = 'no verified prices for eu-west-1 in the price table in use; us-east-1 rates may be higher or lower, so amounts are unknown; run `kinesis-lint prices update`';

describe('outputs for a region without verified prices', () => {
  it('text: every line unknown, the total unknown with the us-east-1 figure named as such, a missing: prices line', async () => {
    const res = await analyze(files('eu-west-1'));
    const text = formatText(buildReport(res.analyses, '/ws', true));
    const lines = text.split('\n').map((l) => l.replace(/ {2,}/g, '  ').trimEnd());
    assert.ok(lines.includes('  PROVISIONED, 4 shards, 1 instance, eu-west-1 (no verified prices)'));
    assert.ok(lines.includes('  Shard hours  2,920 shard-hours × unknown price  unknown'));
    assert.ok(lines.includes('  Total per month  cost unknown: no verified prices for the region ($120.60 at us-east-1 rates)'));
    assert.ok(lines.includes(`  missing: prices (${WHY})`));
    // Unknown money names what is missing (issue #10, defect 2); it read "unknown (missing: prices)".
    assert.ok(lines.includes('Total for 1 stream: cost unknown: no verified prices for the region'), text);
    assert.ok(!/\$43\.80/.test(text), 'no us-east-1 line amount is shown as a fact');
  });

  it('JSON: monthlyCostUsd null, amounts and unit prices null, the reference figure apart, a prices unknown', async () => {
    const res = await analyze(files('eu-west-1'));
    const json = JSON.parse(formatJson(buildReport(res.analyses, '/ws', true), TOOL));
    const s = json.streams[0];
    assert.equal(s.monthlyCostUsd, null);
    assert.equal(s.partial, true);
    assert.deepEqual(s.costComponents.filter((c: { quantity: number }) => c.quantity !== 0).map((c: { unitPriceUsd: null; monthlyUsd: null }) => [c.unitPriceUsd, c.monthlyUsd]), [[null, null], [null, null], [null, null]]);
    assert.deepEqual(s.unknowns, [{ what: 'prices', why: WHY }]);
    assert.equal(s.monthlyCostAtFallbackRates.priceRegion, 'us-east-1');
    assert.ok(Math.abs(s.monthlyCostAtFallbackRates.usd - 120.596) < 0.001);
  });

  it('SARIF: the run lists the prices unknown; the retention finding says its amount is at us-east-1 rates', async () => {
    const res = await analyze(files('eu-west-1'));
    const sarif = JSON.parse(formatSarif(buildReport(res.analyses, '/ws', true), TOOL, RULES));
    assert.ok(JSON.stringify(sarif.runs[0].properties).includes(JSON.stringify({ resource: 'aws_kinesis_stream.eu', what: 'prices', why: WHY })));
    const retention = res.findings.find((f) => f.ruleId === 'extended-retention-cost')!;
    assert.equal(retention.message, 'Retention 48 h adds $58.40/mo (at us-east-1 rates)');
    const detail = 'Retention beyond 24 h adds $58.40/month for extended retention (over 24 h). Keep 24 h unless consumers need to replay older data. ' +
      '(amounts at us-east-1 rates: no verified prices for eu-west-1; run `kinesis-lint prices update`)';
    assert.equal(retention.detail, detail);
    // SARIF: message.text is the message, the detail goes to the result's properties.
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'extended-retention-cost');
    assert.deepEqual([result.message.text, result.properties.detail], [retention.message, detail]);
    // Another region's rates are not this region's change: the fix names no amount.
    assert.equal(retention.fixes[0].title, 'Set retention_period = 24');
  });

  it('hover: unknown with the us-east-1 figure named as such', async () => {
    const res = await analyze(files('eu-west-1'));
    const md = streamBreakdown(res.streams[0]);
    // It read "≈ **unknown (…)**": approximately unknown (issue #10, defect 2).
    assert.ok(md.includes('— **cost unknown: no verified prices for the region (≈ $120.60/month at us-east-1 rates)** in eu-west-1 (no verified prices)'), md.split('\n')[0]);
  });

  it('beside it, us-east-2 (verified prices): exact, no prices unknown, no rates note', async () => {
    const res = await analyze(files('us-east-2'));
    const s = res.streams[0];
    assert.ok(typeof s.monthlyCost === 'number' && Math.abs(s.monthlyCost - 120.596) < 1e-9);
    assert.deepEqual(s.unknowns, []);
    assert.equal(s.atFallbackRates, undefined);
    assert.ok(!res.findings.find((f) => f.ruleId === 'extended-retention-cost')!.message.includes('rates'));
  });
});
