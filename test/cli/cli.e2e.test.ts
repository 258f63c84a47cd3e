// End to end: the compiled CLI (`npm run compile` → server/out/cli/main.js) on copies of examples/ in a temp dir.
// KINESIS_LINT_CLI may point at another build of main.js.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, linkSync, lstatSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');
// A hung process (workers not disposed) fails the test instead of hanging the suite.
const TIMEOUT_MS = 20000;

interface Result { code: number | null; stdout: string; stderr: string }

function cli(cwd: string, ...args: string[]): Result {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: TIMEOUT_MS });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(cwd: string, ...args: string[]) {
  const r = cli(cwd, '--format', 'json', ...args);
  assert.equal(r.stderr, '');
  return { code: r.code, out: JSON.parse(r.stdout) };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('cli end to end (compiled CLI on the examples)', function () {
  this.timeout(60000);
  let work: string;

  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-e2e-'));
    cpSync(join(ROOT, 'examples'), work, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('telemetry-pipeline: one undersized-shards warning on the shard_count value; exit 0, or 1 with --fail-on warning', () => {
    const { code, out } = json(work, 'telemetry-pipeline');
    assert.equal(code, 0);
    assert.deepEqual(out.findings.map((f: { ruleId: string }) => f.ruleId), ['undersized-shards']);
    const f = out.findings[0];
    assert.deepEqual([f.severity, f.file, f.resource], ['warning', 'telemetry-pipeline/main.tf', 'aws_kinesis_stream.telemetry']);
    assert.deepEqual(f.range, range(33, 21, 33, 22));
    assert.deepEqual(out.streams.map((s: { resource: string; shardCount: number; requiredShards: number }) => [s.resource, s.shardCount, s.requiredShards]), [['aws_kinesis_stream.telemetry', 2, 4]]);
    assert.equal(cli(work, '--fail-on', 'warning', 'telemetry-pipeline').code, 1);
  });

  it('healthy: no finding even with --fail-on info; the estimate is 1,460 shard-hours + 3,153.6 M PUT units', () => {
    const { code, out } = json(work, '--fail-on', 'info', 'healthy');
    assert.equal(code, 0);
    assert.deepEqual(out.findings, []);
    // 2 × 730 × $0.015 + 1,200 records/s × 730 × 3,600 s × 1 unit / 1e6 × $0.014 (kinesis.md §2)
    assert.equal(out.streams[0].monthlyCostUsd, 66.0504);
    assert.equal(out.summary.monthlyCostUsd, 66.0504);
  });

  it('module-call: the caller input is blamed, in the caller, once, even when the child is walked too', () => {
    for (const path of ['module-call', '.']) {
      const { out } = json(work, path);
      const retention = out.findings.filter((f: { ruleId: string }) => f.ruleId === 'long-term-retention-cost');
      assert.equal(retention.length, 1, `running on ${path}`);
      assert.equal(retention[0].file, 'module-call/main.tf');
      assert.deepEqual(retention[0].range, range(31, 21, 31, 24));
      assert.equal(out.streams.filter((s: { resource: string }) => s.resource === 'module.orders.aws_kinesis_stream.this').length, 1);
    }
  });

  it('seed: the invalid one-line block is a syntax error at 18:40 in text; exit 1', () => {
    const r = cli(join(work, 'seed'), '--no-cost');
    assert.equal(r.code, 1);
    const lines = r.stdout.split('\n');
    assert.ok(lines.includes('main.tf:18:40: error: Invalid single-argument block definition [syntax-error]'), r.stdout);
    assert.ok(!r.stdout.includes('Total for'));
  });

  it('on-demand-clickstream: only infos, which fail with --fail-on info', () => {
    const { code, out } = json(work, 'on-demand-clickstream');
    assert.equal(code, 0);
    assert.deepEqual(out.findings.map((f: { ruleId: string }) => f.ruleId).sort(), ['aws-managed-kms-key', 'capacity-mode-cost', 'extended-retention-cost']);
    assert.equal(cli(work, '--fail-on', 'info', 'on-demand-clickstream').code, 1);
  });

  it('sarif: every registered rule in the driver, 1-based regions, relative URIs', () => {
    const r = cli(work, '--format', 'sarif', 'seed');
    const sarif = JSON.parse(r.stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs[0].tool.driver.rules.length, 21);
    const syntax = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'syntax-error');
    assert.deepEqual(syntax.locations[0].physicalLocation, {
      artifactLocation: { uri: 'seed/main.tf', uriBaseId: '%SRCROOT%' },
      region: { startLine: 18, startColumn: 40, endLine: 18, endColumn: 47 },
    });
  });

  it('--fix changes only the shard_count value, atomically, and a second --fix changes nothing', () => {
    const file = join(work, 'telemetry-pipeline', 'main.tf');
    const before = readFileSync(file, 'utf8');
    const r = cli(work, '--fix', 'telemetry-pipeline');
    assert.equal(r.code, 0);
    assert.equal(r.stderr, 'kinesis-lint: applied 1 fix to telemetry-pipeline/main.tf\n');
    assert.equal(readFileSync(file, 'utf8'), before.replace('shard_count      = 2', 'shard_count      = 4'));
    assert.deepEqual(readdirSync(join(work, 'telemetry-pipeline')).sort(), ['README.md', 'main.tf', 'terraform.tfvars', 'variables.tf']);
    const again = cli(work, '--fix', 'telemetry-pipeline');
    assert.deepEqual([again.code, again.stderr], [0, '']);
    assert.equal(readFileSync(file, 'utf8'), before.replace('shard_count      = 2', 'shard_count      = 4'));
  });

  it('--fix keeps CRLF line endings', () => {
    const file = join(work, 'telemetry-pipeline', 'main.tf');
    const crlf = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    assert.equal(cli(work, '--fix', 'telemetry-pipeline').code, 0);
    assert.equal(readFileSync(file, 'utf8'), crlf.replace('shard_count      = 2', 'shard_count      = 4'));
  });

  it('--fix refuses a symlinked .tf with a message naming it, and keeps the link and its target', () => {
    const dir = join(work, 'telemetry-pipeline');
    const before = readFileSync(join(dir, 'main.tf'), 'utf8');
    renameSync(join(dir, 'main.tf'), join(work, 'shared-main.tf.txt'));
    symlinkSync(join(work, 'shared-main.tf.txt'), join(dir, 'main.tf'));
    const r = cli(work, '--fix', 'telemetry-pipeline');
    assert.equal(r.stderr, `kinesis-lint: ${join(dir, 'main.tf')} is a symbolic link; not fixed (fix its target instead)\n`);
    assert.equal(r.code, 0); // the finding is still reported, as without --fix
    assert.match(r.stdout, /undersized-shards/);
    assert.ok(lstatSync(join(dir, 'main.tf')).isSymbolicLink());
    assert.equal(readFileSync(join(work, 'shared-main.tf.txt'), 'utf8'), before);
  });

  it('--fix refuses a hard-linked .tf with a message naming it, and keeps both names one file', () => {
    const dir = join(work, 'telemetry-pipeline');
    const before = readFileSync(join(dir, 'main.tf'), 'utf8');
    linkSync(join(dir, 'main.tf'), join(work, 'main.tf.bak'));
    const r = cli(work, '--fix', 'telemetry-pipeline');
    assert.equal(r.stderr, `kinesis-lint: ${join(dir, 'main.tf')} has 2 hard links; not fixed (writing would break the links)\n`);
    assert.match(r.stdout, /undersized-shards/);
    assert.equal(statSync(join(dir, 'main.tf')).ino, statSync(join(work, 'main.tf.bak')).ino);
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), before);
  });

  it('usage errors exit 2 with a message: unknown option, missing path, missing --config file', () => {
    const unknown = cli(work, '--formt', 'json');
    assert.deepEqual([unknown.code, unknown.stdout], [2, '']);
    assert.ok(unknown.stderr.startsWith("kinesis-lint: unknown option '--formt' (did you mean --format?)"));
    const missing = cli(work, 'no-such-dir');
    assert.deepEqual([missing.code, missing.stderr.split('\n')[0]], [2, "kinesis-lint: cannot read 'no-such-dir': no such file or directory"]);
    const config = cli(work, '--config', 'nope.json', 'healthy');
    assert.equal(config.code, 2);
    assert.ok(config.stderr.includes('nope.json'), config.stderr);
  });

  it('--version prints the package version', () => {
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    assert.deepEqual(cli(work, '--version'), { code: 0, stdout: `${version}\n`, stderr: '' });
  });
});
