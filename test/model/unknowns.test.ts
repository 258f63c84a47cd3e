// What the model cannot know stays unknown, and the rules that need it stay silent: resource attributes (known
// only after apply), variables without a value, data sources, values that depend on an unknown count.
import { strict as assert } from 'assert';
import { analyze, hcl, report, stream } from './kit';

const LOAD = '# kinesis-lint: write_mib_per_sec=30';
const SIZING_AND_KMS = ['undersized-shards', 'oversized-shards', 'missing-kms', 'kms-key-missing', 'aws-managed-kms-key'];

function sizingAndKms(findings: { ruleId: string }[]): string[] {
  return findings.map((f) => f.ruleId).filter((id) => SIZING_AND_KMS.includes(id));
}

describe('model: unknown values stay silent', () => {
  it('a resource attribute as shard count: no sizing finding, no shard count', async () => {
    const res = await analyze({
      'main.tf': LOAD + '\n' + stream('s', '  name            = "s"', '  shard_count     = aws_ssm_parameter.shards.value', '  encryption_type = "KMS"', '  kms_key_id      = aws_kms_key.k.arn'),
    });
    assert.deepEqual(sizingAndKms(res.findings), []);
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.shardCount, null);
    assert.equal(s.requiredShards, 38);
  });

  it('encryption_type = var.enc with no default and no tfvars value: no KMS finding', async () => {
    const res = await analyze({
      'main.tf': hcl('variable "enc" {}') + stream('s', '  name            = "s"', '  shard_count     = 1', '  encryption_type = var.enc'),
    });
    assert.deepEqual(sizingAndKms(res.findings), []);
  });

  it('…while a tfvars value for it is checked', async () => {
    const res = await analyze({
      'main.tf': hcl('variable "enc" {}') + stream('s', '  name            = "s"', '  shard_count     = 1', '  encryption_type = var.enc'),
      'terraform.tfvars': 'enc = "NONE"\n',
    });
    assert.deepEqual(sizingAndKms(res.findings), ['missing-kms']);
  });

  it('a data source as retention: no retention finding, retention unknown', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  name             = "s"', '  shard_count      = 1', '  retention_period = data.aws_ssm_parameter.hours.value', '  encryption_type  = "KMS"', '  kms_key_id       = "alias/k"'),
    });
    assert.deepEqual(res.findings.filter((f) => f.ruleId.includes('retention')), []);
    assert.equal(report(res, 'aws_kinesis_stream.s').retentionHours, null);
  });

  it('values that depend on an unknown count are unknown', async () => {
    const res = await analyze({
      'main.tf': LOAD + '\n' + stream('s', '  count           = length(data.aws_availability_zones.all.names)', '  name            = "s"', '  shard_count     = count.index + 1', '  encryption_type = count.index == 0 ? "NONE" : "KMS"', '  kms_key_id      = "alias/k"'),
    });
    assert.deepEqual(sizingAndKms(res.findings), []);
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.instances, null);
    assert.equal(s.shardCount, null);
  });

  it("an unknown module input leaves the child's value unknown", async () => {
    const res = await analyze({
      'main.tf': hcl('variable "n" {}', 'module "m" {', '  source = "./mod"', '  shards = var.n', '}'),
      'mod/main.tf': hcl('variable "shards" {', '  default = 1', '}', LOAD) + stream('s', '  name            = "s"', '  shard_count     = var.shards', '  encryption_type = "KMS"', '  kms_key_id      = "alias/k"'),
    });
    assert.deepEqual(sizingAndKms(res.findings), []);
    assert.equal(report(res, 'module.m.aws_kinesis_stream.s').shardCount, null);
  });

  it('a module output of an unknown value stays unknown in the caller', async () => {
    const res = await analyze({
      'main.tf': hcl('module "m" {', '  source = "./mod"', '}', LOAD) + stream('s', '  name            = "s"', '  shard_count     = module.m.shards', '  encryption_type = "KMS"', '  kms_key_id      = "alias/k"'),
      'mod/main.tf': hcl('output "shards" {', '  value = data.aws_ssm_parameter.shards.value', '}'),
    });
    assert.deepEqual(sizingAndKms(res.findings), []);
    assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, null);
  });
});
