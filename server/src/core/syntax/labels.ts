// Block labels: quoted strings (with HCL escapes) or bare identifiers.
import { Ch } from './chars';

/** End offset (after the closing quote) of the quoted label starting at `i`; at the line's end when unclosed. */
export function quotedLabelEnd(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === Ch.Quote) return j + 1;
    if (c === Ch.LF) break;
    j += c === Ch.Backslash && text.charCodeAt(j + 1) !== Ch.LF ? 2 : 1;
  }
  // Unclosed: end before the line break (and before the CR of a CRLF).
  const end = Math.min(j, text.length);
  return text.charCodeAt(end - 1) === Ch.CR && end - 1 > i ? end - 1 : end;
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

/** The value of a quoted label's source (with quotes), HCL escapes decoded (\n \r \t \" \\ \uNNNN \UNNNNNNNN). */
export function unquoteLabel(source: string): string {
  const closed = source.length >= 2 && source.endsWith('"') && !isEscapedAt(source, source.length - 1);
  const inner = source.slice(1, closed ? -1 : undefined);
  if (!inner.includes('\\')) return inner;
  return inner.replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/gs, (whole, esc: string) => {
    if (esc.length > 1) {
      const code = parseInt(esc.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return SIMPLE_ESCAPES[esc] ?? whole;
  });
}

/** Whether the char at `i` is preceded by an odd number of backslashes. */
function isEscapedAt(s: string, i: number): boolean {
  let n = 0;
  while (i - 1 - n >= 0 && s.charCodeAt(i - 1 - n) === Ch.Backslash) n++;
  return n % 2 === 1;
}
