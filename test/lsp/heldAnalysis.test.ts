// Issue #10, defect 1: while a stream block is half-typed, every surface (squiggles, hover, code lens, inlay
// hints, status bar summary, cost report) keeps the figures of the last clean analysis, and the hover says so.
import { strict as assert } from 'node:assert';
import type { CodeAction, CodeLens, Diagnostic, Hover, InlayHint } from 'vscode-languageserver';
import { PRICED_STREAM, startClient, waitUntil, type Client } from './harness';
import type { CostSummary } from '../../client/src/protocol';

const STREAM = PRICED_STREAM;
// The user starts typing a new argument under `name`: the file no longer parses.
const HALF_TYPED = STREAM.replace('  name             = "s"\n', '  name             = "s"\n  encryption_type = \n');
const FINISHED = STREAM.replace('  name             = "s"\n', '  name             = "s"\n  encryption_type = "KMS"\n  kms_key_id = "alias/k"\n');

describe('language server: the last clean analysis held while a stream is half-typed', function () {
  this.timeout(60000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  const lenses = async () =>
    ((await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: client.uri('main.tf') } })) as CodeLens[])
      .map((l) => [l.range.start.line, l.command!.title]);
  const hints = async () =>
    ((await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: client.uri('main.tf') },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as InlayHint[]).map((h) => [h.position.line, h.position.character, h.label]);
  const hover = async () => {
    const h = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: client.uri('main.tf') }, position: { line: 1, character: 3 } })) as Hover;
    return (h.contents as { value: string }).value;
  };
  const summaries = () => client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').map((n) => n.params as CostSummary);
  const codes = (d: Diagnostic[]) => d.map((x) => `${x.code}@${x.range.start.line}`);

  it('keeps lens, hints, hover, status total and report figures, marked in the hover, and moves them with the text', async () => {
    client = await startClient({ 'main.tf': STREAM });
    await client.open('main.tf');
    const clean = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    assert.ok(!clean.some((x) => x.code === 'syntax-error'));
    const cleanLenses = await lenses();
    // One lens per stream (the file total is off by default).
    assert.deepEqual(cleanLenses, [[1, '≈ $29.23/mo · 1 shard · 10 % peak records']]);
    assert.deepEqual(await hints(), [[3, 22, '≈ $10.95/mo'], [4, 23, '+ $14.60/mo']]);
    const cleanHover = await hover();
    assert.ok(!cleanHover.includes('last valid version'));
    const cleanSummary = summaries().pop()!;
    assert.equal(cleanSummary.monthlyCostText, '≈ $29.23/mo');
    assert.equal(cleanSummary.heldStreams, 0);

    await client.change('main.tf', HALF_TYPED);
    const broken = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'syntax-error'));
    // The findings of the clean analysis stay beside the syntax error: on the header (unmoved), and on
    // retention_period one line lower, where it now is.
    assert.deepEqual(codes(clean), ['missing-kms@1', 'extended-retention-cost@4']);
    assert.deepEqual(codes(broken).filter((c) => !c.startsWith('syntax-error')), ['missing-kms@1', 'extended-retention-cost@5']);
    // A held finding offers no edit computed on the old text: neither its fix nor "Ignore" (its documentation stays).
    const held = broken.find((d) => d.code === 'extended-retention-cost')!;
    const actions = (await client.rpc.sendRequest('textDocument/codeAction', {
      textDocument: { uri: client.uri('main.tf') }, range: held.range, context: { diagnostics: [held], only: ['quickfix'] },
    })) as CodeAction[];
    assert.deepEqual(actions.map((a) => a.title), ['Show documentation for extended-retention-cost']);
    // Same figures; hints one line lower, where shard_count and retention_period now are.
    assert.deepEqual(await lenses(), cleanLenses);
    assert.deepEqual(await hints(), [[4, 22, '≈ $10.95/mo'], [5, 23, '+ $14.60/mo']]);
    const heldHover = await hover();
    assert.ok(heldHover.startsWith(cleanHover.split('\n')[0]), heldHover.slice(0, 200));
    assert.ok(heldHover.includes('*Figures from the last valid version of this file: they update when it parses again.*'), heldHover);
    assert.ok(!/\? shards|unknown/.test(heldHover.split('**Assumptions**')[0]), heldHover);
    const heldSummary = summaries().pop()!;
    assert.equal(heldSummary.monthlyCostText, cleanSummary.monthlyCostText);
    assert.deepEqual(heldSummary.monthlyCost, cleanSummary.monthlyCost);
    assert.equal(heldSummary.heldStreams, 1);
    const report = (await client.rpc.sendRequest('kinesisLint/costReport', {})) as { markdown: string };
    assert.ok(report.markdown.startsWith('# kinesis-lint: ≈ $29.23/month for 1 stream'), report.markdown.slice(0, 100));
    assert.ok(report.markdown.includes('from the last valid version of this file'));

    // Typed to the end: fresh figures again, the held finding and the marker gone.
    await client.change('main.tf', FINISHED);
    const fixed = await client.waitFor('main.tf', (d) => !d.some((x) => x.code === 'syntax-error'));
    assert.deepEqual(codes(fixed), ['extended-retention-cost@6']);
    assert.ok(!(await hover()).includes('last valid version'));
    assert.equal(summaries().pop()!.heldStreams, 0);
  });

  it('holds a stream whose module has a syntax error in another file, and says which file', async () => {
    client = await startClient({ 'main.tf': STREAM.replace('shard_count      = 1', 'shard_count      = var.n'), 'variables.tf': 'variable "n" {\n  default = 1\n}\n' });
    await client.open('main.tf');
    await client.open('variables.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    const cleanLenses = await lenses();
    assert.deepEqual(cleanLenses, [[1, '≈ $29.23/mo · 1 shard · 10 % peak records']]);
    await client.change('variables.tf', 'variable "n" {\n  default = \n}\n');
    await client.waitFor('variables.tf', (d) => d.some((x) => x.code === 'syntax-error'));
    assert.deepEqual(await lenses(), cleanLenses);
    assert.ok((await hover()).includes('*Figures from the last valid version of its module (variables.tf has a syntax error): they update when it parses again.*'));
  });

  it('without a clean analysis to hold (broken from the start): known parts as a lower bound, unknown lines by unit price', async () => {
    client = await startClient({ 'main.tf': HALF_TYPED });
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'syntax-error'));
    // The broken block gives no values: only the PUT units of the declared load are known.
    assert.deepEqual(await lenses(), [[1, '≈ $3.68/mo + usage']]);
    // Unit prices say their unit (they read "≈ $0.015/shard-hours/mo").
    assert.deepEqual(await hints(), [[4, 22, '$0.015 per shard-hour'], [5, 23, '+ $0.02 per shard-hour + $0.023 per GB-month']]);
    assert.ok(!(await hover()).includes('last valid version'));
  });

  // Issue #11 changed this: a lens no longer waits for the edit's analysis (that made its latency the analysis's);
  // it answers at once from the last analysis and the refresh sent when the edit's analysis lands brings the new one.
  it('a lens asked right after an edit answers at once from the last analysis; the refresh after the edit\'s analysis brings its figures', async () => {
    // A debounce long enough that the lens is surely asked before the analysis starts.
    client = await startClient({ 'main.tf': STREAM }, { debounceMs: 1000 }, {}, { codeLens: { refreshSupport: true } });
    let refreshes = 0;
    client.rpc.onRequest('workspace/codeLens/refresh', () => {
      refreshes++;
      return null;
    });
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    // The first analysis has ended (its refresh sent before its cost summary).
    await waitUntil(() => summaries().length > 0);
    const before = refreshes;
    await client.change('main.tf', STREAM.replace('shard_count      = 1', 'shard_count      = 2'));
    // Asked before the debounced analysis ran: the last analysis's figures.
    assert.deepEqual(await lenses(), [[1, '≈ $29.23/mo · 1 shard · 10 % peak records']]);
    await waitUntil(() => refreshes > before);
    assert.deepEqual(await lenses(), [[1, '≈ $54.78/mo · 2 shards · 5 % peak records']]);
  });
});

describe('language server: busy until the workspace pass is done', function () {
  this.timeout(60000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('never sends one module\'s total as the workspace total', async () => {
    const stream = (name: string) => STREAM.replace('"s"', `"${name}"`).replace('"s"', `"${name}"`);
    client = await startClient({ 'a/main.tf': stream('a'), 'b/main.tf': stream('b'), 'c/main.tf': stream('c') });
    // Opened at once, as an editor restores its tabs: its module may be analysed before the others.
    await client.open('a/main.tf');
    await client.waitFor('a/main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    const deadline = Date.now() + 30000;
    while (!summaries().some((s) => s.streams === 3 && !s.busy) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const sent = summaries();
    assert.ok(sent.length > 0);
    // Every summary that is not busy is the whole workspace's.
    for (const s of sent.filter((x) => !x.busy)) assert.equal(s.streams, 3, JSON.stringify(sent));
    assert.equal(sent[sent.length - 1].busy, false);
    assert.equal(sent[sent.length - 1].monthlyCostText, '≈ $87.69/mo');
  });

  function summaries() {
    return client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').map((n) => n.params as CostSummary);
  }
});
