// Variables of the root module: defaults, then variable files in Terraform's precedence (later wins):
// terraform.tfvars < terraform.tfvars.json < *.auto.tfvars / *.auto.tfvars.json in lexical order of their names.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, hcl, r, report, shardHours, stream } from './kit';

const MAIN = stream('s', '  name        = "s"', '  shard_count = var.shards', ...ENCRYPTED);
const VARIABLES = hcl('variable "shards" {', '  type    = number', '  default = 1', '}');
const HOURS_PER_MONTH = 730;

async function shardsWith(files: Record<string, string>): Promise<number | null> {
  return report(await analyze({ 'main.tf': MAIN, 'variables.tf': VARIABLES, ...files }), 'aws_kinesis_stream.s').shardCount;
}

describe('model: root variables', () => {
  it('uses a variable default, from another file of the module', async () => {
    const res = await analyze({ 'main.tf': MAIN, 'variables.tf': VARIABLES });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.shardCount, 1);
    assert.equal(shardHours(s), HOURS_PER_MONTH);
  });

  it('terraform.tfvars overrides the default', async () => {
    assert.equal(await shardsWith({ 'terraform.tfvars': 'shards = 2\n' }), 2);
  });

  it('terraform.tfvars.json overrides terraform.tfvars', async () => {
    assert.equal(await shardsWith({ 'terraform.tfvars': 'shards = 2\n', 'terraform.tfvars.json': '{"shards": 3}' }), 3);
  });

  it('*.auto.tfvars override terraform.tfvars.json, the last name in lexical order winning', async () => {
    const base = { 'terraform.tfvars': 'shards = 2\n', 'terraform.tfvars.json': '{"shards": 3}' };
    assert.equal(await shardsWith({ ...base, 'a.auto.tfvars': 'shards = 4\n' }), 4);
    assert.equal(await shardsWith({ ...base, 'a.auto.tfvars': 'shards = 4\n', 'b.auto.tfvars.json': '{"shards": 5}' }), 5);
    assert.equal(await shardsWith({ ...base, 'b.auto.tfvars': 'shards = 4\n', 'a.auto.tfvars.json': '{"shards": 5}' }), 4);
  });

  it('converts a string to the declared number type (a .tfvars.json value "6")', async () => {
    assert.equal(await shardsWith({ 'terraform.tfvars.json': '{"shards": "6"}' }), 6);
  });

  it('ignores variable files that Terraform does not load automatically', async () => {
    assert.equal(await shardsWith({ 'prod.tfvars': 'shards = 7\n', 'terraform.tfvars.txt': 'shards = 8\n' }), 1);
  });

  it('reads no variable files in a called module: the caller decides its inputs', async () => {
    const res = await analyze({
      'main.tf': hcl('module "m" {', '  source = "./mod"', '}'),
      'mod/main.tf': MAIN,
      'mod/variables.tf': VARIABLES,
      'mod/terraform.tfvars': 'shards = 9\n',
    });
    assert.equal(report(res, 'module.m.aws_kinesis_stream.s').shardCount, 1);
  });

  it('a variable with no default and no value is unknown: no shard count, no sizing finding', async () => {
    const res = await analyze({
      'main.tf': '# kinesis-lint: write_mib_per_sec=30\n' + MAIN,
      'variables.tf': 'variable "shards" {}\n',
    });
    const s = report(res, 'aws_kinesis_stream.s');
    assert.equal(s.shardCount, null);
    assert.equal(s.requiredShards, 38); // the declared load is still sized: ceil(30 / 0.8)
    assert.equal(s.estimate.partial, true);
    assert.deepEqual(res.of('undersized-shards'), []);
  });

  it('a .tfvars.json nested thousands deep is read, or reported when unclosed: never a stack overflow (regression)', async () => {
    const deep = (n: number, closed: boolean) => `{"deep": ${'['.repeat(n)}${closed ? ']'.repeat(n) + '}' : ''}`;
    const main = stream('s', '  name        = "s"', '  shard_count = length(var.deep) + 1', ...ENCRYPTED) + 'variable "deep" {}\n';
    const read = await analyze({ 'main.tf': main, 'terraform.tfvars.json': deep(50_000, true) });
    assert.equal(report(read, 'aws_kinesis_stream.s').shardCount, 2);
    const unclosed = await analyze({ 'main.tf': main, 'terraform.tfvars.json': deep(50_000, false) });
    assert.equal(report(unclosed, 'aws_kinesis_stream.s').shardCount, null);
    assert.deepEqual(unclosed.of('syntax-error').map((f) => f.range), [r(0, 0, 0, 0)]);
  });

  it('a variable file with a syntax error gives no values (never a half-read one)', async () => {
    const res = await analyze({ 'main.tf': MAIN, 'variables.tf': VARIABLES, 'terraform.tfvars': 'shards = = 2\n' });
    assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, null);
    assert.equal(res.of('syntax-error').length, 1);
  });
});
