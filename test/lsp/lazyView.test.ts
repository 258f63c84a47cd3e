// Requests answered from the last analysis while the next one runs move only what they read onto the current text
// (lsp/fileView.ts, currentView.ts): a file not edited since the analysis moves nothing, a hover moves the stream at
// the position, inlay hints the streams in the range; and what they answer is what an analysis of the current text
// answers, positions exact.
import { strict as assert } from 'assert';
import type { ModuleAnalysis } from '../../server/src/core/results';
import { AnalysisStore } from '../../server/src/lsp/store';
import { Relocations } from '../../server/src/lsp/currentView';
import { moveCounts } from '../../server/src/lsp/relocate';
import { hover } from '../../server/src/lsp/handlers/hover';
import { codeLenses } from '../../server/src/lsp/handlers/codeLens';
import { inlayHints } from '../../server/src/lsp/handlers/inlayHints';
import { pathToUri } from '../../server/src/lsp/convert';
import { ENCRYPTED, abs, analyze, hcl, stream } from '../model/kit';

const STREAMS = 6;
const main = Array.from({ length: STREAMS }, (_, i) => stream(`s${i}`, `  name = "s${i}"`, '  shard_count = 2', '  retention_period = 48', ...ENCRYPTED)).join('');
const other = stream('o', '  name = "o"', '  shard_count = 1', ...ENCRYPTED) +
  hcl('resource "aws_kinesis_stream_consumer" "c" {', '  name       = "c"', '  stream_arn = aws_kinesis_stream.s1.arn', '}');
// A line typed above the second stream: every later position moves one line down.
const cut = main.indexOf('resource "aws_kinesis_stream" "s1"');
const edited = main.slice(0, cut) + '# a comment typed here\n' + main.slice(cut);

function storeOf(res: { analyses: ModuleAnalysis[] }, texts: Record<string, string>): AnalysisStore {
  const store = new AnalysisStore();
  for (const a of res.analyses) store.set(a, new Map(Object.keys(texts).map((f) => [abs(f), 1])), (file) => Object.entries(texts).find(([f]) => abs(f) === file)?.[1]);
  return store;
}

const counts = () => ({ ...moveCounts });
const since = (before: typeof moveCounts) => ({ ranges: moveCounts.ranges - before.ranges, streams: moveCounts.streams - before.streams });
const uri = (f: string) => ({ uri: pathToUri(abs(f)) });

describe('lsp requests from the last analysis: only what they read is moved', () => {
  let stored: AnalysisStore;
  let fresh: AnalysisStore;
  let relocations: Relocations;
  before(async () => {
    stored = storeOf(await analyze({ 'main.tf': main, 'other.tf': other }), { 'main.tf': main, 'other.tf': other });
    fresh = storeOf(await analyze({ 'main.tf': edited, 'other.tf': other }), { 'main.tf': edited, 'other.tf': other });
    const docs: Record<string, { version: number; text: () => string }> = {
      [abs('main.tf')]: { version: 2, text: () => edited },
      [abs('other.tf')]: { version: 1, text: () => other },
    };
    relocations = new Relocations(stored, (file) => docs[file]);
  });

  it('a file not edited since the analysis moves nothing and serves the stored reports', () => {
    const view = relocations.view('v2');
    const at = counts();
    const lenses = codeLenses(view, { textDocument: uri('other.tf') });
    const hints = inlayHints(view, { textDocument: uri('other.tf'), range: { start: { line: 0, character: 0 }, end: { line: 50, character: 0 } } });
    const h = hover(view, { textDocument: uri('other.tf'), position: { line: 0, character: 12 } });
    assert.deepEqual(since(at), { ranges: 0, streams: 0 });
    assert.ok(lenses.length >= 1 && hints.length >= 1 && h);
    const fileView = view.inFile(abs('other.tf'));
    for (const { item } of fileView.streams) if (item.file === abs('other.tf')) assert.equal(fileView.current(item), item);
    assert.deepEqual(lenses, codeLenses(fresh, { textDocument: uri('other.tf') }));
  });

  it('a hover moves at most the stream at the position, and says what an analysis of the current text says', () => {
    const view = relocations.view('v2-hover');
    const header = edited.split('\n').findIndex((l) => l.includes('"s4"'));
    const position = { line: header, character: 12 };
    const at = counts();
    const h = hover(view, { textDocument: uri('main.tf'), position });
    assert.ok(since(at).streams <= 1, `moved ${since(at).streams} streams`);
    // The breakdown gives the header's line: the current one.
    assert.deepEqual(h, hover(fresh, { textDocument: uri('main.tf'), position }));
    assert.ok(h && JSON.stringify(h).includes(`main.tf:${header + 1}`), JSON.stringify(h));
  });

  it('lenses move one range per stream and no stream; hints only the streams in the range; both exact', () => {
    const view = relocations.view('v2-lens');
    let at = counts();
    const lenses = codeLenses(view, { textDocument: uri('main.tf') });
    assert.deepEqual(since(at), { ranges: STREAMS, streams: 0 });
    assert.deepEqual(lenses, codeLenses(fresh, { textDocument: uri('main.tf') }));
    const lines = edited.split('\n');
    const range = { start: { line: lines.findIndex((l) => l.includes('"s2"')), character: 0 }, end: { line: lines.findIndex((l) => l.includes('"s3"')) - 1, character: 0 } };
    at = counts();
    const hints = inlayHints(view, { textDocument: uri('main.tf'), range });
    assert.equal(since(at).streams, 1);
    assert.ok(hints.length >= 2, JSON.stringify(hints));
    assert.deepEqual(hints, inlayHints(fresh, { textDocument: uri('main.tf'), range }));
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    assert.deepEqual(inlayHints(view, { textDocument: uri('main.tf'), range: whole }), inlayHints(fresh, { textDocument: uri('main.tf'), range: whole }));
  });

  it('a second request for the same document version moves nothing again', () => {
    const view = relocations.view('v2-again');
    const position = { line: edited.split('\n').findIndex((l) => l.includes('"s4"')), character: 12 };
    hover(view, { textDocument: uri('main.tf'), position });
    const at = counts();
    hover(relocations.view('v2-again'), { textDocument: uri('main.tf'), position });
    assert.equal(since(at).streams, 0);
  });
});
