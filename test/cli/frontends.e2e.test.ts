// End to end: the compiled CLI on a CDK for Terraform stack written in .tf.json and on a root module whose registry
// call is resolved through .terraform/modules/modules.json (test/fixtures/cdktf-json, test/fixtures/registry-module).
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');
const STACK = 'cdktf-json/cdktf.out/stacks/orders/cdk.tf.json';
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

function cli(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding { ruleId: string; file: string; range: unknown; message: string; detail: string | null; fixes: unknown[] }

describe('cli end to end: Terraform JSON and installed modules', function () {
  this.timeout(60000);
  let work: string;
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-fe-'));
    cpSync(join(ROOT, 'test', 'fixtures'), work, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('a CDKTF stack in .tf.json: findings at the exact JSON keys and values', () => {
    const r = cli(work, '--format', 'json', 'cdktf-json');
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; streams: { resource: string; shardCount: number; file: string }[] };
    assert.deepEqual(out.findings.map((f) => [f.ruleId, f.file, f.range]), [
      ['missing-kms', STACK, range(18, 6, 18, 30)], //            the resource's key "orders_stream_1A2B3C4D"
      ['extended-retention-cost', STACK, range(26, 28, 26, 30)], // 48
      ['undersized-shards', STACK, range(27, 23, 27, 38)], //      "${var.shards}"
    ]);
    assert.deepEqual(out.streams.map((s) => [s.resource, s.shardCount, s.file]), [['aws_kinesis_stream.orders_stream_1A2B3C4D', 1, STACK]]);
  });

  it('--fix on the stack leaves valid JSON with the intended values (the variable default, two added properties)', () => {
    const r = cli(work, '--fix', '--no-cost', 'cdktf-json');
    assert.match(r.stderr, /applied 2 fixes to cdktf-json\/cdktf\.out\/stacks\/orders\/cdk\.tf\.json/);
    const fixed = JSON.parse(readFileSync(join(work, STACK), 'utf8'));
    const stream = fixed.resource.aws_kinesis_stream.orders_stream_1A2B3C4D;
    assert.equal(stream.encryption_type, 'KMS');
    assert.equal(stream.kms_key_id, 'alias/aws/kinesis');
    assert.equal(stream.retention_period, 48, 'a suggestion is not applied by --fix');
    assert.equal(fixed.variable.shards.default, 4);
    assert.deepEqual(fixed['//'], JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', STACK), 'utf8'))['//']);
    // Nothing else changed: only the lines of the two fixes differ.
    const before = readFileSync(join(ROOT, 'test', 'fixtures', STACK), 'utf8').split('\n');
    const after = readFileSync(join(work, STACK), 'utf8').split('\n');
    assert.equal(after.length, before.length + 2);
  });

  it('a registry module through modules.json: analysed with the caller\'s input; the git call missing from the manifest is reported', () => {
    const r = cli(work, '--format', 'json', 'registry-module');
    const out = JSON.parse(r.stdout) as { findings: JsonFinding[]; streams: { resource: string; shardCount: number }[] };
    assert.deepEqual(out.findings.map((f) => [f.ruleId, f.file, f.range]), [
      ['aws-managed-kms-key', 'registry-module/.terraform/modules/kinesis/main.tf', range(13, 21, 13, 40)],
      ['undersized-shards', 'registry-module/main.tf', range(5, 11, 5, 12)],
      ['module-not-analysed', 'registry-module/main.tf', range(9, 11, 9, 56)],
    ]);
    assert.equal(out.findings[2].message, 'Module not analysed (git source): run terraform init');
    assert.equal(out.findings[2].detail, 'module.archive: it is not in .terraform/modules/modules.json: run terraform init.');
    assert.deepEqual(out.streams.map((s) => [s.resource, s.shardCount]), [['module.kinesis.aws_kinesis_stream.this', 1]]);
    assert.equal(r.code, 0);
    assert.equal(cli(work, '--fail-on', 'warning', 'registry-module').code, 1);
  });

  it('--fix edits the caller\'s argument, never the installed module', () => {
    const installed = 'registry-module/.terraform/modules/kinesis/main.tf';
    const r = cli(work, '--fix', '--no-cost', 'registry-module');
    assert.match(r.stderr, /applied 1 fix to registry-module\/main\.tf/);
    assert.match(readFileSync(join(work, 'registry-module/main.tf'), 'utf8'), /\n  shards = 3\n/);
    assert.equal(readFileSync(join(work, installed), 'utf8'), readFileSync(join(ROOT, 'test', 'fixtures', installed), 'utf8'));
  });
});
