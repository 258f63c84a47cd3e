// Issue #7 item 2: values written as another type are converted the way Terraform converts them — by the
// provider schema's type for each argument (shard_count is a number) and by a variable's `type` constraint —
// and a value Terraform would reject stays unknown: no finding, no fix, no $0.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, brief, briefs, hcl, r, report, shardHours, stream } from './kit';

const HOURS_PER_MONTH = 730;
const LOAD = '# kinesis-lint: write_mib_per_sec=3';

describe('model: type conversion (issue #7 item 2)', () => {
  describe('by the provider schema type of the argument', () => {
    it('shard_count = "2" is 2 shards, priced as 2 shards', async () => {
      const res = await analyze({ 'main.tf': stream('s', '  name        = "s"', '  shard_count = "2"', ...ENCRYPTED) });
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.shardCount, 2);
      assert.equal(shardHours(s), 2 * HOURS_PER_MONTH);
    });

    it('shard_count = "two" is rejected by Terraform: unknown, no finding on it, no shard-hours', async () => {
      const res = await analyze({ 'main.tf': LOAD + '\n' + stream('s', '  name        = "s"', '  shard_count = "two"', ...ENCRYPTED) });
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.shardCount, null);
      assert.equal(shardHours(s), null);
      assert.deepEqual(briefs(res, 'invalid-argument', 'undersized-shards', 'oversized-shards'), []);
    });

    it('a quoted shard_count too small for the declared load gets the sizing finding on the value', async () => {
      const res = await analyze({ 'main.tf': LOAD + '\n' + stream('s', '  name        = "s"', '  shard_count = "1"', ...ENCRYPTED) });
      assert.deepEqual(briefs(res, 'undersized-shards'), [['undersized-shards', 'main.tf', r(3, 16, 3, 19)]]);
      // The fix replaces the whole quoted literal with a number.
      const edits = res.of('undersized-shards')[0].fixes[0].edits.map((e) => [e.range, e.newText]);
      assert.deepEqual(edits, [[r(3, 16, 3, 19), '4']]);
    });

    it('retention_period = "168" is 168 h: the extended-retention finding is on it', async () => {
      const res = await analyze({ 'main.tf': stream('s', '  name             = "s"', '  shard_count      = 1', '  retention_period = "168"', ...ENCRYPTED) });
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.retentionHours, 168);
      // Extended retention is priced per shard-hour: 1 shard × 730 h.
      assert.equal(s.estimate.components.find((c) => c.id === 'extended-retention')?.quantity, HOURS_PER_MONTH);
      assert.deepEqual(briefs(res, 'extended-retention-cost'), [['extended-retention-cost', 'main.tf', r(3, 21, 3, 26)]]);
    });

    it('retention_period = "a week" is unknown: no retention finding, retention unknown', async () => {
      const res = await analyze({ 'main.tf': stream('s', '  name             = "s"', '  shard_count      = 1', '  retention_period = "a week"', ...ENCRYPTED) });
      assert.equal(report(res, 'aws_kinesis_stream.s').retentionHours, null);
      assert.deepEqual(briefs(res, 'extended-retention-cost', 'long-term-retention-cost', 'invalid-argument'), []);
    });

    it('a number given for a string argument converts: encryption_type = true is "true", which is not a valid type', async () => {
      const res = await analyze({ 'main.tf': stream('s', '  name            = "s"', '  shard_count     = 1', '  encryption_type = true', '  kms_key_id      = "alias/k"') });
      assert.deepEqual(res.of('invalid-argument').map((f) => f.message), ['encryption_type = "true" is invalid: use one of "KMS", "NONE"']);
    });

    it('stream_mode inside stream_mode_details is a string; a list there is rejected and stays silent', async () => {
      const mode = (v: string) => hcl('resource "aws_kinesis_stream" "s" {', '  name = "s"', ...ENCRYPTED, '  stream_mode_details {', `    stream_mode = ${v}`, '  }', '}');
      assert.equal(report(await analyze({ 'main.tf': mode('"ON_DEMAND"') }), 'aws_kinesis_stream.s').mode, 'ON_DEMAND');
      const res = await analyze({ 'main.tf': mode('["ON_DEMAND"]') });
      assert.deepEqual(briefs(res, 'invalid-argument', 'shard-count-mode-conflict'), []);
    });

    it('count = "2" is two instances; count = "many" is unknown', async () => {
      const two = await analyze({ 'main.tf': stream('s', '  count       = "2"', '  name        = "s${count.index}"', '  shard_count = 1', ...ENCRYPTED) });
      assert.equal(report(two, 'aws_kinesis_stream.s').instances, 2);
      const many = await analyze({ 'main.tf': stream('s', '  count       = "many"', '  name        = "s"', '  shard_count = 1', ...ENCRYPTED) });
      assert.equal(report(many, 'aws_kinesis_stream.s').instances, null);
    });

    it('a module call with count = "2" has two instances', async () => {
      const res = await analyze({
        'main.tf': hcl('module "m" {', '  source = "./mod"', '  count  = "2"', '}'),
        'mod/main.tf': stream('s', '  name        = "s"', '  shard_count = 1', ...ENCRYPTED),
      });
      assert.deepEqual(res.streams.map((s) => s.resource).sort(), ['module.m[0].aws_kinesis_stream.s', 'module.m[1].aws_kinesis_stream.s']);
    });

    it('never in ==: "1" == 1 is false in Terraform', async () => {
      const res = await analyze({ 'main.tf': stream('s', '  name        = "s"', '  shard_count = "1" == 1 ? 5 : 3', ...ENCRYPTED) });
      assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 3);
    });
  });

  describe("by the variable's type constraint", () => {
    const MAIN = stream('s', '  name             = "s"', '  shard_count      = var.shards', ...ENCRYPTED);

    it('"${var.x}" with default = "1" (no type): the argument converts it', async () => {
      const res = await analyze({
        'main.tf': stream('s', '  name        = "s"', '  shard_count = "${var.x}"', ...ENCRYPTED) + hcl('variable "x" {', '  default = "1"', '}'),
      });
      assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 1);
    });

    it('type = number given "3" in terraform.tfvars is 3; given "x" it is unknown', async () => {
      const variable = hcl('variable "shards" {', '  type = number', '}');
      const three = await analyze({ 'main.tf': MAIN + variable, 'terraform.tfvars': 'shards = "3"\n' });
      assert.equal(report(three, 'aws_kinesis_stream.s').shardCount, 3);
      const bad = await analyze({ 'main.tf': MAIN + variable, 'terraform.tfvars': 'shards = "x"\n' });
      assert.equal(report(bad, 'aws_kinesis_stream.s').shardCount, null);
    });

    it('shards taken from a map(string) variable and used as a number argument', async () => {
      const res = await analyze({
        'main.tf':
          stream('s', '  name        = "s"', '  shard_count = var.cfg["shards"]', ...ENCRYPTED) +
          hcl('variable "cfg" {', '  type    = map(string)', '  default = { shards = 2, mode = "PROVISIONED" }', '}'),
      });
      assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 2);
    });

    it('map(number) converts "4" to 4; map(number) given "four" fails and stays unknown', async () => {
      const withDefault = (d: string) =>
        stream('s', '  name        = "s"', '  shard_count = var.shards.a', ...ENCRYPTED) + hcl('variable "shards" {', '  type    = map(number)', `  default = { a = ${d} }`, '}');
      assert.equal(report(await analyze({ 'main.tf': withDefault('"4"') }), 'aws_kinesis_stream.s').shardCount, 4);
      assert.equal(report(await analyze({ 'main.tf': withDefault('"four"') }), 'aws_kinesis_stream.s').shardCount, null);
    });

    it('set(map(string)) drives for_each; each.value.shards ("3") is a number argument', async () => {
      const res = await analyze({
        'main.tf':
          stream('s', '  for_each    = { for m in var.streams : m.name => m }', '  name        = each.key', '  shard_count = each.value.shards', ...ENCRYPTED) +
          hcl('variable "streams" {', '  type    = set(map(string))', '  default = [{ name = "a", shards = 3 }, { name = "a", shards = 3 }, { name = "b", shards = "1" }]', '}'),
      });
      const s = report(res, 'aws_kinesis_stream.s');
      // The duplicate element collapses in the set: two instances, 3 + 1 shards.
      assert.equal(s.instances, 2);
      assert.equal(shardHours(s), 4 * HOURS_PER_MONTH);
    });

    it('object({...}) with optional(...) defaults fills absent attributes', async () => {
      const res = await analyze({
        'main.tf':
          stream('s', '  name             = "s"', '  shard_count      = var.cfg.shards', '  retention_period = var.cfg.retention', ...ENCRYPTED) +
          hcl('variable "cfg" {', '  type = object({', '    shards    = optional(number, 2)', '    retention = optional(number, 48)', '  })', '  default = { shards = "3" }', '}'),
      });
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.shardCount, 3);
      assert.equal(s.retentionHours, 48);
      assert.deepEqual(res.of('extended-retention-cost').map(brief), [['extended-retention-cost', 'main.tf', r(3, 21, 3, 38)]]);
    });

    it('a module input converted by the module variable type; a required attribute missing makes it unknown', async () => {
      const mod = {
        'mod/main.tf': MAIN + hcl('variable "shards" {', '  type = number', '}'),
      };
      const ok = await analyze({ 'main.tf': hcl('module "m" {', '  source = "./mod"', '  shards = "5"', '}'), ...mod });
      assert.equal(report(ok, 'module.m.aws_kinesis_stream.s').shardCount, 5);
      const objMod = {
        'mod/main.tf':
          stream('s', '  name        = "s"', '  shard_count = var.cfg.shards', ...ENCRYPTED) + hcl('variable "cfg" {', '  type = object({ shards = number })', '}'),
      };
      const missing = await analyze({ 'main.tf': hcl('module "m" {', '  source = "./mod"', '  cfg    = { retention = 48 }', '}'), ...objMod });
      assert.equal(report(missing, 'module.m.aws_kinesis_stream.s').shardCount, null);
    });
  });
});
