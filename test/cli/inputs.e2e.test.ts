// End to end: --var, --var-file and TF_VAR_ through the compiled CLI (npm run compile), on a module written to a
// temp dir. Precedence and parsing are unit-tested in test/inputs; here: the wiring, exit codes and messages.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

// 3 MiB/s of writes need ceil(3 / 0.8) = 4 shards.
const FILES: Record<string, string> = {
  'mod/main.tf': [
    '# kinesis-lint: write_mib_per_sec=3 records_per_sec=100',
    'resource "aws_kinesis_stream" "s" {',
    '  name            = "s"',
    '  shard_count     = var.shards',
    '  retention_period = var.hours',
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/k"',
    '}',
    'variable "hours" {',
    '  type    = number',
    '  default = 24',
    '}',
    'variable "shards" {',
    '  type    = number',
    '  default = 1',
    '}',
    '',
  ].join('\n'),
  'mod/terraform.tfvars': 'shards = 3\n',
  'env/prod.tfvars': 'shards = 8\n',
  'env/bad.tfvars': 'shards = [1,\n',
};

interface Result { code: number | null; stdout: string; stderr: string }

describe('cli end to end: --var, --var-file, TF_VAR_', function () {
  this.timeout(60000);
  let work: string;

  const cli = (env: Record<string, string>, ...args: string[]): Result => {
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 20000 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const values = (env: Record<string, string>, ...args: string[]) => {
    const r = cli(env, '--format', 'json', ...args, 'mod');
    assert.equal(r.stderr, '');
    const s = JSON.parse(r.stdout).streams[0];
    return [s.shardCount, s.retentionHours];
  };

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-inputs-'));
    for (const [rel, text] of Object.entries(FILES)) {
      mkdirSync(join(work, rel, '..'), { recursive: true });
      writeFileSync(join(work, rel), text);
    }
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('TF_VAR_ is read but terraform.tfvars beats it; --var-file (relative to the current directory) and --var beat that, the later winning', () => {
    assert.deepEqual(values({ TF_VAR_shards: '5', TF_VAR_hours: '48' }), [3, 48]);
    assert.deepEqual(values({}, '--var', 'shards=6', '-var-file=env/prod.tfvars'), [8, 24]);
    assert.deepEqual(values({}, '-var-file', 'env/prod.tfvars', '--var=shards=6'), [6, 24]);
  });

  it('a finding from a --var value names it (--verbose prints the detail), and --fix leaves the files alone', () => {
    const r = cli({}, '--fix', '--verbose', '--var', 'shards=2', 'mod');
    assert.equal(r.code, 0);
    // The detail, indented under the finding's line.
    assert.match(r.stdout, /^mod\/main\.tf:\d+:\d+: warning: 2 shards, load needs \d+ .*\n {4}.* shard_count comes from --var shards=2\.$/m);
    assert.doesNotMatch(cli({}, '--var', 'shards=2', 'mod').stdout, /comes from/);
    assert.equal(r.stderr, '');
    assert.equal(readFileSync(join(work, 'mod/terraform.tfvars'), 'utf8'), 'shards = 3\n');
    assert.equal(readFileSync(join(work, 'mod/main.tf'), 'utf8'), FILES['mod/main.tf']);
  });

  it('usage errors exit 2 with one clear line (no = is tested in args/run): undeclared, missing file, syntax error at file:line:col', () => {
    const cases: [string[], string][] = [
      [['--var', 'shard=2'], 'kinesis-lint: --var shard: the root module does not declare a variable "shard"; add a variable "shard" block to use this value'],
      [['--var-file', 'env/none.tfvars'], 'kinesis-lint: --var-file env/none.tfvars: the file does not exist or cannot be read'],
      [['--var-file', 'env/bad.tfvars'], 'kinesis-lint: env/bad.tfvars:2:1: Missing expression; Expected the start of an expression, but found the end of the file.'],
    ];
    for (const [args, message] of cases) {
      const r = cli({}, ...args, 'mod');
      assert.deepEqual([r.code, r.stderr.split('\n')[0], r.stdout], [2, message, ''], args.join(' '));
    }
  });
});
