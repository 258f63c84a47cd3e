// kinesisLint.compareTo (issue #12 item 2): each stream's hover and code lens, and the status bar's total, say the
// change against the committed version. Temporary git repositories are built with the git command
// (test/node/git/gitFixture.ts); the server reads them with its in-process reader, never running git.
//
// Money by hand from server/src/core/pricing/prices.json (us-east-1 provisioned, 730 h a month):
//   shard-hour $0.015 → $10.95 per shard; extended retention (48 h) $0.02 per shard-hour → $14.60 per shard;
//   PUT units: 100 records/s of 1 KiB = 1 unit each → 262.8 M units × $0.014 per million = $3.6792 (shard-independent).
//   PRICED_STREAM (1 shard, 48 h): 10.95 + 14.60 + 3.6792 = $29.2292; with 2 shards: 21.90 + 29.20 + 3.6792 = $54.7792
//   → delta +$25.55 (one more shard-hour line and one more retention line: 10.95 + 14.60).
import { strict as assert } from 'assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeLens, Hover } from 'vscode-languageserver';
import { PRICED_STREAM, startClient, waitUntil, type Client } from './harness';
import { git } from '../node/git/gitFixture';
import type { CostSummaryPayload } from '../../server/src/lsp/render/summary';

const TWO_SHARDS = PRICED_STREAM.replace('shard_count      = 1', 'shard_count      = 2');
/** A second stream that no edit touches: 1 shard, 24 h, no load declared. */
const OTHER = ['resource "aws_kinesis_stream" "other" {', '  name        = "other"', '  shard_count = 1', '}', ''].join('\n');
/** A stream added in the buffer: 1 shard, 24 h, the same load: 10.95 + 3.6792 = $14.6292 → "+$14.63/mo". */
const ADDED = ['# kinesis-lint: records_per_sec=100 avg_record_kib=1', 'resource "aws_kinesis_stream" "added" {', '  name        = "added"', '  shard_count = 1', '}', ''].join('\n');

function commitAll(dir: string, message = 'base'): void {
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', message);
}
const init = (dir: string) => {
  git(dir, 'init', '-q', '-b', 'main');
  commitAll(dir);
};

function summaries(client: Client): CostSummaryPayload[] {
  return client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').map((n) => n.params as CostSummaryPayload);
}
const lastSummary = (client: Client) => summaries(client).at(-1);
/** Every glob the server asked the client to watch, as JSON. */
function watchedPatterns(client: Client): string[] {
  return client.registrations.flatMap((r) => ((r.registerOptions as { watchers?: { globPattern: unknown }[] })?.watchers ?? []).map((w) => JSON.stringify(w.globPattern)));
}
function baseAnalyses(client: Client): number {
  return client.notifications.filter((n) => n.method === 'window/logMessage' && /^analysed \S+ at /.test((n.params as { message: string }).message)).length;
}
async function hoverText(client: Client, rel: string, line: number, character: number): Promise<string> {
  const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri(rel) }, position: { line, character } })) as Hover | null;
  return h ? (h.contents as { value: string }).value : '';
}
async function lensTitles(client: Client, rel: string): Promise<string[]> {
  const lenses = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri(rel) } })) as CodeLens[];
  return lenses.map((l) => `${l.range.start.line}: ${l.command?.title}`);
}
/** Waits for a summary that says something about the comparison (a delta or a reason), after `since` summaries. */
async function summaryWith(client: Client, ok: (s: CostSummaryPayload) => boolean, since = 0): Promise<CostSummaryPayload> {
  await waitUntil(() => summaries(client).slice(since).some((s) => !s.busy && ok(s)));
  return summaries(client).slice(since).filter((s) => !s.busy && ok(s)).at(-1)!;
}

describe('lsp: cost delta against kinesisLint.compareTo', function () {
  this.timeout(60000);
  let client: Client | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
  const start = (files: Record<string, string>, settings: Record<string, unknown> = {}, prepare: ((dir: string) => void) | undefined = init, initOptions: Record<string, unknown> = {}) =>
    startClient(files, { debounceMs: 0, ...settings }, { priceCacheFile: null }, {}, initOptions, prepare);

  it('an edit of shard_count: the hover and the lens say "+$25.55/mo vs HEAD (1 → 2 shards)"; an unchanged stream says nothing', async () => {
    client = await start({ 'main.tf': PRICED_STREAM + OTHER });
    await summaryWith(client, (s) => s.delta !== undefined);
    await client.open('main.tf');
    await client.change('main.tf', TWO_SHARDS + OTHER);
    const seen = summaries(client).length;
    const summary = await summaryWith(client, (s) => s.delta?.text === '+$25.55 vs HEAD', seen - 1);
    assert.deepEqual(summary.delta?.changes, ['aws_kinesis_stream.s: +$25.55/mo (1 → 2 shards)']);
    assert.equal(summary.deltaNote, '');
    // Line 3 is `  shard_count      = 2`; the hover's first paragraph is the delta.
    const hover = await hoverText(client, 'main.tf', 3, 4);
    assert.equal(hover.split('\n\n')[0], '**+$25.55/mo vs HEAD** (1 → 2 shards)');
    const lenses = await lensTitles(client, 'main.tf');
    assert.equal(lenses.length, 2);
    assert.match(lenses[0], /^1: ≈ \$54\.78\/mo · 2 shards.* · \+\$25\.55\/mo vs HEAD$/);
    // The other stream (header on line 6) is as committed: no delta anywhere.
    assert.doesNotMatch(lenses[1], /vs HEAD/);
    assert.match(lenses[1], /^6: /);
    assert.doesNotMatch(await hoverText(client, 'main.tf', 6, 2), /HEAD/);
  });

  it('a stream added in the buffer is "new since HEAD"; one deleted counts in the workspace delta', async () => {
    client = await start({ 'main.tf': PRICED_STREAM + OTHER });
    await summaryWith(client, (s) => s.delta !== undefined);
    await client.open('main.tf');
    // `other` (lower bound: no load) removed, `added` (+$14.6292) new: the removed one's cost is not exact → unknown.
    await client.change('main.tf', PRICED_STREAM + ADDED);
    const seen = summaries(client).length;
    const summary = await summaryWith(client, (s) => (s.delta?.changes.length ?? 0) === 2, seen - 1);
    assert.deepEqual(summary.delta?.changes, [
      'aws_kinesis_stream.added: new since HEAD, +$14.63/mo',
      'aws_kinesis_stream.other: removed since HEAD, unknown (its cost at HEAD is not known exactly)',
    ]);
    assert.equal(summary.delta?.text, 'cost change vs HEAD unknown');
    assert.equal((await hoverText(client, 'main.tf', 7, 2)).split('\n\n')[0], '**new since HEAD** (+$14.63/mo)');
    assert.match((await lensTitles(client, 'main.tf'))[1], /^7: .* · new since HEAD$/);
  });

  it('a removed stream with an exact cost: the workspace delta subtracts it', async () => {
    client = await start({ 'main.tf': PRICED_STREAM + ADDED.replace(/"added"/g, '"gone"') });
    await summaryWith(client, (s) => s.delta !== undefined);
    await client.open('main.tf');
    await client.change('main.tf', PRICED_STREAM);
    const seen = summaries(client).length;
    // gone: 1 shard (10.95) + PUT units (3.6792) = 14.6292 → -$14.63.
    const summary = await summaryWith(client, (s) => (s.delta?.changes.length ?? 0) === 1, seen - 1);
    assert.equal(summary.delta?.text, '-$14.63 vs HEAD');
    assert.deepEqual(summary.delta?.changes, ['aws_kinesis_stream.gone: removed since HEAD, -$14.63/mo']);
  });

  it('an unknown shard count: "cost change vs HEAD unknown: shard_count not resolved", never $0', async () => {
    client = await start({ 'main.tf': PRICED_STREAM });
    await summaryWith(client, (s) => s.delta !== undefined);
    await client.open('main.tf');
    await client.change('main.tf', PRICED_STREAM.replace('shard_count      = 1', 'shard_count      = var.n') + 'variable "n" {}\n');
    const seen = summaries(client).length;
    const summary = await summaryWith(client, (s) => s.delta?.monthlyDelta === null, seen - 1);
    assert.equal(summary.delta?.text, 'cost change vs HEAD unknown');
    assert.equal((await hoverText(client, 'main.tf', 1, 2)).split('\n\n')[0], 'cost change vs HEAD unknown: shard_count not resolved (1 → ? shards)');
    assert.match((await lensTitles(client, 'main.tf'))[0], / · cost change vs HEAD unknown$/);
  });

  it('a lower bound now against an exact cost at HEAD: "at least +$72.97/mo vs HEAD"', async () => {
    client = await start({ 'main.tf': PRICED_STREAM });
    await summaryWith(client, (s) => s.delta !== undefined);
    await client.open('main.tf');
    // Without the load the PUT units are unknown: 4 shards × (10.95 + 14.60) = at least $102.20; minus $29.2292.
    await client.change('main.tf', TWO_SHARDS.replace('shard_count      = 2', 'shard_count      = 4').replace(/^# kinesis-lint:.*\n/, '#\n'));
    const seen = summaries(client).length;
    const summary = await summaryWith(client, (s) => typeof s.delta?.monthlyDelta === 'object' && s.delta?.monthlyDelta !== null, seen - 1);
    assert.equal(summary.delta?.text, 'at least +$72.97 vs HEAD');
    assert.equal((await hoverText(client, 'main.tf', 3, 4)).split('\n\n')[0], '**at least +$72.97/mo vs HEAD** (1 → 4 shards)');
    assert.match((await lensTitles(client, 'main.tf'))[0], / · at least \+\$72\.97\/mo vs HEAD$/);
  });

  it('compareTo "off": no delta, no reason, no base analysis', async () => {
    client = await start({ 'main.tf': PRICED_STREAM }, { compareTo: 'off' });
    await client.open('main.tf');
    await client.change('main.tf', TWO_SHARDS);
    await client.waitFor('main.tf', () => true);
    await waitUntil(() => lastSummary(client!)?.busy === false && /54\.78/.test(lastSummary(client!)?.monthlyCostText ?? ''));
    assert.equal(lastSummary(client)?.delta, undefined);
    assert.equal(lastSummary(client)?.deltaNote, '');
    assert.doesNotMatch(await hoverText(client, 'main.tf', 3, 4), /HEAD/);
    assert.equal(baseAnalyses(client), 0);
  });

  it('not a git repository, or no commit yet: no delta, a one-line reason', async () => {
    client = await start({ 'main.tf': PRICED_STREAM }, {}, () => undefined);
    let summary = await summaryWith(client, (s) => s.deltaNote !== '');
    assert.equal(summary.deltaNote, `no cost delta vs HEAD: ${client.dir} is not inside a git repository (no .git found above it)`);
    assert.equal(summary.delta, undefined);
    await client.close();
    client = await start({ 'main.tf': PRICED_STREAM }, {}, (dir) => git(dir, 'init', '-q', '-b', 'main'));
    summary = await summaryWith(client, (s) => s.deltaNote !== '');
    assert.equal(summary.deltaNote, "no cost delta vs HEAD: 'HEAD': this repository has no commits yet (branch main is unborn)");
    assert.equal(summary.delta, undefined);
    assert.doesNotMatch(await hoverText(client, 'main.tf', 3, 4), /vs HEAD/);
  });

  it('a base the repository cannot give whole (HEAD\'s main.tf a corrupt loose object): no delta, not "new since HEAD", the reason', async () => {
    let blob = '';
    client = await start({ 'main.tf': PRICED_STREAM }, {}, (dir) => {
      init(dir);
      blob = git(dir, 'rev-parse', 'HEAD:main.tf').trim();
      const object = path.join(dir, '.git', 'objects', blob.slice(0, 2), blob.slice(2));
      fs.chmodSync(object, 0o644); // git writes loose objects read-only
      fs.writeFileSync(object, 'not a zlib stream');
    });
    const head = git(client.dir, 'rev-parse', '--short=7', 'HEAD').trim();
    const summary = await summaryWith(client, (s) => s.deltaNote !== '');
    assert.equal(summary.deltaNote, `no cost delta vs HEAD: the repository could not give HEAD (${head}) whole: cannot read main.tf at the base: object ${blob} is corrupt (it does not inflate); \`git fsck\` tells more`);
    assert.equal(summary.delta, undefined);
    await client.open('main.tf');
    await client.change('main.tf', TWO_SHARDS);
    const seen = summaries(client).length;
    await waitUntil(() => summaries(client!).slice(seen).some((s) => !s.busy && /54\.78/.test(s.monthlyCostText ?? '')));
    const after = summaries(client).slice(seen).filter((s) => !s.busy).at(-1)!;
    assert.equal(after.delta, undefined);
    assert.equal(after.deltaNote, summary.deltaNote);
    assert.doesNotMatch(await hoverText(client, 'main.tf', 3, 4), /HEAD/);
    const lenses = await lensTitles(client, 'main.tf');
    assert.equal(lenses.length, 1);
    assert.ok(lenses.every((l) => !/HEAD/.test(l)), lenses.join('\n'));
    // The damaged base is not read again on every keystroke: one attempt for this commit.
    assert.equal(client.notifications.filter((n) => n.method === 'window/logMessage' && /^base of .* dropped: /.test((n.params as { message: string }).message)).length, 1);
  });

  it('a commit made after startup: HEAD moves, the delta is recomputed after the watched-file notification', async () => {
    client = await start({ 'main.tf': PRICED_STREAM });
    await summaryWith(client, (s) => s.delta !== undefined);
    // The server watches the repository's HEAD, refs and packed-refs, by the git directory's path.
    const gitDir = JSON.stringify(client.uri('.git'));
    await waitUntil(() => watchedPatterns(client!).includes(`{"baseUri":${gitDir},"pattern":"refs/**"}`));
    assert.deepEqual(watchedPatterns(client).filter((w) => w.startsWith(`{"baseUri":${gitDir}`)).sort(), ['HEAD', 'packed-refs', 'refs/**'].map((p) => `{"baseUri":${gitDir},"pattern":"${p}"}`));
    fs.writeFileSync(path.join(client.dir, 'main.tf'), TWO_SHARDS);
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('main.tf'), type: 2 }] });
    let seen = summaries(client).length;
    await summaryWith(client, (s) => s.delta?.text === '+$25.55 vs HEAD', seen);
    assert.equal(baseAnalyses(client), 1);
    commitAll(client.dir, 'two shards');
    seen = summaries(client).length;
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.git/refs/heads/main'), type: 2 }] });
    const summary = await summaryWith(client, (s) => s.delta !== undefined && s.delta.changes.length === 0, seen);
    assert.equal(summary.delta?.text, 'no change vs HEAD');
    assert.equal(baseAnalyses(client), 2);
    assert.doesNotMatch(await hoverText(client, 'main.tf', 3, 4), /vs HEAD/);
  });

  it('a folder that becomes a repository after startup: its first commit is noticed through the watched .git/HEAD', async () => {
    client = await start({ 'main.tf': PRICED_STREAM }, {}, () => undefined);
    await summaryWith(client, (s) => s.deltaNote !== '');
    await waitUntil(() => watchedPatterns(client!).includes(`{"baseUri":${JSON.stringify(client!.uri(''))},"pattern":".git/HEAD"}`));
    init(client.dir);
    await client.open('main.tf');
    await client.change('main.tf', TWO_SHARDS);
    const seen = summaries(client).length;
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.git/HEAD'), type: 1 }] });
    // The base lands, and the live analysis of the edit (either first): then the delta of the edit.
    const summary = await summaryWith(client, (s) => s.delta?.text === '+$25.55 vs HEAD', seen);
    assert.deepEqual(summary.delta?.changes, ['aws_kinesis_stream.s: +$25.55/mo (1 → 2 shards)']);
    assert.equal(summary.deltaNote, '');
  });

  it('any revision: compareTo changed to HEAD~1 drops the HEAD base and compares with the commit before', async () => {
    const settings: Record<string, unknown> = { debounceMs: 0 };
    client = await startClient({ 'main.tf': PRICED_STREAM }, settings, { priceCacheFile: null }, {}, {}, (dir) => {
      init(dir);
      fs.writeFileSync(path.join(dir, 'main.tf'), TWO_SHARDS);
      commitAll(dir, 'two shards');
    });
    // The working tree is HEAD: nothing changed.
    assert.equal((await summaryWith(client, (s) => s.delta !== undefined)).delta?.text, 'no change vs HEAD');
    settings.compareTo = 'HEAD~1';
    const seen = summaries(client).length;
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const summary = await summaryWith(client, (s) => s.delta?.against === 'HEAD~1', seen);
    assert.equal(summary.delta?.text, '+$25.55 vs HEAD~1');
    assert.deepEqual(summary.delta?.changes, ['aws_kinesis_stream.s: +$25.55/mo (1 → 2 shards)']);
    assert.equal((await hoverText(client, 'main.tf', 3, 4)).split('\n\n')[0], '**+$25.55/mo vs HEAD~1** (1 → 2 shards)');
    // An unknown revision: off, with the reader's sentence.
    settings.compareTo = 'mian';
    const again = summaries(client).length;
    await client.rpc.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const off = await summaryWith(client, (s) => s.deltaNote !== '', again);
    assert.match(off.deltaNote, /^no cost delta vs mian: unknown revision 'mian'/);
    assert.equal(off.delta, undefined);
  });

  it('keystrokes do not analyse the base again (counted, not timed)', async () => {
    client = await start({ 'main.tf': PRICED_STREAM });
    await summaryWith(client, (s) => s.delta !== undefined);
    assert.equal(baseAnalyses(client), 1);
    await client.open('main.tf');
    for (const n of [2, 3, 4, 2]) {
      const seen = summaries(client).length;
      await client.change('main.tf', PRICED_STREAM.replace('shard_count      = 1', `shard_count      = ${n}`));
      await summaryWith(client, (s) => s.delta?.changes[0]?.includes(`(1 → ${n} shards)`) === true, seen);
    }
    assert.equal(baseAnalyses(client), 1);
  });

  it('an untrusted workspace: a repository inside the folder is compared; a git directory outside turns the delta off', async () => {
    client = await start({ 'main.tf': PRICED_STREAM }, {}, init, { trusted: false });
    await client.open('main.tf');
    await client.change('main.tf', TWO_SHARDS);
    await summaryWith(client, (s) => s.delta?.text === '+$25.55 vs HEAD');
    await client.close();
    // A linked worktree: its .git is a file pointing into the main repository's git directory, outside the folder.
    const main = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-main-'));
    fs.writeFileSync(path.join(main, 'main.tf'), PRICED_STREAM);
    git(main, 'init', '-q', '-b', 'main');
    commitAll(main);
    client = await start({}, {}, (dir) => {
      fs.rmSync(dir, { recursive: true });
      git(main, 'worktree', 'add', '-q', dir);
    }, { trusted: false });
    const summary = await summaryWith(client, (s) => s.deltaNote !== '');
    const gitDir = path.join(main, '.git', 'worktrees', path.basename(client.dir));
    assert.equal(summary.deltaNote, `no cost delta vs HEAD: the git directory ${gitDir} is not read: it is outside the workspace folders in an untrusted workspace`);
    assert.equal(summary.delta, undefined);
    fs.rmSync(main, { recursive: true, force: true });
  });
});
