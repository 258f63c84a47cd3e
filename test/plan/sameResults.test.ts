// The plan front end gives the same findings and costs as the source analysis wherever both know the values.
// test/fixtures/plan/same: main.tf and its plan.json, written by hand in the format Terraform 1.11 writes
// (terraform show -json needs provider schemas, which the test cannot download; see the README beside it).
import { strict as assert } from 'assert';
import * as path from 'path';
import type { ModuleAnalysis, StreamReport } from '../../server/src/core/results';
import type { Finding } from '../../server/src/core/types';
import { analyze } from '../support/analyze';
import { hcl } from '../model/kit';
import { analyzeFixture, analyzePlan, FIXTURES, NEW_STREAM_UNKNOWN, planOf, streamValues } from './kit';

const PROVENANCE = /^Values resolved by the Terraform plan plan\.json \(Terraform 1\.11\.4\)\.$/;

/** A report without the note that says where values came from (the only thing that may differ). */
function comparable(s: StreamReport): unknown {
  return { ...s, estimate: { ...s.estimate, assumptions: s.estimate.assumptions.filter((a) => !PROVENANCE.test(a)) } };
}

function byResource(a: ModuleAnalysis): Map<string, StreamReport> {
  return new Map(a.streams.map((s) => [s.resource, s]));
}

/** A finding's message without the "(2 instances: …)" a merged finding adds, and without instance keys. */
/** Message and detail without the count a merge adds: a merged finding's detail holds each instance's words. */
function gist(f: Finding): string {
  return [f.message.replace(/ \(\d+ instances[^)]*\)$/, ''), f.detail?.replace(/ ?Instances?: .*$/, '')].filter(Boolean).join('. ');
}

describe('plan: same results as the source (fixtures/plan/same)', function () {
  this.timeout(20000);
  let source: ModuleAnalysis;
  let plan: ModuleAnalysis;
  let planOnly: ModuleAnalysis;

  before(async () => {
    [source, plan, planOnly] = await Promise.all([analyzeFixture('same', 'source'), analyzeFixture('same', 'plan'), analyzeFixture('same', 'plan-only')]);
  });

  it('the source finds what the test is about (not an empty comparison)', () => {
    assert.deepEqual(source.findings.map((f) => f.ruleId), ['missing-kms', 'undersized-shards', 'extended-retention-cost', 'aws-managed-kms-key', 'capacity-mode-cost']);
    assert.deepEqual(source.streams.map((s) => [s.resource, Math.round(s.estimate.monthlyUsd * 100) / 100]), [['aws_kinesis_stream.orders', 246.67], ['aws_kinesis_stream.events', 571.68]]);
    // events: 2 × ($29.20 + 1 MiB/s for a month = 2,566.40625 GB × $0.08) + one reader's 2,566.40625 GB × $0.04. Its
    // record size 1 MiB ÷ 500 = 2.048 KiB is derived, so ingest is priced unrounded (it was 3 KiB per record, $762.56).
    assert.ok(source.streams.every((s) => !s.estimate.partial));
  });

  it('plan with the directory: identical findings (places, messages, fixes)', () => {
    assert.deepEqual(plan.findings, source.findings);
  });

  it('plan with the directory: identical stream reports and costs, and the note naming the plan', () => {
    const fromPlan = byResource(plan);
    for (const s of source.streams) assert.deepEqual(comparable(fromPlan.get(s.resource)!), comparable(s), s.resource);
    assert.equal(plan.streams.length, source.streams.length);
    for (const s of plan.streams) assert.ok(s.estimate.assumptions.some((a) => PROVENANCE.test(a)), s.resource);
  });

  it('plan alone: the same findings, one per instance, placed in plan.json and without fixes', () => {
    const planFile = path.join(FIXTURES, 'same', 'plan.json');
    assert.ok(planOnly.findings.every((f) => f.file === planFile && f.fixes.length === 0));
    // The source merges the two events instances into one finding (naming both, or one sentence each); in the plan
    // each instance has its own place, so its own finding whose words are the source's for that instance.
    const covers = (merged: Finding, single: Finding) =>
      merged.ruleId === single.ruleId && merged.resource === single.resource && gist(merged).includes(gist(single));
    for (const f of planOnly.findings) assert.ok(source.findings.some((s) => covers(s, f)), f.message);
    for (const s of source.findings) assert.ok(planOnly.findings.some((f) => covers(s, f)), s.message);
    // One finding per instance, each at the instance's own place in plan.json.
    const perInstance = planOnly.findings.filter((f) => f.resource === 'aws_kinesis_stream.events').map((f) => `${f.ruleId} ${f.range.start.line}`);
    assert.equal(new Set(perInstance).size, 4);
    assert.deepEqual(perInstance.map((p) => p.split(' ')[0]).sort(), ['aws-managed-kms-key', 'aws-managed-kms-key', 'capacity-mode-cost', 'capacity-mode-cost']);
  });

  it('plan alone: the same costs, consumers and instance counts', () => {
    const fromPlan = byResource(planOnly);
    for (const s of source.streams) {
      const p = fromPlan.get(s.resource)!;
      assert.deepEqual(
        [p.instances, p.mode, p.shardCount, p.region, p.retentionHours, p.consumers, p.estimate.monthlyUsd, p.estimate.components],
        [s.instances, s.mode, s.shardCount, s.region, s.retentionHours, s.consumers, s.estimate.monthlyUsd, s.estimate.components],
        s.resource,
      );
      assert.deepEqual(p.consumerLinks.map((c) => [c.address, c.kind, c.usedBy]), s.consumerLinks.map((c) => [c.address, c.kind, c.usedBy]));
    }
  });
});

describe('plan: same results as the source through a local module with count', function () {
  this.timeout(20000);

  it('findings at the caller\'s argument with the same fix, the header in the module, two instances', async () => {
    const files = {
      'main.tf': hcl('module "m" {', '  count     = 2', '  source    = "./mod"', '  retention = 48', '}'),
      'mod/main.tf': hcl('variable "retention" {}', 'resource "aws_kinesis_stream" "s" {', '  name             = "s"', '  shard_count      = 1', '  retention_period = var.retention', '}'),
    };
    const instance = (i: number) => ({
      address: `module.m[${i}].aws_kinesis_stream.s`, module: `module.m[${i}]`, type: 'aws_kinesis_stream', name: 's',
      values: streamValues({ name: 's', shard_count: 1, retention_period: 48 }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true },
    });
    const source = await analyze(files);
    const plan = await analyzePlan(planOf([instance(0), instance(1)]), files);
    assert.deepEqual(source.findings.map((f) => f.ruleId), ['extended-retention-cost', 'missing-kms', 'throughput-undeclared']);
    assert.deepEqual(plan.findings, source.findings);
    assert.deepEqual(plan.streams.map(comparable), source.streams.map(comparable));
  });
});
