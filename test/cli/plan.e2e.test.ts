// End to end: the compiled CLI with --plan on test/fixtures/plan (plans written by hand in the format Terraform 1.11
// writes, see the README there): exit codes, exact ranges in the source and in plan.json, usage errors.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

function cli(cwd: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 20000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

describe('cli --plan end to end (compiled CLI on test/fixtures/plan)', function () {
  this.timeout(60000);
  let work: string;

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-plan-'));
    cpSync(join(ROOT, 'test', 'fixtures', 'plan'), work, { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('plan with its directory: findings in main.tf and plan.json; the unencrypted stream (missing-kms, an error) exits 1 by default', () => {
    const dir = join(work, 'registry');
    const r = cli(dir, '--plan', 'plan.json', '.', '--format', 'json');
    assert.deepEqual([r.code, r.stderr], [1, '']);
    const out = JSON.parse(r.stdout);
    assert.deepEqual(out.findings.map((f: { ruleId: string; file: string; range: unknown; fixes: unknown[] }) => [f.ruleId, f.file, f.range, f.fixes.length]), [
      ['undersized-shards', 'main.tf', range(32, 20, 32, 37), 0],
      ['missing-kms', 'plan.json', range(94, 12, 119, 13), 0],
      ['throughput-undeclared', 'plan.json', range(94, 12, 119, 13), 0],
      ['extended-retention-cost', 'plan.json', range(107, 36, 107, 38), 0],
    ]);
    assert.equal(out.findings.find((f: { ruleId: string }) => f.ruleId === 'missing-kms').severity, 'error');
    assert.equal(cli(dir, '--plan', 'plan.json', '.', '--fail-on', 'never').code, 0);
  });

  it('text and SARIF name the plan file and the source file', () => {
    const dir = join(work, 'registry');
    const text = cli(dir, '--plan', 'plan.json', '.');
    assert.match(text.stdout, /^main\.tf:33:21: warning: 3 shards, load needs 4 /m);
    assert.match(text.stdout, /^plan\.json:108:37: info: Retention 48 h adds /m);
    assert.match(text.stdout, /note: Values resolved by the Terraform plan plan\.json \(Terraform 1\.11\.4\)\./);
    const sarif = JSON.parse(cli(dir, '--plan', 'plan.json', '.', '--format', 'sarif').stdout);
    const uris = sarif.runs[0].results.map((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => x.locations[0].physicalLocation.artifactLocation.uri);
    assert.deepEqual(uris.map((u: string) => u.split('/').pop()), ['main.tf', 'plan.json', 'plan.json', 'plan.json']);
  });

  it('plan alone (no PATH): every finding in plan.json; a .tf file as PATH means its directory', () => {
    const dir = join(work, 'same');
    const alone = JSON.parse(cli(dir, '--plan', 'plan.json', '--format', 'json').stdout);
    assert.ok(alone.findings.length > 0 && alone.findings.every((f: { file: string }) => f.file === 'plan.json'));
    const viaFile = JSON.parse(cli(work, '--plan', 'same/plan.json', 'same/main.tf', '--format', 'json').stdout);
    assert.deepEqual([...new Set(viaFile.findings.map((f: { file: string }) => f.file))], ['same/main.tf']);
  });

  it('usage errors exit 2 with file:line:col: invalid JSON, another format_version, a state file, a missing file or directory', () => {
    writeFileSync(join(work, 'bad.json'), '{\n  "format_version": "1.2",\n  "planned_values": {\n}');
    writeFileSync(join(work, 'v2.json'), '{"format_version": "2.0", "planned_values": {}}');
    writeFileSync(join(work, 'state.json'), '{"format_version": "1.0", "values": {}}');
    const bad = cli(work, '--plan', 'bad.json');
    assert.deepEqual([bad.code, bad.stdout], [2, '']);
    assert.match(bad.stderr, /^kinesis-lint: .*bad\.json:4:2: not valid JSON: unexpected end of file; expected "," or "}"\n$/);
    assert.match(cli(work, '--plan', 'v2.json').stderr, /v2\.json:1:20: unsupported plan format_version "2\.0": kinesis-lint reads 1\.x/);
    assert.match(cli(work, '--plan', 'state.json').stderr, /state\.json:1:1: a Terraform state, not a plan/);
    const missing = cli(work, '--plan', 'nope.json');
    assert.deepEqual([missing.code, /nope\.json: cannot read the plan file/.test(missing.stderr)], [2, true]);
    const noDir = cli(work, '--plan', 'same/plan.json', 'no-such-dir');
    assert.deepEqual([noDir.code, noDir.stderr], [2, 'kinesis-lint: no-such-dir: no such directory\n']);
    assert.equal(cli(work, '--plan', 'same/plan.json', '--fix').code, 2);
    const withVar = cli(work, '--plan', 'same/plan.json', '--var', 'shards=4', 'same');
    assert.deepEqual([withVar.code, withVar.stdout], [2, '']);
    assert.match(withVar.stderr, /^kinesis-lint: --var and --var-file cannot be combined with --plan: the plan already holds the variable values\n/);
  });
});
