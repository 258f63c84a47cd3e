// --format github, gitlab and junit through the compiled CLI on examples/: wired into the run, one entry per finding
// of the JSON report, and the exit code unchanged by the format.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'examples', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', timeout: 30000 });
  assert.equal(r.stderr, '');
  return { code: r.status, stdout: r.stdout };
}

describe('CI formats end to end (compiled CLI, examples/)', function () {
  this.timeout(120000);
  let findings: { ruleId: string; severity: string; file: string; range: { start: { line: number } } }[];

  before(() => {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
    findings = JSON.parse(run('--format', 'json').stdout).findings;
  });

  it('github: an annotation per finding but hints, then the summary notice; exit 1 (the seed example has a syntax error)', () => {
    const r = run('--format', 'github');
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    const expected = findings.filter((f) => f.severity !== 'hint').map((f) => `${f.file}:${f.range.start.line + 1}:${f.ruleId}`);
    const annotated = lines.slice(0, -1).map((l) => {
      const m = /^::(error|warning|notice) file=([^,]+),line=(\d+),.*title=kinesis-lint ([a-z-]+)::/.exec(l);
      assert.ok(m, l);
      return `${m[2]}:${m[3]}:${m[4]}`;
    });
    assert.deepEqual(annotated, expected);
    assert.match(lines[lines.length - 1], /^::notice title=kinesis-lint::Total for \d+ streams: .*\. \d+ problems \(/);
  });

  it('gitlab: one issue per finding, same order, unique fingerprints', () => {
    const r = run('--format', 'gitlab');
    assert.equal(r.code, 1);
    const issues = JSON.parse(r.stdout) as { check_name: string; fingerprint: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual(issues.map((i) => `${i.location.path}:${i.location.lines.begin}:${i.check_name}`), findings.map((f) => `${f.file}:${f.range.start.line + 1}:${f.ruleId}`));
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('junit: failures follow --fail-on as the exit code does', () => {
    const failures = (out: string) => (out.match(/<failure /g) ?? []).length;
    const byDefault = run('--format', 'junit');
    assert.equal(byDefault.code, 1);
    assert.equal(failures(byDefault.stdout), findings.filter((f) => f.severity === 'error').length, 'the errors are on different test cases');
    const never = run('--format', 'junit', '--fail-on', 'never');
    assert.deepEqual([never.code, failures(never.stdout)], [0, 0]);
  });
});
