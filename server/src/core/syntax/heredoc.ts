// Heredocs: `<<ID` or `<<-ID` at the end of a line, closed by the first later line whose trimmed text
// is ID (HCL accepts an indented closing marker for both forms). Content is skipped, not parsed.
import type { LineIndex } from '../text/lineIndex';
import { Ch, identifierEnd, isIdentifier, skipInlineSpace } from './chars';

export interface HeredocOpening {
  marker: string;
  /** Offset of the '\n' ending the opening line. */
  newline: number;
}

/** Recognises a heredoc opening at `i` (which holds '<<'); null when the text there is not one. */
export function heredocOpeningAt(text: string, i: number): HeredocOpening | null {
  let j = i + 2;
  if (text.charCodeAt(j) === Ch.Minus) j++;
  const end = identifierEnd(text, j);
  if (end === j) return null;
  const after = skipInlineSpace(text, end);
  if (text.charCodeAt(after) !== Ch.LF) return null;
  return { marker: text.slice(j, end), newline: after };
}

/**
 * Finds closing-marker lines in O(log n) per heredoc. Built on first use from the lines that could be
 * a marker, so that many unterminated heredocs cannot make scanning quadratic.
 */
export class HeredocCloser {
  private linesByMarker: Map<string, number[]> | undefined;
  /** Set when some heredoc has no closing line: its end then depends on the whole rest of the text. */
  unterminated = false;

  constructor(private readonly text: string, private readonly lines: LineIndex) {}

  /** End offset of the closing marker for a heredoc opened on the line holding `newline`, or null. */
  closingEnd(opening: HeredocOpening): number | null {
    const end = this.findClosingEnd(opening);
    if (end === null) this.unterminated = true;
    return end;
  }

  private findClosingEnd(opening: HeredocOpening): number | null {
    const openLine = this.lines.positionAt(opening.newline).line;
    if (!this.linesByMarker) {
      // Most heredocs close within a few lines: look there before indexing every line of the text (a rescan of one
      // block would otherwise index the whole file). Past the probe, the index keeps many open heredocs linear.
      const last = Math.min(this.lines.lineCount - 1, openLine + PROBE_LINES);
      for (let line = openLine + 1; line <= last; line++) {
        if (trimMarkerLine(this.lines.lineText(line)) === opening.marker) return this.markerEnd(line, opening.marker);
      }
      if (last === this.lines.lineCount - 1) return null;
    }
    const candidates = this.index().get(opening.marker);
    if (!candidates) return null;
    let lo = 0;
    let hi = candidates.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (candidates[mid] <= openLine) lo = mid + 1;
      else hi = mid;
    }
    if (lo === candidates.length) return null;
    return this.markerEnd(candidates[lo], opening.marker);
  }

  private markerEnd(line: number, marker: string): number {
    return skipInlineSpace(this.text, this.lines.lineStarts[line]) + marker.length;
  }

  private index(): Map<string, number[]> {
    if (this.linesByMarker) return this.linesByMarker;
    const map = new Map<string, number[]>();
    for (let line = 0; line < this.lines.lineCount; line++) {
      const trimmed = trimMarkerLine(this.lines.lineText(line));
      if (!isIdentifier(trimmed)) continue;
      const list = map.get(trimmed);
      if (list) list.push(line);
      else map.set(trimmed, [line]);
    }
    this.linesByMarker = map;
    return map;
  }
}

/** Lines probed for a closing marker before the index is built. */
const PROBE_LINES = 200;

function trimMarkerLine(line: string): string {
  return line.replace(/^[ \t\r\ufeff]+|[ \t\r]+$/g, '');
}

/** When the line starting at `lineStart` closes a heredoc opened with `marker`, the offset where that line's text
 *  ends (its '\n' or the end of text); otherwise null. Same test as HeredocCloser: the trimmed line is the marker. */
export function closingLineEnd(text: string, lineStart: number, marker: string): number | null {
  const at = skipInlineSpace(text, lineStart);
  if (!text.startsWith(marker, at)) return null;
  const after = skipInlineSpace(text, at + marker.length);
  return after === text.length || text.charCodeAt(after) === Ch.LF ? after : null;
}
