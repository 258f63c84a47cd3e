// End to end through the compiled CLI (npm run compile): --untrusted reads nothing outside the PATHs (issue #9 item
// 15; the CLI is trusted by default, as it reads what the user points it at). A module call and a .tf link leading
// out are reported, not read; a --var-file named on the command line is read wherever it is.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { LINKS_OUTSIDE, OUTSIDE } from '../../server/src/node/workspaceBoundHost';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

interface Json {
  findings: { ruleId: string; message: string; detail: string | null; file: string }[];
  streams: { resource: string }[];
  summary: { streams: number; unknowns: { resource: string | null; what: string; why: string }[] };
}

describe('cli end to end: --untrusted', function () {
  this.timeout(60000);
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-untrusted-'));
    mkdirSync(join(work, 'repo'));
    mkdirSync(join(work, 'shared'));
    writeFileSync(join(work, 'shared', 'main.tf'), 'resource "aws_kinesis_stream" "ext" {\n  name        = "ext"\n  shard_count = 2\n}\n');
    writeFileSync(join(work, 'shared', 'extra.tf'), 'variable "extra" {}\n');
    writeFileSync(join(work, 'shared', 'prod.tfvars'), 'shards = 3\n');
    writeFileSync(join(work, 'repo', 'main.tf'), [
      'resource "aws_kinesis_stream" "s" {',
      '  name        = "s"',
      '  shard_count = var.shards',
      '}',
      'variable "shards" {',
      '  default = 1',
      '}',
      'module "ext" {',
      '  source = "../shared"',
      '}',
      '',
    ].join('\n'));
    symlinkSync(join(work, 'shared', 'extra.tf'), join(work, 'repo', 'extra.tf'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const run = (...args: string[]): Json => {
    const r = spawnSync(process.execPath, [CLI, '--format', 'json', ...args], { cwd: work, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8', timeout: 20000 });
    assert.equal(r.stderr, '');
    return JSON.parse(r.stdout) as Json;
  };

  it('reports the module call and the link that lead out, reads neither; the named --var-file is read', () => {
    const out = run('--untrusted', '--var-file', 'shared/prod.tfvars', 'repo');
    const about = (rule: string) => out.findings.filter((f) => f.ruleId === rule).map((f) => [f.file, f.message]);
    assert.deepEqual(about('module-not-analysed'), [['repo/main.tf', 'Module not analysed (local source): outside the workspace folders (untrusted workspace)']]);
    assert.deepEqual(out.findings.filter((f) => f.ruleId === 'module-not-analysed').map((f) => f.detail), [`module.ext: ${join(work, 'shared')}: ${OUTSIDE}.`]);
    assert.deepEqual(about('syntax-error'), [['repo/extra.tf', `extra.tf: ${LINKS_OUTSIDE}`]]);
    assert.deepEqual(out.streams.map((s) => s.resource), ['aws_kinesis_stream.s']);
    assert.deepEqual(out.summary.unknowns.filter((u) => u.what === 'module').map((u) => u.resource), ['module.ext']);
    // shard_count = 3 from the --var-file outside the PATH: named on the command line, so read.
    assert.ok(!out.findings.some((f) => f.file.startsWith('shared/')));
    const shards = spawnSync(process.execPath, [CLI, '--untrusted', '--var-file', 'shared/prod.tfvars', 'repo'], { cwd: work, encoding: 'utf8' }).stdout;
    assert.match(shards, /PROVISIONED, 3 shards/);
  });

  it('without the flag the CLI reads what the configuration names, as before', () => {
    const out = run('repo');
    assert.deepEqual(out.findings.filter((f) => f.ruleId === 'module-not-analysed' || f.ruleId === 'syntax-error'), []);
    assert.deepEqual(out.streams.map((s) => s.resource).sort(), ['aws_kinesis_stream.s', 'module.ext.aws_kinesis_stream.ext']);
  });
});
