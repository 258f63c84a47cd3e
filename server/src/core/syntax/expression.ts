// Skips one HCL expression (an attribute value, or a garbage line) without building a tree. Nesting is
// kept on an explicit stack, so 100k nested brackets cannot overflow the JS stack.
import { BracketStack, INTERP, QUOTE } from './bracketStack';
import { Ch, identifierEnd, isInlineSpace, trimEnd } from './chars';
import { heredocOpeningAt } from './heredoc';
import { endsOpenExpression, equalsFollows } from './recovery';
import type { ScanContext } from './scanContext';

export interface ScannedExpression {
  /** Where scanning stopped: the '\n' ending the expression, a '}' closing the enclosing block, or EOF. */
  stop: number;
  /** Start of the first token, or -1 when the expression is empty (comments do not count). */
  first: number;
  /** End of the last token (trailing whitespace and comments excluded). */
  last: number;
}

/**
 * Scans from `start` to the end of an expression: a newline outside brackets, a '}' that closes no
 * bracket of this expression, or EOF. `itemIndent` is the indentation of the line holding the attribute
 * (used only by the recovering pass); `baseDepth` the number of enclosing blocks.
 */
export function scanExpression(ctx: ScanContext, start: number, itemIndent: number, baseDepth: number): ScannedExpression {
  const text = ctx.text;
  const len = text.length;
  const stack = new BracketStack();
  let first = -1;
  let last = start;
  let pos = start;
  const token = (from: number, to: number): void => {
    if (first < 0) first = from;
    last = to;
  };
  const push = (opener: number): void => {
    stack.push(opener);
    ctx.noteDepth(baseDepth + stack.depth);
  };

  while (pos < len) {
    const c = text.charCodeAt(pos);
    if (stack.inQuote) {
      // Inside a quoted template.
      if (c === Ch.LF) {
        // HCL strings cannot span lines: the string is unclosed; end it here and let code mode see the '\n'.
        stack.popQuote();
        last = Math.max(first, trimEnd(text, pos, first));
        continue;
      }
      const next = text.charCodeAt(pos + 1);
      if (c === Ch.Backslash) pos += next === Ch.LF ? 1 : 2;
      else if (c === Ch.Quote) {
        stack.popQuote();
        pos++;
      } else if ((c === Ch.Dollar || c === Ch.Percent) && next === c && text.charCodeAt(pos + 2) === Ch.LBrace) {
        pos += 3; // `$${` and `%%{` are literal text
      } else if ((c === Ch.Dollar || c === Ch.Percent) && next === Ch.LBrace) {
        push(INTERP);
        pos += 2;
      } else pos++;
      last = pos;
      continue;
    }
    switch (c) {
      case Ch.LF:
        if (stack.isEmpty) return { stop: pos, first, last };
        if (ctx.recovering && endsOpenExpression(ctx, pos + 1, itemIndent)) return { stop: pos, first, last };
        pos++;
        continue;
      case Ch.Hash:
      case Ch.Slash: {
        const end = ctx.comment(pos);
        if (end >= 0) {
          pos = end;
          continue;
        }
        break;
      }
      case Ch.Quote:
        token(pos, pos + 1);
        stack.push(QUOTE);
        pos++;
        continue;
      case Ch.LParen:
      case Ch.LBracket:
      case Ch.LBrace:
        token(pos, pos + 1);
        push(c);
        pos++;
        continue;
      case Ch.RParen:
      case Ch.RBracket:
      case Ch.RBrace: {
        if (!stack.close(c) && c === Ch.RBrace) {
          // Closes no bracket of ours: it belongs to the enclosing block. Brackets left open mean a broken
          // file whose open value may have swallowed items: worth a recovering pass.
          if (!stack.isEmpty) ctx.needsRecovery = true;
          return { stop: pos, first, last };
        }
        token(pos, pos + 1); // an unmatched ')' or ']' is kept as a garbage token
        pos++;
        continue;
      }
      case Ch.Less:
        if (text.charCodeAt(pos + 1) === Ch.Less) {
          const opening = heredocOpeningAt(text, pos);
          if (opening) {
            const end = ctx.heredocs.closingEnd(opening);
            // Unterminated: keep just the `<<ID` so the following lines are still scanned.
            token(pos, end ?? trimEnd(text, opening.newline, pos));
            pos = end ?? opening.newline;
            continue;
          }
        }
        break;
      default:
        if (isInlineSpace(c)) {
          pos++;
          continue;
        }
        if (first >= 0 && stack.isEmpty && isInlineSpace(text.charCodeAt(pos - 1))) {
          // `type = number default = 2`: valid HCL never has `IDENT =` after a space outside brackets, so a
          // new attribute starts here (as tree-sitter reads it; hcl2json reports the missing newline).
          const nameEnd = identifierEnd(text, pos);
          if (nameEnd > pos) {
            if (equalsFollows(text, nameEnd)) return { stop: pos, first, last };
            token(pos, nameEnd);
            pos = nameEnd;
            continue;
          }
        }
    }
    token(pos, pos + 1);
    pos++;
  }
  if (!stack.isEmpty) ctx.needsRecovery = true;
  return { stop: pos, first, last };
}

