// .pre-commit-hooks.yaml read with js-yaml, its `files` pattern tried on names, and its entry run as pre-commit runs
// it (entry + args + the changed file names, from the repository root) with the compiled CLI.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { load } from 'js-yaml';
import { tmpdir } from 'os';
import { dirname, join } from 'path';

const ROOT = join(__dirname, '..', '..');

interface Hook { id: string; entry: string; language: string; files: string; pass_filenames: boolean; require_serial?: boolean; args?: string[] }

const [hook] = load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

const stream = (name: string, encrypted: boolean) => `resource "aws_kinesis_stream" "${name}" {
  name        = "${name}"
  shard_count = 1
${encrypted ? '  encryption_type = "KMS"\n  kms_key_id      = "alias/aws/kinesis"\n' : ''}}
`;

describe('.pre-commit-hooks.yaml', function () {
  this.timeout(60000);
  let repo: string;

  before(() => {
    repo = mkdtempSync(join(tmpdir(), 'kinesis-lint-precommit-'));
    const files: Record<string, string> = {
      'streams/main.tf': stream('clicks', false),
      'streams/more.tf': stream('orders', true),
      'streams/terraform.tfvars': 'unused = 1\n',
      'audit/main.tf': stream('audit', true),
      'envs/prod.tfvars': 'shards = 2\n',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(repo, file)), { recursive: true });
      writeFileSync(join(repo, file), text);
    }
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('one node hook, kinesis-lint, passing file names to one process', () => {
    assert.deepEqual([hook.id, hook.language, hook.pass_filenames, hook.require_serial], ['kinesis-lint', 'node', true, true]);
    assert.ok(hook.entry in pkg.bin, 'the entry is the package\'s bin');
  });

  it('files: Terraform, OpenTofu and variables files, nothing else (matched as pre-commit does, re.search)', () => {
    const files = new RegExp(hook.files);
    const matching = ['main.tf', 'a/b/x.tf.json', 'm.tofu', 'm.tofu.json', 'terraform.tfvars', 'envs/prod.tfvars.json', 'prod.auto.tfvars'];
    const other = ['README.md', 'main.tf.bak', 'terraform.tfstate', '.terraform.lock.hcl', 'main.tfvars.example', 'tf', 'x.hcl'];
    assert.deepEqual(matching.filter((n) => !files.test(n)), []);
    assert.deepEqual(other.filter((n) => files.test(n)), []);
  });

  function runHook(...filenames: string[]) {
    const bin = join(ROOT, pkg.bin[hook.entry]);
    assert.ok(existsSync(bin), `${bin} is missing: run npm run compile first`);
    const env = { ...process.env, NO_COLOR: '1' };
    const r = spawnSync(process.execPath, [bin, ...(hook.args ?? []), '--format', 'json', ...filenames], { cwd: repo, env, encoding: 'utf8', timeout: 30000 });
    return { code: r.status, stderr: r.stderr, report: r.stdout ? JSON.parse(r.stdout) : undefined };
  }

  it('two changed files of one module and one of another: both modules, each stream once; the unencrypted one fails (exit 1)', () => {
    const r = runHook('streams/main.tf', 'streams/more.tf', 'audit/main.tf');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.report.streams.map((s: { resource: string; file: string }) => `${s.file} ${s.resource}`), [
      'audit/main.tf aws_kinesis_stream.audit', 'streams/main.tf aws_kinesis_stream.clicks', 'streams/more.tf aws_kinesis_stream.orders',
    ]);
    assert.deepEqual(r.report.findings.filter((f: { severity: string }) => f.severity === 'error').map((f: { ruleId: string; file: string }) => `${f.file} ${f.ruleId}`), ['streams/main.tf missing-kms']);
  });

  it('only encrypted modules changed: exit 0', () => {
    assert.equal(runHook('audit/main.tf').code, 0);
  });

  it('a changed terraform.tfvars means its module; a tfvars beside no configuration is skipped with a note (exit 0)', () => {
    const tfvars = runHook('streams/terraform.tfvars');
    assert.equal(tfvars.code, 1);
    assert.equal(tfvars.report.streams.length, 2);
    const lone = runHook('envs/prod.tfvars');
    assert.equal(lone.code, 0);
    assert.match(lone.stderr, /'envs\/prod\.tfvars' is a variables file in a directory without Terraform files: skipped/);
    assert.deepEqual(lone.report.streams, []);
  });
});
