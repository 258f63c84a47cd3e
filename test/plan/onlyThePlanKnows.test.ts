// Values only the plan knows (test/fixtures/plan/registry; plan.json written by hand in the Terraform 1.11 format,
// see the README there): a registry module's stream, a variable without default given on the command line, a KMS
// key ARN from a data source, a reader through a module output — and a value unknown until apply, which stays silent.
import { strict as assert } from 'assert';
import * as path from 'path';
import type { ModuleAnalysis } from '../../server/src/core/results';
import { r } from '../support/analyze';
import { analyzeFixture, FIXTURES } from './kit';

const DIR = path.join(FIXTURES, 'registry');
const MAIN = path.join(DIR, 'main.tf');
const PLAN = path.join(DIR, 'plan.json');

describe('plan: what only the plan knows (fixtures/plan/registry)', function () {
  this.timeout(20000);
  let source: ModuleAnalysis;
  let plan: ModuleAnalysis;

  before(async () => {
    [source, plan] = await Promise.all([analyzeFixture('registry', 'source'), analyzeFixture('registry', 'plan')]);
  });

  const stream = (a: ModuleAnalysis, address: string) => a.streams.find((s) => s.resource === address);

  it('from source alone nothing is known enough to judge: only the uninstalled registry module is named, no registry stream', () => {
    assert.deepEqual(source.findings.map((f) => [f.ruleId, f.file, f.range, f.message]), [
      ['module-not-analysed', MAIN, r(21, 12, 21, 44), 'Module not analysed (registry source): run terraform init'],
    ]);
    assert.equal(stream(source, 'module.telemetry.aws_kinesis_stream.this'), undefined);
    assert.equal(stream(source, 'aws_kinesis_stream.clicks')!.shardCount, null);
  });

  it('findings: in main.tf for the streams it declares, in plan.json for the registry module\'s', () => {
    assert.deepEqual(
      plan.findings.map((f) => [f.ruleId, f.file, f.range, f.resource]),
      [
        ['undersized-shards', MAIN, r(32, 20, 32, 37), 'aws_kinesis_stream.clicks'],
        ['missing-kms', PLAN, r(94, 12, 119, 13), 'module.telemetry.aws_kinesis_stream.this'],
        ['throughput-undeclared', PLAN, r(94, 12, 119, 13), 'module.telemetry.aws_kinesis_stream.this'],
        ['extended-retention-cost', PLAN, r(107, 36, 107, 38), 'module.telemetry.aws_kinesis_stream.this'],
      ],
    );
  });

  it('the variable given only to the plan decides shard_count (sensitive in the plan, still a value): 3 shards for 3 MiB/s', () => {
    const clicks = stream(plan, 'aws_kinesis_stream.clicks')!;
    assert.equal(clicks.shardCount, 3);
    assert.equal(plan.findings[0].message, '3 shards, load needs 4 (write bytes at 100 %)');
    assert.equal(clicks.estimate.components.find((c) => c.id === 'shard-hours')!.quantity, 3 * 730);
  });

  it('no fix where the source literal does not decide the value (var.clicks_shards has no default), none in plan.json', () => {
    assert.ok(plan.findings.every((f) => f.fixes.length === 0));
  });

  it('the data source\'s customer-managed key ARN is known: no KMS finding on clicks or later', () => {
    assert.deepEqual(plan.findings.filter((f) => /clicks|later/.test(f.resource ?? '') && /kms/.test(f.ruleId)), []);
  });

  it('shard_count unknown until apply stays unknown and silent, even with a declared load', () => {
    const later = stream(plan, 'aws_kinesis_stream.later')!;
    assert.deepEqual([later.shardCount, later.estimate.partial], [null, true]);
    assert.equal(later.estimate.components.find((c) => c.id === 'shard-hours')!.monthlyUsd, null);
    assert.deepEqual(plan.findings.filter((f) => f.resource === 'aws_kinesis_stream.later'), []);
  });

  it('a stream with no stream_mode_details in its source is PROVISIONED although the plan leaves the block unknown', () => {
    assert.equal(stream(plan, 'aws_kinesis_stream.later')!.mode, 'PROVISIONED');
  });

  it('the registry module\'s stream: its planned values, one instance, and the reader that reaches it through module.telemetry.stream_arn', () => {
    const t = stream(plan, 'module.telemetry.aws_kinesis_stream.this')!;
    assert.deepEqual([t.file, t.range, t.instances, t.mode, t.shardCount, t.retentionHours, t.region], [PLAN, r(94, 12, 119, 13), 1, 'PROVISIONED', 4, 48, 'eu-west-1']);
    assert.deepEqual(t.consumers, { standard: 1, efo: 0 });
    assert.deepEqual(t.consumerLinks.map((c) => [c.address, c.file, c.range]), [['aws_lambda_event_source_mapping.telemetry', MAIN, r(50, 0, 50, 54)]]);
  });

  it('lists the plan among the files read', () => {
    assert.ok(plan.files.includes(PLAN) && plan.files.includes(MAIN));
  });
});
