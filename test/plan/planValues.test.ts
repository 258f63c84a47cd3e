// Planned values: known ones are used, unknown ones (after_unknown, or omitted from planned_values) stay unknown and
// silent; count / for_each instances are the plan's; sensitive values are values; strings are literals.
import { strict as assert } from 'assert';
import { Unknown } from '../../server/src/core/expr/values';
import { readPlanFile } from '../../server/src/core/plan/planFile';
import { configAddress, plannedValue, planResources } from '../../server/src/core/plan/planResources';
import { abs, r } from '../support/analyze';
import { hcl } from '../model/kit';
import { analyzePlan, NEW_STREAM_UNKNOWN, planOf, streamValues } from './kit';

const KMS = { encryption_type: 'KMS', kms_key_id: 'alias/orders' };

function resources(plan: unknown) {
  return planResources(readPlanFile('/p/plan.json', JSON.stringify(plan)));
}

describe('plan values', () => {
  it('known, unknown (after_unknown, also inside a list) and not set (null)', () => {
    const [s] = resources(planOf([{
      address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's',
      values: streamValues({ name: 's', shard_count: 2, stream_mode_details: [{}] }),
      unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: [{ stream_mode: true }] },
    }]));
    assert.equal(plannedValue(s, ['shard_count']), 2);
    assert.equal(plannedValue(s, ['kms_key_id']), null);
    assert.ok(plannedValue(s, ['arn']) instanceof Unknown);
    assert.ok(plannedValue(s, ['stream_mode_details', 0, 'stream_mode']) instanceof Unknown);
    assert.ok(plannedValue(s, ['stream_mode_details']) instanceof Unknown, 'a list with an unknown inside is not known');
    assert.equal(plannedValue(s, ['kinesis_source_configuration', 0, 'x']), null, 'a value the change does not mark unknown is not set');
  });

  it('without resource_changes, an attribute missing from planned_values is one Terraform omitted as unknown', () => {
    const plan = planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: { name: 's', shard_count: null } }]);
    delete plan.resource_changes;
    const [s] = resources(plan);
    assert.ok(plannedValue(s, ['retention_period']) instanceof Unknown);
    assert.equal(plannedValue(s, ['shard_count']), null);
    assert.equal(plannedValue(s, ['name']), 's');
  });

  it('instances of child modules with keys, data sources marked as such', () => {
    const plan = planOf([
      { address: 'module.k["a"].aws_kinesis_stream.s[0]', module: 'module.k["a"]', type: 'aws_kinesis_stream', name: 's', index: 0, values: {} },
      { address: 'module.k["a"].aws_kinesis_stream.s[1]', module: 'module.k["a"]', type: 'aws_kinesis_stream', name: 's', index: 1, values: {} },
    ]);
    const list = resources(plan);
    assert.deepEqual(list.map((x) => [x.address, x.resource, x.moduleAddress, x.index]), [
      ['module.k["a"].aws_kinesis_stream.s[0]', 'module.k["a"].aws_kinesis_stream.s', 'module.k["a"]', 0],
      ['module.k["a"].aws_kinesis_stream.s[1]', 'module.k["a"].aws_kinesis_stream.s', 'module.k["a"]', 1],
    ]);
    assert.equal(configAddress('module.k["a]."].module.j[0].aws_kinesis_stream.s["x\\"]"]'), 'module.k.module.j.aws_kinesis_stream.s');
  });

  it('shard_count known in the plan decides; the same stream with it unknown is silent and priced "+ usage"', async () => {
    const tf = { 'main.tf': hcl('# kinesis-lint: write_mib_per_sec=4', 'resource "aws_kinesis_stream" "s" {', '  name        = "s"', '  shard_count = var.n', '  encryption_type = "KMS"', '  kms_key_id = "alias/orders"', '}', 'variable "n" {}') };
    const known = await analyzePlan(planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }]), tf);
    assert.deepEqual(known.findings.map((f) => [f.ruleId, f.range, f.fixes.length]), [['undersized-shards', r(3, 16, 3, 21), 0]]);
    const unknown = await analyzePlan(planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, shard_count: true, stream_mode_details: true } }]), tf);
    assert.deepEqual(unknown.findings, []);
    assert.deepEqual([unknown.streams[0].shardCount, unknown.streams[0].estimate.partial], [null, true]);
  });

  it('a fix on the source only where its literal is what the plan says', async () => {
    const tf = (n: string) => ({ 'main.tf': hcl('# kinesis-lint: write_mib_per_sec=4', 'resource "aws_kinesis_stream" "s" {', '  name        = "s"', `  shard_count = ${n}`, '  encryption_type = "KMS"', '  kms_key_id = "alias/orders"', '}', 'variable "n" {', '  default = 1', '}') });
    const plan = planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }]);
    const literal = await analyzePlan(plan, tf('1'));
    assert.deepEqual(literal.findings.map((f) => [f.ruleId, f.fixes.map((x) => x.title)]), [['undersized-shards', ['Set shard_count = 5 (+$43.80/mo)']]]);
    // The default says 1 and the plan says 1: the default decides, the fix edits it.
    const byDefault = await analyzePlan(plan, tf('var.n'));
    assert.deepEqual(byDefault.findings[0].fixes[0].edits.map((e) => [e.file, e.range, e.newText]), [[abs('main.tf'), r(8, 12, 8, 13), '5']]);
    // The plan was made with -var n=2: the default no longer decides, no fix.
    const plan2 = planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 2, ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }]);
    const byVar = await analyzePlan(plan2, tf('var.n'));
    assert.deepEqual(byVar.findings.map((f) => [f.ruleId, f.fixes.length]), [['undersized-shards', 0]]);
    assert.match(byVar.findings[0].message, /^2 shards, /);
  });

  it('count unknown in the source: the plan has each instance', async () => {
    const tf = { 'main.tf': hcl('resource "aws_kinesis_stream" "s" {', '  count       = var.n', '  name        = "s-${count.index}"', '  shard_count = 1', '  encryption_type = "KMS"', '  kms_key_id = "alias/orders"', '}', 'variable "n" {}') };
    const instance = (i: number) => ({ address: `aws_kinesis_stream.s[${i}]`, type: 'aws_kinesis_stream', name: 's', index: i, values: streamValues({ name: `s-${i}`, shard_count: 1, ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } });
    const a = await analyzePlan(planOf([instance(0), instance(1), instance(2)]), tf);
    assert.deepEqual(a.streams.map((s) => [s.resource, s.instances, s.file, s.range]), [['aws_kinesis_stream.s', 3, abs('main.tf'), r(0, 0, 0, 33)]]);
    assert.equal(a.streams[0].estimate.components.find((c) => c.id === 'shard-hours')!.quantity, 3 * 730);
  });

  it('for_each instances without the source: each at its own object in plan.json, keyed as Terraform keys them', async () => {
    const instance = (k: string) => ({ address: `aws_kinesis_stream.s["${k}"]`, type: 'aws_kinesis_stream', name: 's', index: k, values: streamValues({ name: k, shard_count: 1, retention_period: 48, stream_mode_details: [{ stream_mode: 'PROVISIONED' }], ...KMS }), unknown: NEW_STREAM_UNKNOWN });
    const plan = planOf([instance('a'), instance('b')]);
    const a = await analyzePlan(plan);
    // planned_values comes first in the file: the first two `"retention_period": 48` are the instances' values.
    const lines = JSON.stringify(plan, null, 2).split('\n');
    const at = lines.flatMap((l, i) => (l.endsWith('"retention_period": 48,') ? [r(i, l.length - 3, i, l.length - 1)] : [])).slice(0, 2);
    assert.deepEqual(a.findings.filter((f) => f.ruleId === 'extended-retention-cost').map((f) => [f.file, f.range, f.fixes.length]), at.map((range) => [abs('plan.json'), range, 0]));
    assert.equal(a.streams[0].instances, 2);
  });

  it('mode: ON_DEMAND from the plan where the source has a dynamic block; unknown (silent) where the plan cannot say', async () => {
    const dynamic = { 'main.tf': hcl('resource "aws_kinesis_stream" "s" {', '  name = "s"', '  encryption_type = "KMS"', '  kms_key_id = "alias/orders"', '  dynamic "stream_mode_details" {', '    for_each = var.modes', '    content {', '      stream_mode = stream_mode_details.value', '    }', '  }', '}', 'variable "modes" {}') };
    const onDemand = await analyzePlan(planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', stream_mode_details: [{ stream_mode: 'ON_DEMAND' }], ...KMS }), unknown: NEW_STREAM_UNKNOWN }]), dynamic);
    assert.equal(onDemand.streams[0].mode, 'ON_DEMAND');
    assert.deepEqual(onDemand.findings.filter((f) => f.ruleId === 'shard-count-mode-conflict'), []);
    const unknown = await analyzePlan(planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', ...KMS }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }]), dynamic);
    // Only the hint about the missing load declaration: nothing that depends on the mode.
    assert.deepEqual(unknown.findings.map((f) => f.ruleId), ['throughput-undeclared']);
    assert.equal(onDemand.streams[0].estimate.components[0].id, 'on-demand-stream-hours');
    // Unknown mode: nothing is priced (every line depends on the mode), and the total is unknown, never $0.
    assert.equal(unknown.streams[0].mode, null);
    assert.deepEqual(unknown.streams[0].estimate.components, []);
    assert.equal(unknown.streams[0].monthlyCost, null);
  });

  it('a planned string is a literal, not a template', async () => {
    const a = await analyzePlan(planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, encryption_type: 'KMS', kms_key_id: '${oops}' }), unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }]));
    assert.deepEqual(a.findings.filter((f) => f.ruleId.includes('kms')), []);
  });

  it('region: the resource\'s own, else the provider configuration\'s constant or the root variable the plan gives', async () => {
    const values = streamValues({ name: 's', shard_count: 1, ...KMS });
    delete values.region;
    const config = (region: unknown) => ({ provider_config: { aws: { name: 'aws', full_name: 'registry.terraform.io/hashicorp/aws', expressions: { region } } }, root_module: { resources: [{ address: 'aws_kinesis_stream.s', mode: 'managed', type: 'aws_kinesis_stream', name: 's', provider_config_key: 'aws', expressions: { name: { constant_value: 's' } } }] } });
    const planned = (configuration: unknown) => planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values, unknown: { ...NEW_STREAM_UNKNOWN, stream_mode_details: true } }], { configuration, variables: { r: { value: 'ap-south-1' } } });
    assert.equal((await analyzePlan(planned(config({ constant_value: 'eu-central-1' })))).streams[0].region, 'eu-central-1');
    assert.equal((await analyzePlan(planned(config({ references: ['var.r'] })))).streams[0].region, 'ap-south-1');
    assert.equal((await analyzePlan(planned(config({ references: ['local.r'] })))).streams[0].region, 'us-east-1');
  });
});

describe('plan notes', () => {
  const planned = (extra: Record<string, unknown>) => ({
    ...planOf([{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, ...KMS }), unknown: NEW_STREAM_UNKNOWN }]),
    ...extra,
  });

  it('every report names the plan; an incomplete or errored plan says what may be missing', async () => {
    const notes = async (extra: Record<string, unknown>) => (await analyzePlan(planned(extra))).streams[0].estimate.assumptions.filter((a) => /plan/i.test(a));
    assert.deepEqual(await notes({}), ['Values resolved by the Terraform plan plan.json (Terraform 1.11.4).']);
    assert.deepEqual((await notes({ complete: false }))[1], 'The plan is incomplete: Terraform deferred some changes, and what it deferred is not analysed.');
    assert.deepEqual((await notes({ errored: true, terraform_version: undefined }))[0], 'Values resolved by the Terraform plan plan.json.');
    assert.match((await notes({ errored: true }))[1], /^The plan errored/);
  });
});

describe('plan: advice that fits a stream located in the plan file', () => {
  it('throughput-undeclared asks for a .kinesis-lint.json entry, not a comment in plan.json', async () => {
    const plan = planOf([{ address: 'module.k.aws_kinesis_stream.s', module: 'module.k', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, ...KMS }), unknown: NEW_STREAM_UNKNOWN }]);
    const [f] = (await analyzePlan(plan)).findings.filter((x) => x.ruleId === 'throughput-undeclared');
    assert.equal(f.message, 'No declared load: shard count and usage costs unchecked');
    assert.equal(f.detail, 'Without the expected write rate and readers, shard sizing and usage costs cannot be checked. Declare it in .kinesis-lint.json under "streams" → "module.k.aws_kinesis_stream.s".');
    assert.deepEqual(f.fixes, []);
  });
});

describe('plan: a stream located in the plan file', () => {
  const configuration = (expressions: Record<string, unknown>) => ({ root_module: { resources: [{ address: 'aws_kinesis_stream.s', mode: 'managed', type: 'aws_kinesis_stream', name: 's', provider_config_key: 'aws', expressions }] } });

  it('an argument the configuration sets but the plan leaves unknown is silent (KMS key from a new aws_kms_key)', async () => {
    const plan = planOf(
      [{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, encryption_type: 'KMS', stream_mode_details: [{ stream_mode: 'PROVISIONED' }] }), unknown: { ...NEW_STREAM_UNKNOWN, kms_key_id: true } }],
      { configuration: configuration({ name: { constant_value: 's' }, shard_count: { constant_value: 1 }, encryption_type: { constant_value: 'KMS' }, kms_key_id: { references: ['aws_kms_key.k.arn', 'aws_kms_key.k'] } }) },
    );
    delete (plan.planned_values as { root_module: { resources: { values: Record<string, unknown> }[] } }).root_module.resources[0].values.kms_key_id;
    const a = await analyzePlan(plan);
    assert.deepEqual(a.findings.filter((f) => f.ruleId !== 'throughput-undeclared'), []);
  });

  it('an argument the provider defaults but the configuration does not set is "not set", as in the source', async () => {
    const plan = planOf(
      [{ address: 'aws_kinesis_stream.s', type: 'aws_kinesis_stream', name: 's', values: streamValues({ name: 's', shard_count: 1, stream_mode_details: [{ stream_mode: 'PROVISIONED' }] }), unknown: NEW_STREAM_UNKNOWN }],
      { configuration: configuration({ name: { constant_value: 's' }, shard_count: { constant_value: 1 } }) },
    );
    const text = JSON.stringify(plan, null, 2);
    const a = await analyzePlan(plan);
    const [kms] = a.findings.filter((f) => f.ruleId === 'missing-kms');
    assert.match(kms.message, /encryption_type is unset/);
    // The header is the resource's whole object in planned_values: from its "{" to its "}".
    const lines = text.split('\n');
    const start = lines.findIndex((l) => l.includes('"address": "aws_kinesis_stream.s"')) - 1;
    const end = lines.findIndex((l, i) => i > start && l === '        }');
    assert.deepEqual(kms.range, r(start, 8, end, 9));
  });
});
