// State shared by the body and expression scanners during one pass over a text.
import { LineIndex } from '../text/lineIndex';
import { Ch, isInlineSpace, lineEnd } from './chars';
import { HeredocCloser } from './heredoc';
import type { ScannedComment } from './scannerTypes';

export class ScanContext {
  readonly comments: ScannedComment[] = [];
  readonly heredocs: HeredocCloser;
  maxDepth = 0;
  /** Deepest nesting in the current top-level unit (scanner.ts: unitDepths). */
  unitDepth = 0;
  /** Per top-level unit (the text before the first item, then each item up to the next one): its deepest nesting. */
  readonly unitDepths: number[] = [];
  /** Set by the strict pass when something ran to EOF unclosed, so that a recovering pass is worth running. */
  needsRecovery = false;
  /** No star-slash exists at or after this offset (memo: many unclosed block comments stay linear). */
  private noCommentCloseFrom = Infinity;

  constructor(
    readonly text: string,
    readonly lines: LineIndex,
    /** Recovery pass: indentation-based rules end expressions and blocks that were left open. */
    readonly recovering: boolean,
  ) {
    this.heredocs = new HeredocCloser(text, lines);
  }

  noteDepth(depth: number): void {
    if (depth > this.maxDepth) this.maxDepth = depth;
    if (depth > this.unitDepth) this.unitDepth = depth;
  }

  /** If a comment starts at `i`, records it and returns its end; otherwise returns -1. */
  comment(i: number): number {
    const text = this.text;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c === Ch.Hash || (c === Ch.Slash && next === Ch.Slash)) {
      let end = lineEnd(text, i);
      if (text.charCodeAt(end - 1) === Ch.CR) end--;
      return this.record(i, end, c === Ch.Hash ? '#' : '//');
    }
    if (c === Ch.Slash && next === Ch.Star) {
      const close = i + 2 >= this.noCommentCloseFrom ? -1 : text.indexOf('*/', i + 2);
      if (close < 0) this.noCommentCloseFrom = Math.min(this.noCommentCloseFrom, i + 2);
      if (close >= 0) return this.record(i, close + 2, '/*');
      // Unclosed: HCL swallows the rest of the file; the recovering pass ends it at the line's end instead.
      if (!this.recovering) {
        this.needsRecovery = true;
        return this.record(i, text.length, '/*');
      }
      let end = lineEnd(text, i);
      if (text.charCodeAt(end - 1) === Ch.CR) end--;
      return this.record(i, end, '/*');
    }
    return -1;
  }

  /** Number of spaces and tabs that start the line holding `offset`. */
  indentOfLine(offset: number): number {
    const start = this.lines.lineStarts[this.lines.positionAt(offset).line];
    return this.indentFrom(start);
  }

  /** The indentation of `pos` when only whitespace precedes it on its line, else -1. */
  indentIfFirstOnLine(pos: number): number {
    let i = pos;
    while (i > 0) {
      const c = this.text.charCodeAt(i - 1);
      if (c === Ch.LF || (c === Ch.Bom && i - 1 === 0)) break;
      if (c !== Ch.Space && c !== Ch.Tab) return -1;
      i--;
    }
    return pos - i;
  }

  /** Number of spaces and tabs from `lineStart` on (a leading BOM is not counted). */
  indentFrom(lineStart: number): number {
    let i = lineStart;
    if (i === 0 && this.text.charCodeAt(0) === Ch.Bom) i++;
    const from = i;
    while (true) {
      const c = this.text.charCodeAt(i);
      if (c !== Ch.Space && c !== Ch.Tab) return i - from;
      i++;
    }
  }

  /** Offset just after the last non-whitespace character before `offset` (0 when there is none). */
  lastContentBefore(offset: number): number {
    let end = offset;
    while (end > 0 && (isInlineSpace(this.text.charCodeAt(end - 1)) || this.text.charCodeAt(end - 1) === Ch.LF)) end--;
    return end;
  }

  private record(start: number, end: number, style: ScannedComment['style']): number {
    this.comments.push({ span: { start, end }, text: this.text.slice(start, end), style });
    return end;
  }
}
