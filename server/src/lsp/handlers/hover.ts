import type { Hover, HoverParams } from 'vscode-languageserver';
import type { StreamSource } from '../store';
import { uriToPath } from '../convert';
import { streamCostText } from '../../core/pricing/format';
import { streamBreakdown } from '../render/breakdown';
import { contains, streamsAt } from './positions';
import { moveRange } from '../relocate';
import { mayTouch } from '../fileView';
import { callerLabels, callerOf } from './callers';

export function hover(store: StreamSource, params: HoverParams): Hover | null {
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
  const explain = (e: (typeof found)[number]) => streamBreakdown(e.now, undefined, store.heldBy(e.item));
  if (found.length === 1) return { contents: { kind: 'markdown', value: explain(found[0]) } };
  // A module called several times: each caller's figure, labelled, then each caller's breakdown.
  const labels = callerLabels(found.map((e) => ({ caller: callerOf(e.item.resource), root: e.root })));
  const head = `**${found.length} callers**: ${found.map((e, i) => `${labels[i]}: ${streamCostText(e.now, '/mo')}`).join(' · ')}`;
  return { contents: { kind: 'markdown', value: [head, ...found.map(explain)].join('\n\n---\n\n') } };
}
