// action.yml run end to end without GitHub: its own steps, in order, by test/action/compositeRunner.ts (bash as the
// runner runs `shell: bash`), on a shallow clone of a pull request's head made over file:// (so the action's
// `git fetch` of the base commit really runs), with a loopback HTTP server standing in for the GitHub REST API.
// Needs server/out compiled (npm test compiles first); no network.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { createServer, type Server } from 'http';
import { load } from 'js-yaml';
import type { AddressInfo } from 'net';
import { join } from 'path';
import { git, PROVIDER, stream, tempDir } from '../cli/diffRepo';
import { evaluate, parseCommandFile, runComposite, type ActionFile, type Contexts, type StepResult } from './compositeRunner';

const ROOT = join(__dirname, '..', '..');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'action');
const MARKER = '<!-- kinesis-lint diff -->';
// The one step not run: `npm ci` needs the network and minutes; github.action_path is this checkout, whose
// server/out the suite compiled, which is what that step builds.
const OMIT = { 'Build kinesis-lint': 'npm ci needs the network; server/out is already compiled by npm test' };

// An unencrypted stream with the same declared load as diffRepo's stream(): missing-kms (an error by default).
const UNENCRYPTED = `
# kinesis-lint: write_mib_per_sec=0.5 records_per_sec=50
resource "aws_kinesis_stream" "audit" {
  name             = "audit"
  shard_count      = 1
  retention_period = 24
}
`;

interface Seen { method: string; path: string; auth: string | undefined; body: unknown }

/** A bare origin with the base and head commits, and a depth-1 clone of the head over file:// (the checkout). */
function pullRequestRepo(base: string, head: string): { workspace: string; baseSha: string; headSha: string; dir: string } {
  const dir = tempDir('kinesis-lint-actionrun-');
  const author = join(dir, 'author');
  mkdirSync(author);
  git(author, 'init', '-q', '-b', 'main');
  for (const text of [base, head]) {
    writeFileSync(join(author, 'main.tf'), text);
    git(author, 'add', '-A');
    git(author, 'commit', '-q', '-m', 'x');
  }
  git(dir, 'clone', '-q', '--bare', author, 'origin.git');
  git(dir, 'clone', '-q', '--depth=1', `file://${join(dir, 'origin.git')}`, 'workspace');
  return { workspace: join(dir, 'workspace'), baseSha: git(author, 'rev-parse', 'HEAD~1').trim(), headSha: git(author, 'rev-parse', 'HEAD').trim(), dir };
}

describe('action.yml run end to end (composite steps, shallow clone, loopback GitHub API)', function () {
  this.timeout(60000);
  let server: Server;
  let api: string;
  let seen: Seen[];
  let dirs: string[];

  beforeEach(async () => {
    seen = [];
    dirs = [];
    server = createServer((req, res) => {
      let text = '';
      req.on('data', (c) => (text += c));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined });
        const created = req.method === 'POST';
        res.writeHead(created ? 201 : 200, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(created ? { id: 5, html_url: 'https://github.test/octo/lake/pull/7#issuecomment-5' } : []));
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    api = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((done) => server.close(done));
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  /** The action as a workflow step `uses: ./` with `with`, on the event fixture (its SHAs set to the repository's). */
  async function run(repo: { workspace: string; baseSha: string; headSha: string; dir: string }, eventName: 'pull_request' | 'push', withs: Record<string, string> = {}) {
    dirs.push(repo.dir);
    const event = JSON.parse(readFileSync(join(FIXTURES, `${eventName}.json`), 'utf8'));
    if (eventName === 'pull_request') {
      event.pull_request.base.sha = repo.baseSha;
      event.pull_request.head.sha = repo.headSha;
    } else event.after = repo.headSha;
    const eventPath = join(repo.dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(event));
    const runnerTemp = join(repo.dir, 'runner-temp');
    mkdirSync(runnerTemp);
    const github = { event, event_name: eventName, repository: 'octo/lake', action_path: ROOT, token: 'test-token', workspace: repo.workspace };
    return runComposite({
      actionFile: join(ROOT, 'action.yml'), with: withs, github, workspace: repo.workspace, runnerTemp, omit: OMIT,
      env: {
        PATH: process.env.PATH ?? '', HOME: repo.dir,
        // No user or system git config (the runner has its own); the price cache the suite points at.
        GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', KINESIS_LINT_CACHE_DIR: process.env.KINESIS_LINT_CACHE_DIR ?? join(repo.dir, 'cache'),
        GITHUB_ACTIONS: 'true', GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_API_URL: api, GITHUB_REPOSITORY: 'octo/lake',
      },
    });
  }

  const names = (steps: StepResult[], status: StepResult['status']) => steps.filter((s) => s.status === status).map((s) => s.name);
  const stepNamed = (steps: StepResult[], name: string) => {
    const s = steps.find((x) => x.name === name);
    assert.ok(s, name);
    return s;
  };

  it('pull request adding a shard and an unencrypted stream: SARIF, diff comment, annotations, failing verdict', async () => {
    const repo = pullRequestRepo(PROVIDER + stream('events', 1), PROVIDER + stream('events', 2) + UNENCRYPTED);
    // The checkout really lacks the base commit: the action's fetch step must bring it.
    assert.notEqual(spawnSync('git', ['cat-file', '-e', `${repo.baseSha}^{commit}`], { cwd: repo.workspace }).status, 0);
    const { steps, summary } = await run(repo, 'pull_request');

    assert.deepEqual(steps.map((s) => [s.name, s.status]), [
      ['Set up Node.js', 'uses'], ['Build kinesis-lint', 'omitted'], ['Lint (SARIF)', 'ran'], ['Upload SARIF to code scanning', 'uses'],
      ['Fetch the base commit', 'ran'], ['Cost diff (Markdown)', 'ran'], ['Comment on the pull request', 'ran'], ['Annotations', 'ran'], ['Verdict', 'ran'],
    ]);
    assert.deepEqual(stepNamed(steps, 'Set up Node.js').with, { 'node-version': '20', cache: 'npm', 'cache-dependency-path': join(ROOT, 'package-lock.json') });

    // Lint: exit 1 (missing-kms is an error by default), SARIF 2.1.0 with that result, handed to upload-sarif.
    const lint = stepNamed(steps, 'Lint (SARIF)');
    assert.equal(lint.exitCode, 0, lint.stderr);
    assert.equal(lint.outputs?.['exit-code'], '1');
    const sarifFile = join(repo.dir, 'runner-temp', 'kinesis-lint.sarif');
    assert.equal(lint.outputs?.['sarif-file'], sarifFile);
    assert.deepEqual(stepNamed(steps, 'Upload SARIF to code scanning').with, { sarif_file: sarifFile, category: 'kinesis-lint', checkout_path: '.' });
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[];
    assert.deepEqual(results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]), [
      ['missing-kms', 'error', 'main.tf', 14],
    ]);

    // The base was fetched over file:// into the shallow clone.
    const fetch = stepNamed(steps, 'Fetch the base commit');
    assert.equal(fetch.exitCode, 0, fetch.stderr);
    assert.equal(fetch.outputs?.sha, repo.baseSha);
    git(repo.workspace, 'cat-file', '-e', `${repo.baseSha}^{commit}`);

    // The diff (us-east-1, server/src/core/pricing/prices.json; diffRepo's stream(): a shard 730 h × $0.015 =
    // $10.95, PUT 131.4 M units × $0.014 = $1.8396 a month): before events 1 shard = $12.7896; after events 2
    // shards $23.7396 + audit $12.7896 = $36.5292; +$23.7396 (+185.6 %).
    const diff = stepNamed(steps, 'Cost diff (Markdown)');
    assert.equal(diff.exitCode, 0, diff.stderr);
    assert.equal(diff.outputs?.['exit-code'], '1');
    const report = readFileSync(diff.outputs?.report ?? '', 'utf8');
    assert.ok(report.startsWith(`${MARKER}\n`), report.slice(0, 80));
    assert.match(report, /Monthly cost will increase by \\\$23\.74 \(\+186 %\) — \\\$12\.79 → \\\$36\.53/);
    assert.match(report, /\| aws\\_kinesis\\_stream\.events \| changed \| \\\$12\.79 \| \\\$23\.74 \| \+\\\$10\.95 \| shards 1 → 2 \|/);
    assert.match(report, /- new \*\*error\*\* main\.tf:14: Not encrypted at rest: .* \(missing-kms\)/);
    assert.equal(summary, report, 'the report is the job summary');

    // The comment: one GET of the comments (none), one POST of the report, with the token.
    const comment = stepNamed(steps, 'Comment on the pull request');
    assert.equal(comment.exitCode, 0, `${comment.stdout}${comment.stderr}`);
    assert.equal(comment.stdout, 'kinesis-lint: commented https://github.test/octo/lake/pull/7#issuecomment-5\n');
    assert.deepEqual(seen, [
      { method: 'GET', path: '/repos/octo/lake/issues/7/comments?per_page=100', auth: 'Bearer test-token', body: undefined },
      { method: 'POST', path: '/repos/octo/lake/issues/7/comments', auth: 'Bearer test-token', body: { body: report } },
    ]);

    // Annotations on the changed lines: the new finding spans `resource "aws_kinesis_stream" "audit"` (line 14,
    // characters 0–37 end-exclusive → columns 1–37, GitHub's 1-based inclusive columns).
    const annotations = stepNamed(steps, 'Annotations');
    assert.equal(annotations.exitCode, 0, annotations.stderr);
    const lines = (annotations.stdout ?? '').trimEnd().split('\n');
    assert.equal(readFileSync(join(repo.workspace, 'main.tf'), 'utf8').split('\n')[13].indexOf(' {'), 37);
    assert.deepEqual(lines.filter((l) => l.startsWith('::error')), [
      '::error file=main.tf,line=14,endLine=14,col=1,endColumn=37,title=kinesis-lint%3A new missing-kms::Not encrypted at rest: encryption_type is unset (default "NONE")',
    ]);
    assert.ok(lines.includes('::notice file=main.tf,line=5,endLine=5,title=kinesis-lint%3A aws_kinesis_stream.events +$10.95/mo::changed: shards 1 → 2 (monthly cost $12.79 → $23.74)'), lines.join('\n'));

    const verdict = stepNamed(steps, 'Verdict');
    assert.equal(verdict.exitCode, 1);
    assert.equal(verdict.stdout, "::error::kinesis-lint: the change adds findings at or above 'error', or raises the monthly cost beyond fail-on-increase (see the diff)\n");
  });

  it('fail-on: never, comment: false, a head that only lowers cost: verdict passes, no request to the API', async () => {
    const repo = pullRequestRepo(PROVIDER + stream('events', 2), PROVIDER + stream('events', 1));
    const { steps } = await run(repo, 'pull_request', { 'fail-on': 'never', comment: 'false' });
    assert.deepEqual(names(steps, 'skipped'), ['Comment on the pull request']);
    assert.deepEqual(names(steps, 'ran'), ['Lint (SARIF)', 'Fetch the base commit', 'Cost diff (Markdown)', 'Annotations', 'Verdict']);
    assert.equal(stepNamed(steps, 'Lint (SARIF)').outputs?.['exit-code'], '0');
    const diff = stepNamed(steps, 'Cost diff (Markdown)');
    assert.equal(diff.outputs?.['exit-code'], '0');
    // 2 → 1 shard: −730 h × $0.015 = −$10.95; $23.7396 → $12.7896.
    assert.match(readFileSync(diff.outputs?.report ?? '', 'utf8'), /Monthly cost will decrease by \\\$10\.95 .*\\\$23\.74 → \\\$12\.79/);
    const verdict = stepNamed(steps, 'Verdict');
    assert.equal(verdict.exitCode, 0, verdict.stdout);
    assert.equal(verdict.stdout, 'kinesis-lint: passed\n');
    assert.deepEqual(seen, []);
  });

  it('a push (no pull request, no base input): lint only, no diff, no comment', async () => {
    const repo = pullRequestRepo(PROVIDER + stream('events', 1), PROVIDER + stream('events', 1) + UNENCRYPTED);
    const { steps, summary } = await run(repo, 'push');
    assert.deepEqual(steps.map((s) => [s.name, s.status]), [
      ['Set up Node.js', 'uses'], ['Build kinesis-lint', 'omitted'], ['Lint (SARIF)', 'ran'], ['Upload SARIF to code scanning', 'uses'],
      ['Fetch the base commit', 'ran'], ['Cost diff (Markdown)', 'skipped'], ['Comment on the pull request', 'skipped'], ['Annotations', 'ran'], ['Verdict', 'ran'],
    ]);
    const fetch = stepNamed(steps, 'Fetch the base commit');
    assert.deepEqual(fetch.outputs, {});
    assert.equal(fetch.stdout, '::notice::kinesis-lint: no base revision (not a pull request, no base input): no cost diff\n');
    assert.equal(summary, '');
    // Every finding annotated by the plain lint (not "new").
    assert.match(stepNamed(steps, 'Annotations').stdout ?? '', /^::error file=main\.tf,line=14,endLine=14,col=1,endColumn=37,title=kinesis-lint missing-kms::Not encrypted at rest/m);
    const verdict = stepNamed(steps, 'Verdict');
    assert.equal(verdict.exitCode, 1);
    assert.match(verdict.stdout ?? '', /^::error::kinesis-lint: findings at or above 'error'/);
    assert.deepEqual(seen, []);
  });
});

describe('compositeRunner', () => {
  const ctx: Contexts = { inputs: { a: 'true', b: '' }, github: { event: { pull_request: { number: 7 } }, repository: 'o/r' }, steps: { s: { outputs: { x: 'v' } } } };

  it("evaluates action.yml's expression subset with GitHub's loose equality", () => {
    assert.equal(evaluate("inputs.a == 'TRUE' && (github.event.pull_request.number == '' || github.repository == 'o/r')", ctx), true);
    assert.equal(evaluate("steps.s.outputs.x != '' && steps.t.outputs.y == ''", ctx), true);
    assert.equal(evaluate("github.event.pull_request.number != ''", ctx), true);
    assert.equal(evaluate("github.event.after == ''", ctx), true, 'a missing property is null, equal to empty');
  });

  it('throws on anything outside the subset', () => {
    for (const e of ["always()", "!inputs.a", "inputs.a == 1", "env.X == ''", "steps.s.conclusion == 'success'", "inputs.a >= 'b'"]) {
      assert.throws(() => evaluate(e, ctx), /expression/, e);
    }
  });

  it("action.yml's SARIF upload condition: skipped for a fork's pull request (read-only token) or sarif: false", () => {
    const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
    const condition = action.runs.steps.find((s) => s.name === 'Upload SARIF to code scanning')?.if ?? '';
    const pr = (head: string) => ({ event: { pull_request: { number: 7, head: { repo: { full_name: head } } } }, repository: 'octo/lake' });
    const upload = (sarif: string, github: Record<string, unknown>) => evaluate(condition, { inputs: { sarif }, github, steps: {} });
    assert.equal(upload('true', pr('octo/lake')), true);
    assert.equal(upload('true', pr('someone/lake')), false);
    assert.equal(upload('true', { event: { ref: 'refs/heads/main' }, repository: 'octo/lake' }), true, 'a push');
    assert.equal(upload('false', pr('octo/lake')), false);
  });

  it('parses GITHUB_OUTPUT lines and heredocs', () => {
    assert.deepEqual(parseCommandFile('a=1=2\nbody<<EOF\nline 1\nb=not a key\nEOF\nc=\n'), { a: '1=2', body: 'line 1\nb=not a key', c: '' });
  });
});
