// capacity-mode-cost with On-demand Advantage: provisioned, on-demand Standard and Advantage compared. Hand figures
// (us-east-1, 1 GB = 2^30 bytes, 730 h): the commitment is 25 MiB/s × 2,628,000 s = 64,160.15625 GB each way ×
// (0.032 + 0.016) = $3,079.69/month.
import { strict as assert } from 'assert';
import { analyze, hcl, one, r } from './ruleKit';

const ID = 'capacity-mode-cost';
const ON_DEMAND = ['  stream_mode_details {', '    stream_mode = "ON_DEMAND"', '  }'];
const ADVANTAGE = JSON.stringify({ account: { on_demand_advantage: true } });
const COMMITMENT =
  'Advantage is account-level: it commits the account in us-east-1 to at least 25 MiB/s in and 25 MiB/s out for at least 24 hours ' +
  '($3,079.69/month at Advantage rates, which this stream\'s saving alone exceeds); set "account": { "on_demand_advantage": true } once the account uses it.';

function stream(load: string, body: string[]): string {
  return hcl([load, 'resource "aws_kinesis_stream" "big" {', '  name            = "big"', '  encryption_type = "KMS"', '  kms_key_id      = "alias/my-key"', ...body, '}']);
}

// 400,000 records/s peak of 1 KiB at 5 %: 20,000 KiB/s × 2,628,000 s = 50,125.12 GB/month, one standard reader.
// Standard: $29.20 + 50,125.12 × (0.08 + 0.04) = $6,044.21. Advantage: 50,125.12 × (0.032 + 0.016) = $2,406.01,
// saving $3,638.20 (60 %) ≥ the commitment. Provisioned: 400,000 / 800 = 500 shards × 730 × 0.015 = $5,475 +
// 52,560 M PUT units × 0.014 = $735.84: $6,210.84 (Standard saves only 3 %: no mode switch).
const SPIKY = '# kinesis-lint: records_per_sec=400000 avg_record_kib=1 avg_utilization=0.05 consumers=1';
// 50 MiB/s of 1 KiB records all month, one reader: 128,320.3125 GB. Standard: $29.20 + × 0.12 = $15,427.64;
// Advantage × 0.048 = $6,159.38 (saves $9,268.26 ≥ the commitment); provisioned: 51,200 / 800 = 64 shards × 730 ×
// 0.015 = $700.80 + 134,553.6 M PUT units × 0.014 = $1,883.75: $2,584.55.
const STEADY = '# kinesis-lint: write_mib_per_sec=50 records_per_sec=51200 consumers=1 avg_utilization=1';

describe('rule capacity-mode-cost: On-demand Advantage', () => {
  it('names Advantage alone when only it saves, more than the commitment costs (on-demand Standard stream); no fix', async () => {
    const f = one(await analyze({ 'main.tf': stream(SPIKY, ON_DEMAND) }), ID);
    assert.equal(f.message, 'On-demand Advantage: $2,406.01/mo, not $6,044.21/mo (60 % less)');
    assert.equal(
      f.detail,
      `It would cost $2,406.01/month on-demand at On-demand Advantage rates instead of $6,044.21/month on-demand for the declared load (60 % less); ${COMMITMENT}`,
    );
    assert.deepEqual(f.range, r(6, 18, 6, 29));
    assert.deepEqual(f.fixes, []);
  });

  it('three-way: the mode switch with its fix, and Advantage beside it', async () => {
    const f = one(await analyze({ 'main.tf': stream(STEADY, ON_DEMAND) }), ID);
    assert.equal(f.message, 'Provisioned (64 shards): $2,584.55/mo, not $15,427.64/mo (83 % less)');
    assert.equal(
      f.detail,
      'It would cost $2,584.55/month provisioned with 64 shards instead of $15,427.64/month on-demand for the declared load (83 % less). ' +
        `At On-demand Advantage rates on-demand would cost $6,159.38/month (60 % less); ${COMMITMENT}`,
    );
    assert.equal(f.fixes.length, 1);
    assert.equal(f.fixes[0].isSuggestion, true);
  });

  it('with the switch on, on-demand is priced at Advantage rates and the commitment is said', async () => {
    // 8,000 records/s of 1 KiB at 1 %: 200.5 GB × 0.032 = $6.42; provisioned 10 shards: $109.50 + $2.94 = $112.44.
    const main = stream('# kinesis-lint: records_per_sec=8000 avg_record_kib=1 avg_utilization=0.01 consumers=0', ['  shard_count = 10']);
    const f = one(await analyze({ 'main.tf': main, '.kinesis-lint.json': ADVANTAGE }), ID);
    assert.equal(f.message, 'On-demand (Advantage): $6.42/mo, not $112.44/mo (94 % less)');
    assert.equal(
      f.detail,
      'It would cost $6.42/month on-demand at On-demand Advantage rates instead of $112.44/month provisioned with 10 shards for the declared load (94 % less). ' +
        "The account's On-demand Advantage commitment (at least 25 MiB/s in and out in this region) is billed whatever this stream uses.",
    );
    assert.deepEqual(f.range, r(5, 16, 5, 18));
    // 10 shards priced as the stream is now, minus on-demand: $112.44 − $6.42 of the unrounded amounts.
    assert.equal(f.fixes[0].title, 'Switch to ON_DEMAND (\u2212$106.03/mo)');
  });

  it('with the switch on, no Advantage suggestion is repeated (the on-demand Advantage stream is already cheapest)', async () => {
    assert.deepEqual((await analyze({ 'main.tf': stream(SPIKY, ON_DEMAND), '.kinesis-lint.json': ADVANTAGE })).of(ID), []);
  });

  it('stays silent when Advantage saves less than the commitment costs', async () => {
    // A tenth of SPIKY: Advantage saves $363.82 < $3,079.69; Standard vs provisioned saves too little.
    const small = '# kinesis-lint: records_per_sec=40000 avg_record_kib=1 avg_utilization=0.05 consumers=1';
    assert.deepEqual((await analyze({ 'main.tf': stream(small, ON_DEMAND) })).of(ID), []);
  });

  it('stays silent when the Advantage state is unknown (the on-demand figure is a lower bound)', async () => {
    const settings = hcl(['', 'resource "aws_kinesis_account_settings" "this" {', '  minimum_throughput_billing_commitment {', '    status = var.status', '  }', '}', 'variable "status" {', '  type = string', '}']);
    assert.deepEqual((await analyze({ 'main.tf': stream(SPIKY, ON_DEMAND) + settings })).of(ID), []);
  });

  it('stays silent in a region without verified prices (its comparison would look authoritative)', async () => {
    const provider = hcl(['', 'provider "aws" {', '  region = "eu-west-1"', '}']);
    assert.deepEqual((await analyze({ 'main.tf': stream(STEADY, ON_DEMAND) + provider })).of(ID), []);
    assert.deepEqual((await analyze({ 'main.tf': stream(SPIKY, ON_DEMAND) + provider })).of(ID), []);
  });
});
