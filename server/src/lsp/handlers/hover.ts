import type { Hover, HoverParams } from 'vscode-languageserver';
import type { StreamReport } from '../../core/results';
import type { StreamSource } from '../store';
import { uriToPath } from '../convert';
import { streamCostText } from '../../core/pricing/format';
import { streamBreakdown } from '../render/breakdown';
import { streamsAt } from './positions';
import { callerLabels, callerOf } from './callers';

export function hover(store: StreamSource, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const streams = file ? streamsAt(store.streams(), file, params.position) : [];
  if (streams.length === 0) return null;
  if (streams.length === 1) return { contents: { kind: 'markdown', value: streamBreakdown(streams[0], undefined, store.heldBy(streams[0])) } };
  // A module called several times: each caller's figure, labelled, then each caller's breakdown.
  const rootOf = (s: StreamReport) => store.analyses().find((a) => a.streams.includes(s))?.dir ?? '';
  const labels = callerLabels(streams.map((s) => ({ caller: callerOf(s.resource), root: rootOf(s) })));
  const head = `**${streams.length} callers**: ${streams.map((s, i) => `${labels[i]}: ${streamCostText(s, '/mo')}`).join(' · ')}`;
  return { contents: { kind: 'markdown', value: [head, ...streams.map((s) => streamBreakdown(s, undefined, store.heldBy(s)))].join('\n\n---\n\n') } };
}
