import type { Hover, HoverParams } from 'vscode-languageserver';
import type { AnalysisStore } from '../store';
import { uriToPath } from '../convert';
import { streamBreakdown } from '../render/breakdown';
import { streamAt } from './positions';

export function hover(store: AnalysisStore, params: HoverParams): Hover | null {
  const file = uriToPath(params.textDocument.uri);
  const stream = file ? streamAt(store.streams(), file, params.position) : undefined;
  return stream ? { contents: { kind: 'markdown', value: streamBreakdown(stream, undefined, store.heldBy(stream)) } } : null;
}
