import type { Hover, HoverParams } from 'vscode-languageserver';
import type { StreamSource } from '../store';
import type { StreamReport } from '../../core/results';
import { uriToPath } from '../convert';
import { streamCostText } from '../../core/pricing/format';
import { streamBreakdown } from '../render/breakdown';
import { contains, streamsAt } from './positions';
import { moveRange } from '../relocate';
import { mayTouch } from '../fileView';
import { callerLabels, callerOf } from './callers';
import type { StreamDelta } from '../baseline/streamDelta';
import { hoverDeltaLine } from '../baseline/deltaText';

/** A stream's change against the base (kinesisLint.compareTo), when the server has one. */
export interface DeltaSource {
  of(root: string, stream: StreamReport): StreamDelta | undefined;
  /** "HEAD", "main". */
  against(): string;
}

export function hover(store: StreamSource, params: HoverParams, deltas?: DeltaSource): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  if (!file) return null;
  const view = store.inFile(file);
  const p = params.position;
  const here = { start: p, end: p };
  // Only streams that may be at the position are moved onto the current text, then tested exactly.
  const found = view.streams
    .filter(({ item: s }) => (s.file === file && mayTouch(s, view.move, here)) || s.consumerLinks.some((c) => c.file === file && contains(moveRange(c.range, view.move), p)))
    .map((e) => ({ ...e, now: view.current(e.item) }))
    .filter((e) => streamsAt([e.now], file, p).length > 0);
  if (found.length === 0) return null;
  // "**+$21.90/mo vs HEAD** (2 → 4 shards)" above the breakdown, when the stream changed.
  const explain = (e: (typeof found)[number]) => {
    const delta = deltas?.of(e.root, e.item);
    const line = delta && hoverDeltaLine(delta, deltas!.against());
    const breakdown = streamBreakdown(e.now, undefined, store.heldBy(e.item));
    return line ? `${line}\n\n${breakdown}` : breakdown;
  };
  if (found.length === 1) return { contents: { kind: 'markdown', value: explain(found[0]) } };
  // A module called several times: each caller's figure, labelled, then each caller's breakdown.
  const labels = callerLabels(found.map((e) => ({ caller: callerOf(e.item.resource), root: e.root })));
  const head = `**${found.length} callers**: ${found.map((e, i) => `${labels[i]}: ${streamCostText(e.now, '/mo')}`).join(' · ')}`;
  return { contents: { kind: 'markdown', value: [head, ...found.map(explain)].join('\n\n---\n\n') } };
}
