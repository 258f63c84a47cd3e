// Issue #11 item 1: hover, code lens and inlay hints never wait for an analysis. Asked while the analysis of an edit
// is blocked (a parser that holds the edited text until the test lets it go), they are answered from the last
// analysis with every position moved onto the current text; the refresh sent when the analysis lands brings the
// new figures. Diagnostics of a file whose findings and version did not change are not sent again.
import { strict as assert } from 'node:assert';
import type { CodeLens, Hover, InlayHint } from 'vscode-languageserver';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
import type { HclParseResult } from '../../server/src/core/syntax/hcl2json/types';
import { PRICED_STREAM, startClient, waitUntil, type Client } from './harness';

const STREAM = PRICED_STREAM;
/** A block typed above the stream (its parse is what the test holds): every position of the stream moves down by 3. */
const EDITED = `locals {\n  x = 1\n}\n${STREAM}`;

/** Parses as hcl2json does, except that a text holding `marker` waits until `release()` while `held` is set. */
class GatedParser extends HclParser {
  held = false;
  entered = 0;
  private opened: (() => void) | undefined;
  private gate: Promise<void> | undefined;
  constructor(private readonly marker: string) {
    super();
  }
  hold(): void {
    this.held = true;
    this.gate = new Promise((resolve) => (this.opened = resolve));
  }
  release(): void {
    this.held = false;
    this.opened?.();
  }
  async parse(text: string): Promise<HclParseResult> {
    if (this.gate && text.includes(this.marker)) {
      this.entered++;
      await this.gate;
    }
    return super.parse(text);
  }
}

describe('language server: requests answered while an analysis runs (issue #11)', function () {
  this.timeout(60000);
  let client: Client;
  let parser: GatedParser;
  afterEach(async () => {
    parser?.release();
    if (client) await client.close();
  });

  const uri = () => client.uri('main.tf');

  it('hover, code lens and inlay hints asked while the edit\'s analysis is blocked: answered from the last analysis, at the current positions; then refreshed', async () => {
    parser = new GatedParser('x = 1');
    client = await startClient({ 'main.tf': STREAM }, { debounceMs: 0 }, { parser }, {
      codeLens: { refreshSupport: true },
      inlayHint: { refreshSupport: true },
    });
    const refreshes = { codeLens: 0, inlayHint: 0 };
    client.rpc.onRequest('workspace/codeLens/refresh', () => (refreshes.codeLens++, null));
    client.rpc.onRequest('workspace/inlayHint/refresh', () => (refreshes.inlayHint++, null));
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    // The first analysis has ended (its refreshes sent before its cost summary).
    await waitUntil(() => client.notifications.some((n) => n.method === 'kinesisLint/costSummary'));

    parser.hold();
    await client.change('main.tf', EDITED);
    // The analysis of the edit has started and is stuck in the parse of the edited text.
    await waitUntil(() => parser.entered > 0);
    const before = { ...refreshes };

    const lenses = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: uri() } })) as CodeLens[];
    const hints = (await client.rpc.sendRequest('textDocument/inlayHint', {
      textDocument: { uri: uri() },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    })) as InlayHint[];
    // On the header as it is now (line 4), not where it was (line 1).
    const hover = (await client.rpc.sendRequest('textDocument/hover', { textDocument: { uri: uri() }, position: { line: 4, character: 3 } })) as Hover | null;
    // All three answered while the analysis is still held: they did not wait for it.
    assert.equal(parser.held, true);
    assert.deepEqual(refreshes, before);

    // The last analysis's figures, at the positions of the current text.
    assert.deepEqual(lenses.map((l) => [l.range, l.command!.title]), [
      [{ start: { line: 4, character: 0 }, end: { line: 4, character: 33 } }, '≈ $29.23/mo · 1 shard · 10 % peak records'],
    ]);
    assert.deepEqual(hints.map((h) => [h.position, h.label]), [
      [{ line: 6, character: 22 }, '≈ $10.95/mo'],
      [{ line: 7, character: 23 }, '+ $14.60/mo'],
    ]);
    assert.ok(hover, 'a hover on the moved header');
    assert.match((hover.contents as { value: string }).value, /aws_kinesis_stream\.s/);

    parser.release();
    await waitUntil(() => refreshes.codeLens > before.codeLens && refreshes.inlayHint > before.inlayHint);
    // The edit's own analysis: the same lens where it is now analysed to be.
    const fresh = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument: { uri: uri() } })) as CodeLens[];
    assert.deepEqual(fresh.map((l) => [l.range, l.command!.title]), lenses.map((l) => [l.range, l.command!.title]));
  });

  it('diagnostics of a file whose findings and version did not change are not sent again', async () => {
    client = await startClient({ 'main.tf': STREAM, 'other.tf': 'locals {\n  a = 1\n}\n' });
    await client.open('main.tf');
    await client.open('other.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    await client.waitFor('other.tf', () => client.published.get(client.uri('other.tf'))!.version === 1);
    const summaries = () => client.notifications.filter((n) => n.method === 'kinesisLint/costSummary').length;
    // Every analysis so far has ended (its cost summary sent) before counting.
    await waitUntil(() => summaries() > 0);
    const mainPublishes = client.publishCount('main.tf');
    const summariesBefore = summaries();

    // An edit in the other file re-analyses the module; main.tf's findings and version stay the same.
    await client.change('other.tf', 'locals {\n  a = 2\n}\n');
    await client.waitFor('other.tf', () => client.published.get(client.uri('other.tf'))!.version === 2);
    await waitUntil(() => summaries() > summariesBefore);
    assert.equal(client.publishCount('main.tf'), mainPublishes);

    // An edit of main.tf itself is always published (a new version), even with the same findings.
    await client.change('main.tf', `${STREAM}# a comment\n`);
    await client.waitFor('main.tf', () => client.published.get(client.uri('main.tf'))!.version === 2);
    assert.equal(client.publishCount('main.tf'), mainPublishes + 1);
  });
});
