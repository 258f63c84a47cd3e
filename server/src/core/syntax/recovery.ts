// Error recovery for the second pass (see scanner.ts): an expression left open (an unclosed `[`, `{`,
// `(` or `${`) must not swallow the rest of the file. Indentation tells where the author meant it to end.
import { Ch, identifierEnd, skipInlineSpace } from './chars';
import { quotedLabelEnd } from './labels';
import type { ScanContext } from './scanContext';

/**
 * Whether the line starting at `lineStart` ends an expression that is still open there, given the
 * indentation of the line where that expression's attribute starts:
 * - `IDENT =` or `IDENT ["label"|ident]* {` indented no deeper than the attribute (a new body item), or
 * - `}` indented less than the attribute (the enclosing block's close).
 */
export function endsOpenExpression(ctx: ScanContext, lineStart: number, itemIndent: number): boolean {
  const text = ctx.text;
  const indent = ctx.indentFrom(lineStart);
  const first = lineStart + indent;
  if (text.charCodeAt(first) === Ch.RBrace) return indent < itemIndent;
  if (indent > itemIndent) return false;
  return startsItem(text, first);
}

/** Whether `IDENT =` or `IDENT labels {` starts at `i`. */
export function startsItem(text: string, i: number): boolean {
  const nameEnd = identifierEnd(text, i);
  if (nameEnd === i) return false;
  if (equalsFollows(text, nameEnd)) return true;
  let j = skipInlineSpace(text, nameEnd);
  while (true) {
    const c = text.charCodeAt(j);
    if (c === Ch.LBrace) return true;
    let next: number;
    if (c === Ch.Quote) next = quotedLabelEnd(text, j);
    else next = identifierEnd(text, j);
    if (next === j) return false;
    j = skipInlineSpace(text, next);
  }
}

/** Whether an attribute's `=` (not `==` or `=>`) follows `nameEnd`, after inline space. */
export function equalsFollows(text: string, nameEnd: number): boolean {
  const j = skipInlineSpace(text, nameEnd);
  if (text.charCodeAt(j) !== Ch.Equals) return false;
  const next = text.charCodeAt(j + 1);
  return next !== Ch.Equals && next !== Ch.Greater;
}
