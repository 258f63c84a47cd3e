// Moving positions computed on one text of a file onto a later text of it, so what is held from the last clean
// analysis (lenses, hints, squiggles) stays on its lines while the user types. The two texts usually differ in one
// region (the edit): lines before it keep their place, lines after it move by the number of lines added or
// removed, and within a single edited line characters after the edit move by the characters added. A position
// inside a larger edited region keeps its line, clamped to the region.
import type { Position, Range } from '../core/types';

export type MovePosition = (p: Position) => Position;

export const unmoved: MovePosition = (p) => p;

const LINE_BREAK = /\r\n|\r|\n/;

export function positionMover(before: string, after: string): MovePosition {
  if (before === after) return unmoved;
  const a = before.split(LINE_BREAK);
  const b = after.split(LINE_BREAK);
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

export function moveRange(r: Range, move: MovePosition): Range {
  return move === unmoved ? r : { start: move(r.start), end: move(r.end) };
}
