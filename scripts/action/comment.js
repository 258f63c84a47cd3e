#!/usr/bin/env node
// Posts the `kinesis-lint diff --format markdown` report as ONE pull-request comment, updated in place on every
// run: finds our earlier comment by its marker (GET /repos/{owner}/{repo}/issues/{n}/comments, every page by the
// Link header), then PATCHes it, or POSTs a new one (docs.github.com/rest/issues/comments).
//
// Usage: node comment.js REPORT.md
// Environment (set by GitHub Actions; the action passes the token): GITHUB_EVENT_PATH, GITHUB_EVENT_NAME,
// GITHUB_REPOSITORY, GITHUB_API_URL (default https://api.github.com), GITHUB_TOKEN; KINESIS_LINT_COMMENT_AUTHOR:
// only a comment by this login is updated (default github-actions[bot], the login of GITHUB_TOKEN; empty: any).
// Exit 0 when posted, or skipped with a notice (not a pull request) or a warning (403: a fork's read-only token);
// exit 1 with an ::error:: when GitHub keeps failing or the input is unusable.
'use strict';
const { readFileSync } = require('fs');

const MARKER = '<!-- kinesis-lint diff -->';
// GitHub refuses comment bodies over 65,536 characters.
const MAX_BODY = 65536;
const ATTEMPTS = 3;

class HttpError extends Error {
  constructor(method, url, status, text) {
    super(`${method} ${url} failed: HTTP ${status}${text ? `: ${text.slice(0, 300)}` : ''}`);
    this.status = status;
  }
}

// Workflow commands escaped as in server/src/cli/format/workflowCommands.ts (escapeData).
const command = (level, message) =>
  process.stdout.write(`::${level}::${String(message).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);

async function main(env = process.env, argv = process.argv.slice(2)) {
  if (argv.length !== 1) return fail('usage: node comment.js REPORT.md');
  const event = env.GITHUB_EVENT_PATH ? JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) : {};
  const number = event.pull_request?.number;
  if (!Number.isInteger(number)) {
    command('notice', `kinesis-lint: not a pull request (${env.GITHUB_EVENT_NAME || 'unknown event'}): no comment posted`);
    return 0;
  }
  if (!env.GITHUB_TOKEN) return fail('no token: set the github-token input');
  if (!/^[^/\s]+\/[^/\s]+$/.test(env.GITHUB_REPOSITORY || '')) return fail(`GITHUB_REPOSITORY is '${env.GITHUB_REPOSITORY || ''}', expected owner/name`);
  const api = (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, '');
  const author = env.KINESIS_LINT_COMMENT_AUTHOR ?? 'github-actions[bot]';
  const body = commentBody(readFileSync(argv[0], 'utf8'));
  const client = new Client(api, env.GITHUB_TOKEN, Number(env.KINESIS_LINT_RETRY_DELAY_MS ?? 1000));
  const issue = `${api}/repos/${env.GITHUB_REPOSITORY}/issues`;
  try {
    const existing = await findComment(client, `${issue}/${number}/comments?per_page=100`, author);
    if (existing) {
      await client.request('PATCH', `${issue}/comments/${existing.id}`, { body });
      process.stdout.write(`kinesis-lint: updated ${existing.html_url || `comment ${existing.id}`}\n`);
    } else {
      const created = await client.request('POST', `${issue}/${number}/comments`, { body });
      process.stdout.write(`kinesis-lint: commented ${created?.html_url || `on #${number}`}\n`);
    }
    return 0;
  } catch (error) {
    // A pull request from a fork gets a read-only token: the comment cannot be posted, which is no reason to fail.
    if (error instanceof HttpError && error.status === 403) {
      command('warning', `kinesis-lint: cannot comment on #${number} (HTTP 403: the token may not write here, e.g. a pull request from a fork); the report is in the job log`);
      return 0;
    }
    return fail(error.message);
  }
}

/** The marker first, so the next run finds the comment; a report too long for GitHub is cut with a note. */
function commentBody(markdown) {
  const text = markdown.includes(MARKER) ? markdown : `${MARKER}\n${markdown}`;
  if (text.length <= MAX_BODY) return text;
  const note = '\n\n…(cut: the report is longer than a GitHub comment allows; the full report is in the job log)\n';
  return text.slice(0, MAX_BODY - note.length) + note;
}

/** The first comment with the marker (by `author` when given), following rel="next" links on the same API host. */
async function findComment(client, firstPage, author) {
  for (let url = firstPage; url; ) {
    const { json, link } = await client.page(url);
    const found = json.find((c) => typeof c.body === 'string' && c.body.includes(MARKER) && (!author || c.user?.login === author));
    if (found) return found;
    url = nextLink(link, client.api);
  }
  return undefined;
}

/** RFC 8288 Link header's rel="next" target; only on the API's own origin, so the token is never sent elsewhere. */
function nextLink(header, api) {
  for (const part of (header || '').split(',')) {
    const m = /<([^>]*)>\s*;(.*)/.exec(part.trim());
    const rel = /\brel\s*=\s*"?([^";]*)"?/.exec(m?.[2] ?? '');
    if (m && rel && rel[1].trim().split(/\s+/).includes('next')) return new URL(m[1]).origin === new URL(api).origin ? m[1] : undefined;
  }
  return undefined;
}

class Client {
  constructor(api, token, retryDelayMs) {
    this.api = api;
    this.token = token;
    this.retryDelayMs = retryDelayMs;
  }

  async page(url) {
    const response = await this.send('GET', url);
    return { json: await response.json(), link: response.headers.get('link') };
  }

  async request(method, url, payload) {
    const response = await this.send(method, url, payload);
    return response.status === 204 ? undefined : response.json();
  }

  /** Retries server errors (5xx) and network failures with a growing delay; any other non-2xx fails at once. */
  async send(method, url, payload) {
    let last;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(url, {
          method,
          headers: {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.token}`,
            'User-Agent': 'kinesis-lint-action',
            'X-GitHub-Api-Version': '2022-11-28',
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
          },
          ...(payload ? { body: JSON.stringify(payload) } : {}),
        });
        if (response.ok) return response;
        const error = new HttpError(method, url, response.status, await response.text());
        if (response.status < 500) throw error;
        last = error;
      } catch (error) {
        if (error instanceof HttpError && error.status < 500) throw error;
        last = error instanceof HttpError ? error : new Error(`${method} ${url} failed: ${error.cause?.message || error.message}`);
      }
      if (attempt < ATTEMPTS) await new Promise((r) => setTimeout(r, this.retryDelayMs * attempt));
    }
    throw new Error(`${last.message} (after ${ATTEMPTS} attempts)`);
  }
}

function fail(message) {
  command('error', `kinesis-lint: ${message}`);
  return 1;
}

if (require.main === module) {
  // An unreadable event or report file: a clear message, not a stack trace.
  main().catch((error) => fail(error.message)).then((code) => { process.exitCode = code; });
}

module.exports = { main, nextLink, MARKER };
