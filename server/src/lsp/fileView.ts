// What hover, code lens and inlay hints need of the stored analyses is about one file: the streams declared in it or
// read there (a consumer link), and the module calls in it. The store indexes these per file once per change (a map
// read per request), and a view on the current text moves only what a request looks at (currentView.ts): a lens
// moves each stream's header range, a hint request only the streams in its range, a hover only the streams at the
// position; a file not edited since the analysis moves nothing.
import type { ModuleAnalysis, ModuleCallReport, StreamReport } from '../core/results';
import type { Position, Range } from '../core/types';
import { unmoved, type MovePosition } from './relocate';

export interface Rooted<T> {
  item: T;
  /** The root module whose analysis holds it. */
  root: string;
}

export interface FileView {
  readonly file: string;
  /** Streams declared in the file or with a consumer link in it, in store order, positions as analysed. */
  readonly streams: readonly Rooted<StreamReport>[];
  /** Module calls in the file, positions as analysed. */
  readonly moduleCalls: readonly Rooted<ModuleCallReport>[];
  /** This file's positions on its current text (`unmoved` when not edited since the analysis). */
  readonly move: MovePosition;
  /** The report with every position on the current texts (the stored object when none of its files moved). */
  current(s: StreamReport): StreamReport;
}

export interface FileItems {
  streams: Rooted<StreamReport>[];
  moduleCalls: Rooted<ModuleCallReport>[];
}

const NONE: FileItems = { streams: [], moduleCalls: [] };

/** Every file's streams and module calls, in one walk over the analyses. */
export function indexByFile(analyses: readonly ModuleAnalysis[]): (file: string) => FileItems {
  const byFile = new Map<string, FileItems>();
  const of = (file: string) => {
    let items = byFile.get(file);
    if (!items) byFile.set(file, (items = { streams: [], moduleCalls: [] }));
    return items;
  };
  for (const a of analyses) {
    for (const s of a.streams) {
      const files = new Set([s.file, ...s.consumerLinks.map((c) => c.file)]);
      for (const f of files) of(f).streams.push({ item: s, root: a.dir });
    }
    for (const call of a.moduleCalls ?? []) of(call.file).moduleCalls.push({ item: call, root: a.dir });
  }
  return (file) => byFile.get(file) ?? NONE;
}

/** The stored view of a file: nothing moves. */
export function storedFileView(file: string, items: FileItems): FileView {
  return { file, ...items, move: unmoved, current: (s) => s };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

const spans = new WeakMap<StreamReport, Range>();

/** From the first to the last position of the stream in its own file (header, block, arguments, annotations). */
function spanOf(s: StreamReport): Range {
  let span = spans.get(s);
  if (span) return span;
  let start = s.range.start;
  let end = s.range.end;
  const add = (r: Range) => {
    if (before(r.start, start)) start = r.start;
    if (before(end, r.end)) end = r.end;
  };
  add(s.targets.block);
  s.targets.annotations.forEach(add);
  for (const a of Object.values(s.targets.arguments)) if (a) { add(a.name); add(a.value); }
  spans.set(s, (span = { start, end }));
  return span;
}

/**
 * Whether the stream's own positions (in its file, moved by `move`) may reach into `range`. Moving keeps the order of
 * positions, so moving the span's two ends bounds every moved position: a stream outside is skipped unmoved.
 */
export function mayTouch(s: StreamReport, move: MovePosition, range: Range): boolean {
  const span = spanOf(s);
  return !before(range.end, move(span.start)) && !before(move(span.end), range.start);
}
