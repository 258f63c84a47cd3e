// Everything a user sees of one document, as plain JSON with the workspace folder and document versions written
// out, so that a server that went through a long edit session can be compared with a fresh one given the final
// text (which runs in another folder and has seen version 1 only). Nothing here knows any wording: both sides are
// rendered by the same code, so the comparison survives changes to labels and messages.
import type { CodeAction, CodeLens, Diagnostic, Hover, InlayHint, Position } from 'vscode-languageserver';
import type { Client } from '../harness';
import { FIX_ALL } from './randomActions';

export interface Snapshot {
  diagnostics: Record<string, unknown>;
  hovers: unknown[];
  lenses: unknown;
  hints: unknown;
  actions: unknown[];
  report: unknown;
}

/** Replaces the workspace folder (as a path and as a URI) and every `version` with placeholders. */
export function normalize(value: unknown, dir: string): unknown {
  const json = JSON.stringify(value ?? null, (key, v: unknown) => (key === 'version' && typeof v === 'number' ? '<version>' : v));
  const uriDir = encodeURI(`file://${dir}`);
  return JSON.parse(json.split(uriDir).join('<ws>').split(dir).join('<ws>'));
}

export async function snapshot(client: Client, rel: string, positions: readonly Position[], lineCount: number): Promise<Snapshot> {
  const uri = client.uri(rel);
  const textDocument = { uri };
  const diagnostics: Record<string, unknown> = {};
  // A file published empty (cleared) looks to the user like one never published.
  for (const [u, p] of [...client.published].sort(([a], [b]) => a.localeCompare(b))) if (p.diagnostics.length > 0) diagnostics[u] = p.diagnostics;
  const mine = client.diagnostics.get(uri) ?? [];
  const whole = { start: { line: 0, character: 0 }, end: { line: lineCount, character: 0 } };
  const lenses = (await client.rpc.sendRequest('textDocument/codeLens', { textDocument })) as CodeLens[] | null;
  const at = [...positions, ...mine.map((d) => d.range.start), ...(lenses ?? []).map((l) => l.range.start)];
  const hovers = await Promise.all(at.map((position) => client.rpc.sendRequest('textDocument/hover', { textDocument, position }) as Promise<Hover | null>));
  const hints = (await client.rpc.sendRequest('textDocument/inlayHint', { textDocument, range: whole })) as InlayHint[] | null;
  const ask = (range: Diagnostic['range'], diagnostics: Diagnostic[], only?: string[]) =>
    client.rpc.sendRequest('textDocument/codeAction', { textDocument, range, context: { diagnostics, ...(only ? { only } : {}) } }) as Promise<CodeAction[] | null>;
  const actions = await Promise.all([
    ...mine.map((d) => ask(d.range, [d])),
    ask(whole, mine),
    ask(whole, [], [FIX_ALL]),
    ask(whole, [], ['source']),
  ]);
  const report = await client.rpc.sendRequest('kinesisLint/costReport', {});
  return normalize({ diagnostics, hovers: at.map((p, i) => [p, hovers[i]]), lenses, hints, actions, report }, client.dir) as Snapshot;
}
