// A module called from several places has one stream report per caller for the same block: every figure the editor
// shows on that block is labelled with its caller (`module.big: ≈ $259.59/mo`), never left to be guessed from order.
import * as path from 'node:path';
import type { StreamReport } from '../../core/results';
import type { Range } from '../../core/types';
import type { FileView } from '../fileView';
import { moveRange } from '../relocate';

export interface CallerStream {
  /** As stored: its figures, not its positions. */
  stream: StreamReport;
  /** Its header on the current text. */
  range: Range;
  /** '' when the block has one report; else its caller (`module.big`, `root` in the root module). */
  label: string;
  /** The root module whose analysis made the report. */
  root: string;
}

/** The module address a stream report is under: module.big, module.a["k"].module.b, or '' in the root. */
export function callerOf(resource: string): string {
  const i = resource.lastIndexOf('aws_kinesis_stream.');
  return i > 0 ? resource.slice(0, i - 1) : '';
}

function labelled(group: { stream: StreamReport; root: string; range: Range }[]): CallerStream[] {
  const labels = callerLabels(group.map((g) => ({ caller: callerOf(g.stream.resource), root: g.root })));
  return group.map((g, i) => ({ stream: g.stream, range: g.range, label: labels[i], root: g.root }));
}

/** The reports of the streams declared in the view's file, grouped by block (one entry per caller), in file order;
 *  only their header ranges are moved onto the current text. */
export function streamsByBlock(view: FileView): CallerStream[][] {
  const groups = new Map<string, { stream: StreamReport; root: string; range: Range }[]>();
  for (const { item: stream, root } of view.streams) {
    if (stream.file !== view.file) continue;
    const range = moveRange(stream.range, view.move);
    const key = `${range.start.line}:${range.start.character}`;
    const group = groups.get(key) ?? [];
    group.push({ stream, root, range });
    groups.set(key, group);
  }
  return [...groups.values()].map(labelled).sort((a, b) => a[0].range.start.line - b[0].range.start.line);
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
