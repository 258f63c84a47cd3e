// The open brackets, quoted templates and interpolations of one expression. Closers may only match
// openers above the innermost quoted template; per-segment counts make a closer that matches nothing an
// O(1) answer, so hostile input (100k '(' then 100k ']') stays linear.
import { Ch } from './chars';

/** Stack entries: the opening bracket's char code, QUOTE for a quoted template, INTERP for `${` / `%{`. */
export const QUOTE = Ch.Quote;
export const INTERP = Ch.Dollar;

/** Index of an opener's or closer's kind in a segment's counts: ( [ { (an interpolation closes with '}'). */
function kindOf(c: number): number {
  if (c === Ch.LParen || c === Ch.RParen) return 0;
  if (c === Ch.LBracket || c === Ch.RBracket) return 1;
  return 2;
}

export class BracketStack {
  private readonly entries: number[] = [];
  /** Per template segment (the base, then one per open quote): how many ( [ { are open in it. */
  private readonly segments: number[][] = [[0, 0, 0]];
  /** Open brackets and interpolations, quotes excluded: the nesting depth hcl2json would see. */
  depth = 0;

  get isEmpty(): boolean {
    return this.entries.length === 0;
  }

  get inQuote(): boolean {
    return this.entries[this.entries.length - 1] === QUOTE;
  }

  push(opener: number): void {
    this.entries.push(opener);
    if (opener === QUOTE) {
      this.segments.push([0, 0, 0]);
    } else {
      this.segments[this.segments.length - 1][kindOf(opener)]++;
      this.depth++;
    }
  }

  /** Ends the quoted template on top (closed, or cut by a line end). */
  popQuote(): void {
    this.entries.pop();
    this.segments.pop();
  }

  /**
   * Closes the innermost matching opener of the current segment, dropping anything left open inside it.
   * Returns false (and changes nothing) when no opener matches.
   */
  close(closer: number): boolean {
    const counts = this.segments[this.segments.length - 1];
    const kind = kindOf(closer);
    if (counts[kind] === 0) return false;
    while (true) {
      const opener = this.entries.pop()!;
      counts[kindOf(opener)]--;
      this.depth--;
      if (kindOf(opener) === kind) return true;
    }
  }
}
