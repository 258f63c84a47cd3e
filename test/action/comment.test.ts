// scripts/action/comment.js run as the action runs it (a node process with GitHub's environment), against a
// loopback HTTP server standing in for the GitHub REST API (GITHUB_API_URL): no network.
import { strict as assert } from 'assert';
import { execFile } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'action', 'comment.js');
const FIXTURES = join(ROOT, 'test', 'fixtures', 'action');
const MARKER = '<!-- kinesis-lint diff -->';
const REPORT = `${MARKER}\n## kinesis-lint: +$21.90/month\n`;
const COMMENTS = '/repos/octo/lake/issues/7/comments';

interface Seen { method: string; path: string; auth: string | undefined; body: unknown }
type Reply = { status: number; json?: unknown; link?: string };
type Handler = (request: Seen, base: string) => Reply;

describe('scripts/action/comment.js (loopback GitHub API)', function () {
  this.timeout(20000);
  let server: Server;
  let base: string;
  let seen: Seen[];
  let handler: Handler;
  let dir: string;

  beforeEach(async () => {
    seen = [];
    dir = mkdtempSync(join(tmpdir(), 'kinesis-lint-comment-'));
    writeFileSync(join(dir, 'report.md'), REPORT);
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const request = { method: req.method ?? '', path: req.url ?? '', auth: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
        seen.push(request);
        const reply = handler(request, base);
        res.writeHead(reply.status, { 'Content-Type': 'application/json', ...(reply.link ? { Link: reply.link } : {}) });
        res.end(reply.json === undefined ? '' : JSON.stringify(reply.json));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  function run(event = 'pull_request.json', extra: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
    const env = {
      PATH: process.env.PATH ?? '',
      GITHUB_EVENT_PATH: join(FIXTURES, event), GITHUB_EVENT_NAME: event.replace('.json', ''),
      GITHUB_REPOSITORY: 'octo/lake', GITHUB_API_URL: base, GITHUB_TOKEN: 'test-token', KINESIS_LINT_RETRY_DELAY_MS: '10', ...extra,
    };
    return new Promise((resolve) => {
      execFile(process.execPath, [SCRIPT, join(dir, 'report.md')], { env, timeout: 15000 }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  const bot = { login: 'github-actions[bot]', type: 'Bot' };
  const list = (path: string) => ({ method: 'GET', path, auth: 'Bearer test-token', body: undefined });

  it('creates the comment when none exists: one GET, one POST with the report', async () => {
    handler = (r) => (r.method === 'GET' ? { status: 200, json: [{ id: 1, body: 'LGTM', user: { login: 'dev' } }] } : { status: 201, json: { id: 9, html_url: 'https://github.test/c/9' } });
    const r = await run();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(seen, [
      list(`${COMMENTS}?per_page=100`),
      { method: 'POST', path: COMMENTS, auth: 'Bearer test-token', body: { body: REPORT } },
    ]);
    assert.match(r.stdout, /commented https:\/\/github\.test\/c\/9/);
  });

  it('updates the marked comment found on page 2 (Link header), ignoring a marked comment by another user', async () => {
    handler = (r, api) => {
      if (r.path === `${COMMENTS}?per_page=100`) {
        return {
          status: 200,
          link: `<${api}${COMMENTS}?per_page=100&page=2>; rel="next", <${api}${COMMENTS}?per_page=100&page=2>; rel="last"`,
          json: [{ id: 3, body: 'no marker', user: bot }, { id: 4, body: `${MARKER} quoted by a human`, user: { login: 'dev', type: 'User' } }],
        };
      }
      if (r.path === `${COMMENTS}?per_page=100&page=2`) return { status: 200, json: [{ id: 5, body: 'x', user: bot }, { id: 42, body: `${MARKER}\nold`, user: bot }] };
      return { status: 200, json: { id: 42 } };
    };
    const r = await run();
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.deepEqual(seen, [
      list(`${COMMENTS}?per_page=100`),
      list(`${COMMENTS}?per_page=100&page=2`),
      { method: 'PATCH', path: '/repos/octo/lake/issues/comments/42', auth: 'Bearer test-token', body: { body: REPORT } },
    ]);
  });

  it('with an empty comment-author, any author\'s marked comment is updated', async () => {
    handler = (r) => (r.method === 'GET' ? { status: 200, json: [{ id: 4, body: `${MARKER} by a PAT user`, user: { login: 'dev' } }] } : { status: 200, json: { id: 4 } });
    const r = await run('pull_request.json', { KINESIS_LINT_COMMENT_AUTHOR: '' });
    assert.equal(r.code, 0);
    assert.deepEqual(seen.map((s) => `${s.method} ${s.path}`), [`GET ${COMMENTS}?per_page=100`, 'PATCH /repos/octo/lake/issues/comments/4']);
  });

  it('does not follow a Link to another host (the token stays with the API)', async () => {
    handler = (r) => (r.method === 'GET' ? { status: 200, json: [], link: '<https://elsewhere.invalid/steal?page=2>; rel="next"' } : { status: 201, json: { id: 1 } });
    const r = await run();
    assert.equal(r.code, 0);
    assert.deepEqual(seen.map((s) => `${s.method} ${s.path}`), [`GET ${COMMENTS}?per_page=100`, `POST ${COMMENTS}`]);
  });

  it('403 (a fork\'s read-only token): a warning, exit 0, no retry', async () => {
    handler = (r) => (r.method === 'GET' ? { status: 200, json: [] } : { status: 403, json: { message: 'Resource not accessible by integration' } });
    const r = await run();
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^::warning::kinesis-lint: cannot comment on #7 \(HTTP 403/m);
    assert.equal(seen.length, 2);
  });

  it('5xx: retried, then a success goes on', async () => {
    let failures = 1;
    handler = (r) => (r.method === 'GET' && failures-- > 0 ? { status: 502, json: { message: 'Bad gateway' } } : r.method === 'GET' ? { status: 200, json: [] } : { status: 201, json: { id: 1 } });
    const r = await run();
    assert.equal(r.code, 0, r.stdout);
    assert.deepEqual(seen.map((s) => s.method), ['GET', 'GET', 'POST']);
  });

  it('5xx every time: three attempts, then exit 1 with a clear error', async () => {
    handler = () => ({ status: 503, json: { message: 'Service unavailable' } });
    const r = await run();
    assert.equal(r.code, 1);
    assert.equal(seen.length, 3);
    assert.match(r.stdout, /^::error::kinesis-lint: GET http:\/\/127\.0\.0\.1:\d+\/repos\/octo\/lake\/issues\/7\/comments\?per_page=100 failed: HTTP 503: .*Service unavailable.* \(after 3 attempts\)$/m);
    assert.equal(r.stderr, '', 'no stack trace');
  });

  it('not a pull request (push): a notice, no request', async () => {
    handler = () => ({ status: 500 });
    const r = await run('push.json');
    assert.equal(r.code, 0);
    assert.equal(seen.length, 0);
    assert.match(r.stdout, /^::notice::kinesis-lint: not a pull request \(push\): no comment posted$/m);
  });

  it('a missing report file or token: exit 1 with a message, no request, no stack trace', async () => {
    handler = () => ({ status: 500 });
    const noToken = await run('pull_request.json', { GITHUB_TOKEN: '' });
    assert.equal(noToken.code, 1);
    assert.match(noToken.stdout, /^::error::kinesis-lint: no token/m);
    rmSync(join(dir, 'report.md'));
    const noReport = await run();
    assert.equal(noReport.code, 1);
    assert.match(noReport.stdout, /^::error::kinesis-lint: ENOENT: no such file or directory/m);
    assert.equal(noReport.stderr, '');
    assert.equal(seen.length, 0);
  });

  it('a report without the marker gets it first, so the next run finds the comment', async () => {
    writeFileSync(join(dir, 'report.md'), 'no marker here\n');
    handler = (r) => (r.method === 'GET' ? { status: 200, json: [] } : { status: 201, json: { id: 1 } });
    await run();
    assert.deepEqual(seen[1].body, { body: `${MARKER}\nno marker here\n` });
  });
});
