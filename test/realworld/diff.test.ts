// `kinesis-lint diff` on published Terraform with its real history (issue #12, "Proof"): each fixture under
// test/fixtures/realworld-diff/<name>/ holds the same module files at two commits of a public repository (base/, head/,
// byte for byte, see SOURCE). The test commits base/ then head/ into a temporary git repository, runs the compiled CLI's
// `diff --base HEAD~1 --format json` there, and compares the result with expected.json, which was derived by hand
// from Terraform's rules and the price table (NOTES.md), never copied from the tool's output. It then saves a
// `--format json` report of the base checkout and checks that `diff --compare-to` that report says the same.
// Where the tool and the hand derivation disagree, expected.json's `toolDisagrees` records both values and why; the
// test then requires the tool's recorded value, so a change in the tool's behaviour fails here and is looked at.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Bound } from '../../server/src/core/partial';
import { RULES } from '../../server/src/core/rules/registry';

const ROOT = join(__dirname, '..', '..');
const CORPUS = join(ROOT, 'test', 'fixtures', 'realworld-diff');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

interface Facts { mode: string | null; shardCount: number | null; retentionHours: number | null; instances: number | null;
  consumers: { standard: Bound; efo: Bound }; monthlyCost: Bound }
interface Driver { kind: string; before: unknown; after: unknown }
interface StreamExpectation { root: string; address: string; status: 'added' | 'removed' | 'changed' | 'unchanged';
  before: Facts | null; after: Facts | null; delta: Bound; drivers: Driver[] }
interface FindingExpectation { ruleId: string; root: string; file: string; line: number; resource: string | null }
/** `only`: the disagreement shows in one way of running the diff (`--base` or `--compare-to`), not both. */
interface Disagreement { stream: string | null; field: string; hand: unknown; tool: unknown; note: string; only?: 'base' | 'compare-to' }
interface Expected { streams: StreamExpectation[]; introduced: FindingExpectation[]; fixed: FindingExpectation[];
  total: { delta: Bound }; toolDisagrees?: Disagreement[] }

function git(cwd: string, ...args: string[]): string {
  // A fixed identity and no user/system config: the test repository must not depend on the machine's git setup.
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'fixture',
    GIT_AUTHOR_EMAIL: 'fixture@example.invalid', GIT_COMMITTER_NAME: 'fixture', GIT_COMMITTER_EMAIL: 'fixture@example.invalid' };
  const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
  assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** base/ committed, then the work tree replaced by head/ and committed: HEAD~1 is the base commit. */
function buildRepository(fixture: string): string {
  const work = mkdtempSync(join(tmpdir(), 'kinesis-lint-realworld-diff-'));
  git(work, 'init', '-q', '-b', 'main');
  cpSync(join(fixture, 'base'), work, { recursive: true });
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'base');
  for (const entry of readdirSync(work)) if (entry !== '.git') rmSync(join(work, entry), { recursive: true, force: true });
  cpSync(join(fixture, 'head'), work, { recursive: true });
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'head');
  return work;
}

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Money as docs/diff-json.md writes it: a number (exact), { atLeast } (a lower bound) or null (unknown); to the cent. */
function bound(v: unknown): Bound {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return cents(v);
  return { atLeast: cents((v as { atLeast: number }).atLeast) };
}
const cents = (usd: number) => Math.round(usd * 100) / 100;

type Json = Record<string, any>;

function facts(side: Json | null): Facts | null {
  if (!side) return null;
  return { mode: side.mode, shardCount: side.shardCount, retentionHours: side.retentionHours, instances: side.instances,
    consumers: { standard: side.consumers.standard, efo: side.consumers.efo }, monthlyCost: bound(side.monthlyCostUsd) };
}

function finding(f: Json): FindingExpectation {
  return { ruleId: f.ruleId, root: f.root, file: f.file, line: f.range.start.line, resource: f.resource };
}

const byFinding = (a: FindingExpectation, b: FindingExpectation) =>
  a.root.localeCompare(b.root) || a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId);

const byKind = (a: Driver, b: Driver) => a.kind.localeCompare(b.kind);

/** The diff JSON (docs/diff-json.md) reduced to what expected.json states. */
function actualFacts(report: Json): Expected {
  return {
    streams: (report.streams as Json[]).map((s) => ({ root: s.root, address: s.resource, status: s.status, before: facts(s.before),
      after: facts(s.after), delta: bound(s.deltaUsd), drivers: (s.drivers as Json[]).map((d) => ({ kind: d.kind, before: d.before, after: d.after })).sort(byKind) }))
      .sort((a, b) => a.root.localeCompare(b.root) || a.address.localeCompare(b.address)),
    introduced: (report.findings.introduced as Json[]).map(finding).sort(byFinding),
    fixed: (report.findings.fixed as Json[]).map(finding).sort(byFinding),
    total: { delta: bound(report.summary.deltaUsd) },
  };
}

/** expected.json with the recorded disagreements replaced by the tool's value (the hand value stays in the file). */
function asTheToolSaysIt(expected: Expected, how: 'base' | 'compare-to'): Expected {
  const out: Expected = JSON.parse(JSON.stringify({ streams: expected.streams, introduced: expected.introduced, fixed: expected.fixed, total: expected.total }));
  out.streams.sort((a, b) => a.root.localeCompare(b.root) || a.address.localeCompare(b.address));
  for (const s of out.streams) s.drivers.sort(byKind);
  out.introduced.sort(byFinding);
  out.fixed.sort(byFinding);
  for (const d of (expected.toolDisagrees ?? []).filter((x) => !x.only || x.only === how)) {
    const target: Json | undefined = d.stream === null ? out : out.streams.find((s) => `${s.root} ${s.address}` === d.stream);
    assert.ok(target, `toolDisagrees names an unknown stream: ${d.stream}`);
    const path = d.field.split('.');
    const owner = path.slice(0, -1).reduce((o: Json, k) => o[k], target);
    assert.deepEqual(owner[path[path.length - 1]], d.hand, `toolDisagrees ${d.stream} ${d.field}: hand value differs from the one in expected.json`);
    owner[path[path.length - 1]] = d.tool;
  }
  return out;
}

describe('diff on published Terraform with its real history (test/fixtures/realworld-diff)', function () {
  this.timeout(120000);
  const fixtures = readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
  });

  it('has at least 4 fixtures, each with SOURCE, NOTES.md, expected.json, base/ and head/', () => {
    assert.ok(fixtures.length >= 4, `${fixtures.length} fixtures`);
    for (const name of fixtures) for (const file of ['SOURCE', 'NOTES.md', 'expected.json', 'base', 'head']) assert.ok(existsSync(join(CORPUS, name, file)), `${name}/${file}`);
  });

  /** The default --fail-on is error: exit 1 exactly when a finding the change introduces is an error by default. */
  function verdict(expected: Expected): [number, string] {
    const errors = expected.introduced.filter((f) => RULES.find((r) => r.id === f.ruleId)?.defaultSeverity === 'error');
    return errors.length > 0 ? [1, 'kinesis-lint: new findings reach --fail-on error\n'] : [0, ''];
  }

  for (const name of fixtures) {
    describe(name, () => {
      const fixture = join(CORPUS, name);
      let repo: string;
      let expected: Expected;
      before(() => {
        expected = JSON.parse(readFileSync(join(fixture, 'expected.json'), 'utf8')) as Expected;
        repo = buildRepository(fixture);
      });
      after(() => rmSync(repo, { recursive: true, force: true }));

      it('diff --base HEAD~1', () => {
        const r = cli(repo, 'diff', '--base', 'HEAD~1', '--format', 'json');
        assert.deepEqual([r.code, r.stderr], verdict(expected));
        assert.deepEqual(actualFacts(JSON.parse(r.stdout)), asTheToolSaysIt(expected, 'base'));
      });

      it('diff --compare-to a JSON report of the base says the same', () => {
        // The base's report as a CI job would have saved it on the main branch: the plain run, at the base commit.
        const baseTree = mkdtempSync(join(tmpdir(), 'kinesis-lint-realworld-base-'));
        try {
          git(repo, 'worktree', 'add', '-q', '--detach', baseTree, 'HEAD~1');
          const saved = cli(baseTree, '--format', 'json', '.');
          assert.ok(saved.code !== 2 && saved.code !== null, `base report: exit ${saved.code} ${saved.stderr}`);
          const reportFile = join(repo, '..', `${name}-base-report.json`);
          writeFileSync(reportFile, saved.stdout);
          try {
            const r = cli(repo, 'diff', '--compare-to', reportFile, '--format', 'json');
            assert.deepEqual([r.code, r.stderr], verdict(expected));
            assert.deepEqual(actualFacts(JSON.parse(r.stdout)), asTheToolSaysIt(expected, 'compare-to'));
          } finally {
            rmSync(reportFile, { force: true });
          }
        } finally {
          git(repo, 'worktree', 'remove', '--force', baseTree);
          rmSync(baseTree, { recursive: true, force: true });
        }
      });
    });
  }
});
