// Offset <-> LSP position conversion. Offsets and characters are both UTF-16 code units (JS string
// indices), so only lines need computing. Line breaks follow LSP: \n, \r\n and a lone \r.
import type { Position, Range } from '../types';
import type { Span } from './span';

const LF = 0x0a;
const CR = 0x0d;

export type Eol = '\n' | '\r\n' | '\r' | '';

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR) {
      if (text.charCodeAt(i + 1) === LF) i++;
      starts.push(i + 1);
    } else if (c === LF) {
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Index of the first element >= value in a sorted array (its length when none). */
function firstAtLeast(sorted: number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class LineIndex {
  /** Offset of the first character of each line; lineStarts[0] is 0. */
  readonly lineStarts: number[];

  /** `lineStarts`, when given, must be the text's (LineIndex.afterEdit computes them from a previous index). */
  constructor(private readonly text: string, lineStarts?: number[]) {
    this.lineStarts = lineStarts ?? lineStartsOf(text);
  }

  /**
   * The index of `text`, which is `previous`'s text with [start, oldEnd) replaced by text's [start, newEnd): line
   * starts before the edit are kept and those after it shifted, only the edited part is read. A line start x depends
   * on the characters at x - 1 and x (a CR followed by LF is one break).
   */
  static afterEdit(previous: LineIndex, text: string, start: number, oldEnd: number, newEnd: number): LineIndex {
    const old = previous.lineStarts;
    const kept = firstAtLeast(old, start);
    const middle: number[] = kept === 0 ? [0] : [];
    for (let x = Math.max(start, 1); x <= newEnd; x++) {
      const c = text.charCodeAt(x - 1);
      if (c === LF || (c === CR && text.charCodeAt(x) !== LF)) middle.push(x);
    }
    const after = firstAtLeast(old, oldEnd + 1);
    const starts = new Array<number>(kept + middle.length + old.length - after);
    for (let i = 0; i < kept; i++) starts[i] = old[i];
    for (let i = 0; i < middle.length; i++) starts[kept + i] = middle[i];
    const delta = newEnd - oldEnd;
    for (let i = after, j = kept + middle.length; i < old.length; i++, j++) starts[j] = old[i] + delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Position of an offset, clamped to [0, text.length]; an offset inside a \r\n maps to the line's end. */
  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    const line = this.lineOfOffset(clamped);
    const character = Math.min(clamped, this.contentEnd(line)) - this.lineStarts[line];
    return { line, character };
  }

  /** Offset of a position; the line is clamped to the document, the character to the line's end (EOL excluded). */
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[pos.line];
    return Math.max(start, Math.min(start + Math.max(0, pos.character), this.contentEnd(pos.line)));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  /** The line's text without its line break; '' for a line outside the document. */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.contentEnd(line));
  }

  /** The line break ending the line ('' for the last line or a line outside the document). */
  eolAt(line: number): Eol {
    if (line < 0 || line >= this.lineStarts.length - 1) return '';
    return this.text.slice(this.contentEnd(line), this.lineStarts[line + 1]) as Eol;
  }

  /** Offset just past the line's last character, before its line break. */
  private contentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === LF) end--;
    if (this.text.charCodeAt(end - 1) === CR) end--;
    return end;
  }

  /** Binary search: the last line whose start is <= offset. */
  private lineOfOffset(offset: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
