// Moving positions computed on one text of a file onto a later text of it, so what is held from the last clean
// analysis (lenses, hints, squiggles) stays on its lines while the user types, and so requests answered from the
// last analysis while the next one runs (lsp/currentView.ts) point at the current text. The two texts usually
// differ in one region (the edit): lines before it keep their place, lines after it move by the number of lines
// added or removed, and within a single edited line characters after the edit move by the characters added. A
// position inside a larger edited region keeps its line, clamped to the region.
// The cost is proportional to the edited region plus a comparison of the texts' common ends, never a split of the
// whole file into lines: this runs on the event loop for every request that arrives while an edit is being analysed.
import type { Position, Range } from '../core/types';
import type { StreamReport } from '../core/results';
import { commonPrefix, commonSuffix } from '../core/text/commonEnds';

export type MovePosition = (p: Position) => Position;

export const unmoved: MovePosition = (p) => p;

const LINE_BREAK = /\r\n|\r|\n/;
/** Whole lines kept on each side of the differing characters, so a line break changed from \n to \r\n or split
 *  between \r and \n is inside the compared window, never across its edge. */
const MARGIN_BREAKS = 3;

export function positionMover(before: string, after: string): MovePosition {
  if (before === after) return unmoved;
  const shortest = Math.min(before.length, after.length);
  const prefix = commonPrefix(before, after, shortest);
  const start = breaksBack(before, prefix, MARGIN_BREAKS);
  // Not overlapping the prefix: the edit (which may sit anywhere in a run of equal lines) stays inside the window.
  const suffix = commonSuffix(before, after, shortest - prefix);
  const endBefore = breaksForward(before, before.length - suffix, MARGIN_BREAKS + 1);
  const endAfter = endBefore + after.length - before.length;
  // Lines before `start` and after `endBefore` are the same in both texts; only the window between is compared.
  const linesBefore = countBreaks(before, 0, start);
  const a = before.slice(start, endBefore).split(LINE_BREAK);
  const b = after.slice(start, endAfter).split(LINE_BREAK);
  const inWindow = windowMover(a, b);
  const lastInWindow = linesBefore + a.length - 1;
  const shift = b.length - a.length;
  return (p) => {
    if (p.line < linesBefore) return p;
    if (p.line > lastInWindow) return { line: p.line + shift, character: p.character };
    const moved = inWindow({ line: p.line - linesBefore, character: p.character });
    return { line: moved.line + linesBefore, character: moved.character };
  };
}

/** The line-by-line comparison of two texts split into lines (the whole texts, or the window around an edit). */
function windowMover(a: string[], b: string[]): MovePosition {
  const shortest = Math.min(a.length, b.length);
  let head = 0;
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldEnd = a.length - tail;
  const newEnd = b.length - tail;
  const oneLine = oldEnd - head === 1 && newEnd - head === 1 ? characterMover(a[head], b[head]) : undefined;
  return (p) => {
    if (p.line < head) return p;
    if (p.line >= oldEnd) return { line: p.line + newEnd - oldEnd, character: p.character };
    if (oneLine) return { line: head, character: oneLine(p.character) };
    // Inside a region of several edited lines: the same line if it still is in the region, else the region's end.
    if (newEnd === head) return { line: head, character: 0 };
    const line = Math.min(p.line, newEnd - 1);
    return { line, character: Math.min(p.character, b[line].length) };
  };
}

/** Within one edited line: characters before the edit stay, characters after it move with the line's end. */
function characterMover(before: string, after: string): (c: number) => number {
  const shortest = Math.min(before.length, after.length);
  let head = 0;
  while (head < shortest && before[head] === after[head]) head++;
  let tail = 0;
  while (tail < shortest - head && before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
  return (c) => (c <= head ? c : c >= before.length - tail ? c + after.length - before.length : head);
}

/** Ranges and stream reports moved since the process started (tests count them; nothing reads them otherwise). */
export const moveCounts = { ranges: 0, streams: 0 };

export function moveRange(r: Range, move: MovePosition): Range {
  if (move === unmoved) return r;
  moveCounts.ranges++;
  return { start: move(r.start), end: move(r.end) };
}

/** The stream with its ranges on the current texts (the same object when none of its files moved). */
export function moveStream(s: StreamReport, moveOf: (file: string) => MovePosition): StreamReport {
  const move = moveOf(s.file);
  const linksMove = s.consumerLinks.some((c) => moveOf(c.file) !== unmoved);
  if (move === unmoved && !linksMove) return s;
  moveCounts.streams++;
  const r = (range: Range) => moveRange(range, move);
  return {
    ...s,
    range: r(s.range),
    targets: move === unmoved ? s.targets : {
      block: r(s.targets.block),
      arguments: Object.fromEntries(Object.entries(s.targets.arguments).map(([k, a]) => [k, a && { name: r(a.name), value: r(a.value) }])),
      annotations: s.targets.annotations.map(r),
    },
    consumerLinks: linksMove ? s.consumerLinks.map((c) => ({ ...c, range: moveRange(c.range, moveOf(c.file)) })) : s.consumerLinks,
  };
}

const isBreak = (c: number) => c === 0x0a || c === 0x0d;

/** The start of a line at least `breaks` line-break characters before `offset` (0 if there are fewer). A loop over
 *  the few lines in between: lastIndexOf('\r') in a text without one would scan back to its start. */
function breaksBack(text: string, offset: number, breaks: number): number {
  let i = offset;
  for (let n = 0; n < breaks; n++) {
    i--;
    while (i >= 0 && !isBreak(text.charCodeAt(i))) i--;
    if (i < 0) return 0;
  }
  // i is a break character; the line after it starts past a \r\n pair.
  return text.charCodeAt(i) === 0x0d && text.charCodeAt(i + 1) === 0x0a ? i + 2 : i + 1;
}

/** The end of a line (where its break starts) at least `breaks` line-break characters at or after `offset` (the
 *  text's end if fewer): the window ends with a whole line, never with a placeholder for the line after it. */
function breaksForward(text: string, offset: number, breaks: number): number {
  let i = offset - 1;
  for (let n = 0; n < breaks; n++) {
    i++;
    while (i < text.length && !isBreak(text.charCodeAt(i))) i++;
    if (i >= text.length) return text.length;
  }
  return text.charCodeAt(i) === 0x0a && text.charCodeAt(i - 1) === 0x0d ? i - 1 : i;
}

/** Line breaks (\n, \r\n, a lone \r) wholly inside [from, to). */
function countBreaks(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  for (let i = text.indexOf('\r', from); i >= 0 && i < to; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) !== 0x0a) n++;
  }
  return n;
}
