// Registry, git and HTTP module calls followed through `terraform init`'s .terraform/modules/modules.json, with the
// caller's inputs; without the manifest (or without the call in it) one module-not-analysed finding per call.
import { strict as assert } from 'assert';
import { analyze, briefs, hcl, r, report } from '../model/kit';
import { sourceKind } from '../../server/src/core/model/moduleCallTarget';
import { parseModuleManifest } from '../../server/src/core/model/moduleManifest';
import { costSummary } from '../../server/src/core/pipeline/costSummary';

const STREAM_MODULE = hcl(
  'variable "shards" {}',
  'resource "aws_kinesis_stream" "this" {',
  '  name            = "orders"',
  '  shard_count     = var.shards',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/orders"',
  '}',
);

const manifest = (...modules: object[]) => JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, ...modules] });

describe('front end: modules installed by terraform init', () => {
  it('classifies sources as Terraform does', () => {
    assert.deepEqual(
      ['./m', '../m', '.\\m', 'org/name/aws', 'app.terraform.io/org/name/aws', 'org/name/aws//modules/x', 'git::https://example.com/m.git',
        'github.com/org/m', 'git@github.com:org/m.git', 'https://example.com/m.zip', 's3::https://s3.amazonaws.com/b/m.zip',
        'gcs::https://www.googleapis.com/storage/v1/b/m', 'hg::http://example.com/m', 'bucket.s3.amazonaws.com/m.zip', 'a/b'].map(sourceKind),
      ['local', 'local', 'local', 'registry', 'registry', 'registry', 'git', 'git', 'git', 'http', 's3', 'gcs', 'mercurial', 's3', 'remote'],
    );
  });

  it('reads the manifest: keys, versions, Dir relative to the root (Windows separators too); anything else is no manifest', () => {
    const m = parseModuleManifest(manifest({ Key: 'k', Source: 'registry.terraform.io/o/n/aws', Version: '1.2.0', Dir: '.terraform\\modules\\k' }), '/ws');
    assert.deepEqual(m?.get('k'), { key: 'k', source: 'registry.terraform.io/o/n/aws', version: '1.2.0', dir: '/ws/.terraform/modules/k' });
    assert.equal(parseModuleManifest('{"Modules": 3}', '/ws'), undefined);
    assert.equal(parseModuleManifest('not json', '/ws'), undefined);
  });

  it('a registry module: analysed from its installed directory with the caller\'s inputs, findings on the call site', async () => {
    const res = await analyze({
      'main.tf': hcl('module "kinesis" {', '  source  = "org/kinesis/aws"', '  version = "1.2.0"', '  shards  = 0', '}'),
      '.terraform/modules/modules.json': manifest({ Key: 'kinesis', Source: 'registry.terraform.io/org/kinesis/aws', Version: '1.2.0', Dir: '.terraform/modules/kinesis' }),
      '.terraform/modules/kinesis/main.tf': STREAM_MODULE,
    });
    assert.equal(report(res, 'module.kinesis.aws_kinesis_stream.this').shardCount, null);
    assert.deepEqual(briefs(res, 'module-not-analysed'), []);
    assert.deepEqual(briefs(res, 'invalid-argument'), [['invalid-argument', 'main.tf', r(3, 12, 3, 13)]]);
  });

  it('a git module, and a local module called from inside it: the nested key "outer.inner"', async () => {
    const res = await analyze({
      'main.tf': hcl('module "outer" {', '  source = "git::https://example.com/streams.git?ref=v1"', '  n      = 4', '}'),
      '.terraform/modules/modules.json': manifest(
        { Key: 'outer', Source: 'git::https://example.com/streams.git?ref=v1', Dir: '.terraform/modules/outer' },
        { Key: 'outer.inner', Source: './inner', Dir: '.terraform/modules/outer/inner' },
      ),
      '.terraform/modules/outer/main.tf': hcl('variable "n" {}', 'module "inner" {', '  source = "./inner"', '  shards = var.n', '}'),
      '.terraform/modules/outer/inner/main.tf': STREAM_MODULE,
    });
    assert.equal(report(res, 'module.outer.module.inner.aws_kinesis_stream.this').shardCount, 4);
    assert.deepEqual(briefs(res, 'module-not-analysed'), []);
  });

  it('a registry call inside a downloaded module is found under its nested key', async () => {
    const res = await analyze({
      'main.tf': hcl('module "a" {', '  source = "org/a/aws"', '}'),
      '.terraform/modules/modules.json': manifest(
        { Key: 'a', Source: 'registry.terraform.io/org/a/aws', Version: '1.0.0', Dir: '.terraform/modules/a' },
        { Key: 'a.b', Source: 'registry.terraform.io/org/b/aws', Version: '2.0.0', Dir: '.terraform/modules/a.b' },
      ),
      '.terraform/modules/a/main.tf': hcl('module "b" {', '  source = "org/b/aws"', '  shards = 2', '}'),
      '.terraform/modules/a.b/main.tf': STREAM_MODULE,
    });
    assert.equal(report(res, 'module.a.module.b.aws_kinesis_stream.this').shardCount, 2);
  });

  it('no manifest: one finding per call on its source, whatever the call\'s count; local calls are unaffected', async () => {
    const res = await analyze({
      'main.tf': hcl(
        'module "kinesis" {',
        '  source = "org/kinesis/aws"',
        '  count  = 3',
        '}',
        'module "git" {',
        '  source = "github.com/org/streams"',
        '}',
        'module "local" {',
        '  source = "./mod"',
        '  shards = 1',
        '}',
      ),
      'mod/main.tf': STREAM_MODULE,
    });
    assert.deepEqual(res.of('module-not-analysed').map((f) => [f.message, f.severity, f.range]), [
      ['Module not analysed (registry source): run terraform init', 'warning', r(1, 11, 1, 28)],
      ['Module not analysed (git source): run terraform init', 'warning', r(5, 11, 5, 35)],
    ]);
    assert.equal(report(res, 'module.local.aws_kinesis_stream.this').shardCount, 1);
  });

  it('a module not read makes the run\'s total a lower bound at most, and says which module and why', async () => {
    const res = await analyze({
      'main.tf': hcl('module "kinesis" {', '  source = "org/kinesis/aws"', '}', 'module "local" {', '  source = "./mod"', '  shards = 1', '}'),
      'mod/main.tf': STREAM_MODULE,
    });
    assert.deepEqual(res.analyses[0].unknowns, [
      { resource: 'module.kinesis', what: 'module', why: 'registry source not read: run terraform init' },
    ]);
    const summary = costSummary(res.streams, res.analyses.flatMap((a) => a.unknowns ?? []));
    assert.equal(typeof summary.monthlyCost === 'object' && summary.monthlyCost !== null && 'atLeast' in summary.monthlyCost, true);
    assert.equal(summary.partial, true);
    const installed = await analyze({ 'main.tf': hcl('module "local" {', '  source = "./mod"', '  shards = 1', '}'), 'mod/main.tf': STREAM_MODULE });
    assert.equal(installed.analyses[0].unknowns, undefined);
  });

  it('a manifest without the call, or a directory that is gone: said so, with the reason', async () => {
    const res = await analyze({
      'main.tf': hcl('module "a" {', '  source = "org/a/aws"', '}', 'module "b" {', '  source = "https://example.com/b.zip"', '}'),
      '.terraform/modules/modules.json': manifest({ Key: 'b', Source: 'https://example.com/b.zip', Dir: '.terraform/modules/b' }),
    });
    // A long reason leaves the message with what to do; the detail names the call and gives the whole reason.
    assert.deepEqual(res.of('module-not-analysed').map((f) => [f.message, f.detail]), [
      ['Module not analysed (registry source): run terraform init', 'module.a: it is not in .terraform/modules/modules.json: run terraform init.'],
      ['Module not analysed (HTTP source): run terraform init', 'module.b: /ws/.terraform/modules/b cannot be read: run terraform init.'],
    ]);
  });

  it('a registry source changed since init (Terraform would refuse to plan) is not analysed from the stale copy; the host and case do not matter', async () => {
    const files = (source: string) => ({
      'main.tf': hcl('module "kinesis" {', `  source = "${source}"`, '  shards = 2', '}'),
      '.terraform/modules/modules.json': manifest({ Key: 'kinesis', Source: 'registry.terraform.io/acme/kinesis/aws', Version: '1.0.0', Dir: '.terraform/modules/kinesis' }),
      '.terraform/modules/kinesis/main.tf': STREAM_MODULE,
    });
    const changed = await analyze(files('acme/streams/aws'));
    assert.deepEqual(changed.of('module-not-analysed').map((f) => [f.message, f.detail]), [[
      'Module not analysed (registry source): run terraform init',
      'module.kinesis: its source changed since terraform init installed registry.terraform.io/acme/kinesis/aws: run terraform init.',
    ]]);
    assert.deepEqual(changed.streams, []);
    for (const same of ['acme/kinesis/aws', 'registry.terraform.io/Acme/Kinesis/aws']) {
      const res = await analyze(files(same));
      assert.deepEqual(res.of('module-not-analysed'), [], same);
      assert.equal(report(res, 'module.kinesis.aws_kinesis_stream.this').shardCount, 2);
    }
  });

  it('a source written as an expression (OpenTofu early evaluation): read from the manifest entry tofu init wrote, else reported', async () => {
    const main = hcl('variable "v" {', '  default = "1.2.0"', '}', 'module "kinesis" {', '  source = "git::https://example.com/k.git?ref=${var.v}"', '  shards = 2', '}');
    const without = await analyze({ 'main.tf': main });
    assert.deepEqual(without.of('module-not-analysed').map((f) => [f.message, f.range]), [
      ['Module not analysed (computed source): its source is an expression: run tofu init', r(4, 11, 4, 56)],
    ]);
    const withManifest = await analyze({
      'main.tf': main,
      '.terraform/modules/modules.json': manifest({ Key: 'kinesis', Source: 'git::https://example.com/k.git?ref=1.2.0', Dir: '.terraform/modules/kinesis' }),
      '.terraform/modules/kinesis/main.tf': STREAM_MODULE,
    });
    assert.deepEqual(withManifest.of('module-not-analysed'), []);
    assert.equal(report(withManifest, 'module.kinesis.aws_kinesis_stream.this').shardCount, 2);
  });

  it('a notice inside a module called twice is reported once, at the inner call', async () => {
    const res = await analyze({
      'main.tf': hcl('module "x" {', '  source = "./wrap"', '}', 'module "y" {', '  source = "./wrap"', '}'),
      'wrap/main.tf': hcl('module "k" {', '  source = "org/k/aws"', '}'),
    });
    assert.deepEqual(briefs(res, 'module-not-analysed'), [['module-not-analysed', 'wrap/main.tf', r(1, 11, 1, 22)]]);
    assert.match(res.of('module-not-analysed')[0].detail!, /^module\.x\.module\.k: run terraform init\.$/);
  });

  it('an installed module directory listed beside its root is analysed through the call only (not as a root of its own)', async () => {
    const res = await analyze({
      'main.tf': hcl('module "kinesis" {', '  source = "org/kinesis/aws"', '  shards = 2', '}'),
      '.terraform/modules/modules.json': manifest({ Key: 'kinesis', Source: 'registry.terraform.io/org/kinesis/aws', Dir: '.terraform/modules/kinesis' }),
      '.terraform/modules/kinesis/main.tf': STREAM_MODULE,
    }, { dirs: ['.', '.terraform/modules/kinesis'] });
    assert.deepEqual(res.analyses.map((a) => a.dir), ['/ws']);
    assert.deepEqual(res.streams.map((s) => s.resource), ['module.kinesis.aws_kinesis_stream.this']);
  });

  it('a fix never edits an installed module (its code is not the user\'s): a default inside it gets the finding, no fix', async () => {
    const res = await analyze({
      'main.tf': hcl('module "kinesis" {', '  source = "org/kinesis/aws"', '}'),
      '.terraform/modules/modules.json': manifest({ Key: 'kinesis', Source: 'registry.terraform.io/org/kinesis/aws', Dir: '.terraform/modules/kinesis' }),
      '.terraform/modules/kinesis/main.tf': STREAM_MODULE.replace('variable "shards" {}', 'variable "shards" {\n  default = 40\n}'),
      '.kinesis-lint.json': JSON.stringify({ streams: { 'module.kinesis.aws_kinesis_stream.this': { write_mib_per_sec: 1, records_per_sec: 100 } } }),
    });
    const f = res.of('oversized-shards');
    assert.deepEqual(briefs(res, 'oversized-shards'), [['oversized-shards', '.terraform/modules/kinesis/main.tf', r(5, 20, 5, 30)]]);
    assert.deepEqual(f[0].fixes, []);
    // The same module as a local directory of the user's: the fix edits its default.
    const local = await analyze({
      'main.tf': hcl('module "kinesis" {', '  source = "./kinesis"', '}'),
      'kinesis/main.tf': STREAM_MODULE.replace('variable "shards" {}', 'variable "shards" {\n  default = 40\n}'),
      '.kinesis-lint.json': JSON.stringify({ streams: { 'module.kinesis.aws_kinesis_stream.this': { write_mib_per_sec: 1, records_per_sec: 100 } } }),
    });
    assert.deepEqual(local.of('oversized-shards')[0].fixes.map((x) => x.edits.map((e) => [e.file, e.range, e.newText])), [[['/ws/kinesis/main.tf', r(1, 12, 1, 14), '2']]]);
  });
});
