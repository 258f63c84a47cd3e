// Local module calls: the child is analysed as instantiated by each call, a finding goes where its cause is
// written (the call-site argument, or the module's own file), and nothing is analysed or reported twice.
import { strict as assert } from 'assert';
import { analyze, briefs, hcl, r, report } from './kit';

/** A reusable stream module; line numbers matter to the ranges below. */
const MODULE = hcl(
  'variable "shards" {', //            0
  '  default = 1',
  '}',
  'variable "retention" {',
  '  default = 24',
  '}', //                               5
  '# kinesis-lint: write_mib_per_sec=3',
  'resource "aws_kinesis_stream" "this" {',
  '  name             = "orders"',
  '  shard_count      = var.shards',
  '  retention_period = var.retention', // 10
  '  encryption_type  = "NONE"',
  '}',
);
const ANY_FINDING = ['undersized-shards', 'long-term-retention-cost', 'missing-kms', 'oversized-shards'];

describe('model: local modules', () => {
  it('prices and checks the stream as instantiated, at its full address', async () => {
    const res = await analyze({
      'main.tf': hcl('module "orders" {', '  source    = "./mod"', '  shards    = 2', '  retention = 720', '}'),
      'mod/main.tf': MODULE,
    });
    const s = report(res, 'module.orders.aws_kinesis_stream.this');
    assert.equal(s.shardCount, 2);
    assert.equal(s.retentionHours, 720);
    assert.equal(s.file, '/ws/mod/main.tf');
    assert.deepEqual(s.range, r(7, 0, 7, 36));
    assert.ok(res.findings.every((f) => f.resource === 'module.orders.aws_kinesis_stream.this'));
  });

  it("reports a finding caused by a caller's input on the call-site argument, an intrinsic one in the module", async () => {
    const res = await analyze({
      'main.tf': hcl('module "orders" {', '  source    = "./mod"', '  shards    = 2', '  retention = 720', '}'),
      'mod/main.tf': MODULE,
    });
    assert.deepEqual(briefs(res, ...ANY_FINDING), [
      ['undersized-shards', 'main.tf', r(2, 14, 2, 15)],
      ['long-term-retention-cost', 'main.tf', r(3, 14, 3, 17)],
      ['missing-kms', 'mod/main.tf', r(11, 21, 11, 27)],
    ]);
  });

  it("a module default the caller does not override is the module's own: reported in the module", async () => {
    const res = await analyze({ 'main.tf': hcl('module "orders" {', '  source = "./mod"', '}'), 'mod/main.tf': MODULE });
    assert.deepEqual(briefs(res, ...ANY_FINDING), [
      ['undersized-shards', 'mod/main.tf', r(9, 21, 9, 31)],
      ['missing-kms', 'mod/main.tf', r(11, 21, 11, 27)],
    ]);
  });

  it("a value read from each.value of a for_each over a caller's input is reported on that input; a module's own for_each stays in the module", async () => {
    const mod = hcl(
      'variable "streams" {}',
      'resource "aws_kinesis_stream" "s" {', // 1
      '  for_each         = var.streams',
      '  name             = each.key',
      '  shard_count      = 1',
      '  retention_period = each.value', // 5
      '  encryption_type  = "KMS"',
      '  kms_key_id       = "alias/k"',
      '}',
      'resource "aws_kinesis_stream" "own" {', // 9
      '  for_each         = { x = 720 }',
      '  name             = each.key',
      '  shard_count      = 1',
      '  retention_period = each.value', // 13
      '  encryption_type  = "KMS"',
      '  kms_key_id       = "alias/k"',
      '}',
    );
    const res = await analyze({
      'main.tf': hcl('module "m" {', '  source  = "./mod"', '  streams = { a = 24, b = 720 }', '}'),
      'mod/main.tf': mod,
    });
    assert.deepEqual(briefs(res, 'long-term-retention-cost'), [
      ['long-term-retention-cost', 'main.tf', r(2, 12, 2, 31)],
      ['long-term-retention-cost', 'mod/main.tf', r(13, 21, 13, 31)],
    ]);
    assert.match(res.of('long-term-retention-cost')[0].detail!, / Instance: module\.m\.aws_kinesis_stream\.s\["b"\]\.$/);
  });

  it('follows an input through an intermediate module to the outermost call site', async () => {
    const res = await analyze({
      'main.tf': hcl('module "a" {', '  source = "./a"', '  n      = 2', '}'),
      'a/main.tf': hcl('variable "n" {}', 'module "b" {', '  source = "../mod"', '  shards = var.n', '}'),
      'mod/main.tf': MODULE,
    });
    assert.equal(report(res, 'module.a.module.b.aws_kinesis_stream.this').shardCount, 2);
    assert.deepEqual(briefs(res, 'undersized-shards'), [['undersized-shards', 'main.tf', r(2, 11, 2, 12)]]);
  });

  it('a module called twice: a report per call, one finding for the shared line', async () => {
    const res = await analyze({
      'main.tf': hcl('module "a" {', '  source = "./mod"', '}', 'module "b" {', '  source = "./mod"', '}'),
      'mod/main.tf': MODULE,
    });
    assert.deepEqual(res.streams.map((s) => s.resource), ['module.a.aws_kinesis_stream.this', 'module.b.aws_kinesis_stream.this']);
    const kms = res.of('missing-kms');
    assert.equal(kms.length, 1);
    assert.match(kms[0].message, / \(2 instances\)$/);
    assert.match(kms[0].detail!, /Instances: module\.a\.aws_kinesis_stream\.this, module\.b\.aws_kinesis_stream\.this\.$/);
  });

  it('module count and for_each: instance addresses and per-instance inputs', async () => {
    const res = await analyze({
      'main.tf': hcl(
        'module "c" {', '  source = "./mod"', '  count  = 2', '  shards = count.index + 4', '}',
        'module "e" {', '  source   = "./mod"', '  for_each = { x = 5 }', '  shards   = each.value', '}',
        'module "none" {', '  source = "./mod"', '  count  = 0', '}',
      ),
      'mod/main.tf': MODULE,
    });
    assert.deepEqual(
      res.streams.map((s) => [s.resource, s.shardCount]),
      [['module.c[0].aws_kinesis_stream.this', 4], ['module.c[1].aws_kinesis_stream.this', 5], ['module.e["x"].aws_kinesis_stream.this', 5]],
    );
  });

  it('a listed module directory that a listed root calls is analysed only through the call', async () => {
    const files = {
      'main.tf': hcl('module "orders" {', '  source = "./mod"', '  shards = 2', '}'),
      'mod/main.tf': MODULE,
    };
    const alone = await analyze(files);
    const both = await analyze(files, { dirs: ['.', 'mod'] });
    assert.equal(both.analyses.length, 1);
    assert.equal(both.analyses[0].dir, '/ws');
    assert.deepEqual(both.findings, alone.findings);
    assert.deepEqual(both.streams.map((s) => s.resource), ['module.orders.aws_kinesis_stream.this']);
  });

  it('…also when the call goes through a module that is not listed (regression: reported twice)', async () => {
    const res = await analyze(
      {
        'main.tf': hcl('module "a" {', '  source = "./a"', '}'),
        'a/main.tf': hcl('module "b" {', '  source = "../mod"', '}'),
        'mod/main.tf': MODULE,
      },
      { dirs: ['.', 'mod'] },
    );
    assert.equal(res.analyses.length, 1);
    assert.deepEqual(res.streams.map((s) => s.resource), ['module.a.module.b.aws_kinesis_stream.this']);
    assert.equal(res.of('missing-kms').length, 1);
  });

  it('a module directory listed on its own is analysed as a root with its defaults', async () => {
    const res = await analyze({ 'mod/main.tf': MODULE }, { dirs: ['mod'] });
    assert.deepEqual(res.streams.map((s) => [s.resource, s.shardCount]), [['aws_kinesis_stream.this', 1]]);
  });

  it('does not fetch remote sources or guess missing ones: each call is reported as not analysed (issue #7 item 8)', async () => {
    const res = await analyze({
      'main.tf': hcl(
        'module "registry" {', '  source  = "terraform-aws-modules/kinesis/aws"', '  version = "~> 1.0"', '}',
        'module "git" {', '  source = "git::https://example.com/streams.git?ref=v1"', '}',
        'module "missing" {', '  source = "./does-not-exist"', '}',
      ),
    });
    assert.deepEqual(res.findings.map((f) => [f.ruleId, f.message, f.range.start.line]), [
      ['module-not-analysed', 'Module not analysed (registry source): run terraform init', 1],
      ['module-not-analysed', 'Module not analysed (git source): run terraform init', 5],
      ['module-not-analysed', 'Module not analysed (local source): /ws/does-not-exist cannot be read', 8],
    ]);
    assert.deepEqual(res.streams, []);
  });

  it('a module calling itself, or two modules calling each other, do not loop', async () => {
    const self = await analyze({ 'main.tf': hcl('module "me" {', '  source = "./"', '}') + MODULE });
    assert.deepEqual(self.streams.map((s) => s.resource), ['aws_kinesis_stream.this']);
    const mutual = await analyze({
      'main.tf': hcl('module "a" {', '  source = "./a"', '}'),
      'a/main.tf': hcl('module "b" {', '  source = "../b"', '}'),
      'b/main.tf': hcl('module "a" {', '  source = "../a"', '}') + MODULE,
    });
    assert.deepEqual(mutual.streams.map((s) => s.resource), ['module.a.module.b.aws_kinesis_stream.this']);
  });

  it("a module's output feeds the caller's values", async () => {
    const res = await analyze({
      'main.tf': hcl('module "sizes" {', '  source = "./sizes"', '  env    = "prod"', '}', 'module "orders" {', '  source = "./mod"', '  shards = module.sizes.shards', '}'),
      'sizes/main.tf': hcl('variable "env" {}', 'output "shards" {', '  value = var.env == "prod" ? 6 : 1', '}'),
      'mod/main.tf': MODULE,
    });
    assert.equal(report(res, 'module.orders.aws_kinesis_stream.this').shardCount, 6);
  });

  it("lists the child module's files among the files read", async () => {
    const res = await analyze({ 'main.tf': hcl('module "m" {', '  source = "./mod"', '}'), 'mod/main.tf': MODULE });
    assert.deepEqual(res.analyses[0].files, ['/ws/main.tf', '/ws/mod/main.tf']);
  });
});
