// The fuzz test's editor: one document's text and version as a client holds them, changed by LSP incremental
// changes (LSP line breaks: CRLF, LF, CR), with an undo history and the text of every version (to check an edit
// against the version it says it was computed for).
import type { Position, Range } from 'vscode-languageserver';
import { lineStarts, offsetAt } from '../../../server/src/core/fixes/applyEdits';

export interface Change {
  range: Range;
  text: string;
}

export class EditorDocument {
  version = 1;
  private starts: number[];
  /** Text of each version sent to the server. */
  readonly history = new Map<number, string>();
  /** Inverse changes of the edits made so far, the last one last (an editor's undo stack). */
  readonly undoStack: Change[][] = [];

  constructor(public text: string) {
    this.starts = lineStarts(text);
    this.history.set(1, text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** The line's content without its line break. */
  line(n: number): string {
    const start = this.starts[n];
    let end = n + 1 < this.starts.length ? this.starts[n + 1] : this.text.length;
    while (end > start && (this.text[end - 1] === '\n' || this.text[end - 1] === '\r')) end--;
    return this.text.slice(start, end);
  }

  offsetAt(p: Position): number {
    return offsetAt(this.text, this.starts, p);
  }

  positionAt(offset: number): Position {
    let line = 0;
    for (let lo = 0, hi = this.starts.length - 1; lo <= hi; ) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= offset) {
        line = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return { line, character: Math.min(offset, this.starts[line] + this.line(line).length) - this.starts[line] };
  }

  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  /**
   * Applies `changes` in order (each to the result of the previous, as LSP says), records their inverse for undo
   * unless `undoable` is false, and bumps the version. Returns the changes to send.
   */
  apply(changes: Change[], undoable = true): Change[] {
    const before = this.text;
    for (const c of changes) {
      const s = this.offsetAt(c.range.start);
      const e = Math.max(s, this.offsetAt(c.range.end));
      this.setText(this.text.slice(0, s) + c.text + this.text.slice(e));
    }
    if (undoable) this.undoStack.push([this.inverse(before)]);
    this.version++;
    this.history.set(this.version, this.text);
    return changes;
  }

  /** A new version with the same text (a document opened again). */
  bump(): void {
    this.version++;
    this.history.set(this.version, this.text);
  }

  /** Undoes the last edit (as one change from the common prefix to the common suffix); undefined when none is left. */
  undo(): Change[] | undefined {
    const inverse = this.undoStack.pop();
    return inverse && this.apply(inverse, false);
  }

  private setText(text: string): void {
    this.text = text;
    this.starts = lineStarts(text);
  }

  /** One change turning the current text back into `before` (positions that split a CRLF are widened). */
  private inverse(before: string): Change {
    const now = this.text;
    let p = 0;
    while (p < now.length && p < before.length && now[p] === before[p]) p++;
    let s = 0;
    while (s < now.length - p && s < before.length - p && now[now.length - 1 - s] === before[before.length - 1 - s]) s++;
    let start = p;
    let end = now.length - s;
    // A position between "\r" and "\n" cannot be written in LSP: widen the change over the pair.
    if (start > 0 && now[start - 1] === '\r' && now[start] === '\n') start--;
    if (end > 0 && now[end - 1] === '\r' && now[end] === '\n') end++;
    const text = before.slice(start, before.length - (now.length - end));
    return { range: this.rangeOf(start, end), text };
  }
}
