// A module called from several places has one stream report per caller for the same block: every figure the editor
// shows on that block is labelled with its caller (`module.big: ≈ $259.59/mo`), never left to be guessed from order.
import * as path from 'node:path';
import type { StreamReport } from '../../core/results';
import type { StreamSource } from '../store';

export interface CallerStream {
  stream: StreamReport;
  /** '' when the block has one report; else its caller (`module.big`, `root` in the root module). */
  label: string;
}

/** The module address a stream report is under: module.big, module.a["k"].module.b, or '' in the root. */
export function callerOf(resource: string): string {
  const i = resource.lastIndexOf('aws_kinesis_stream.');
  return i > 0 ? resource.slice(0, i - 1) : '';
}

function labelled(group: { stream: StreamReport; root: string }[]): CallerStream[] {
  const labels = callerLabels(group.map((g) => ({ caller: callerOf(g.stream.resource), root: g.root })));
  return group.map((g, i) => ({ stream: g.stream, label: labels[i] }));
}

/** The reports of the streams declared in `file`, grouped by block (one entry per caller), in file order. */
export function streamsByBlock(store: StreamSource, file: string): CallerStream[][] {
  const groups = new Map<string, { stream: StreamReport; root: string }[]>();
  for (const a of store.analyses()) {
    for (const stream of a.streams) {
      if (stream.file !== file) continue;
      const key = `${stream.range.start.line}:${stream.range.start.character}`;
      const group = groups.get(key) ?? [];
      group.push({ stream, root: a.dir });
      groups.set(key, group);
    }
  }
  return [...groups.values()].map(labelled).sort((a, b) => a[0].stream.range.start.line - b[0].stream.range.start.line);
}

/** Labels for several reports of one block; two roots calling the module under the same name get their folder too. */
export function callerLabels(group: { caller: string; root: string }[]): string[] {
  if (group.length === 1) return [''];
  const callers = group.map((g) => g.caller || 'root');
  return group.map((g, i) => (callers.indexOf(callers[i]) !== callers.lastIndexOf(callers[i]) ? `${path.basename(g.root)}: ${callers[i]}` : callers[i]));
}

/** `module.big: text`, or the text alone for a block with one report. */
export function withCaller(label: string, text: string): string {
  return label ? `${label}: ${text}` : text;
}
