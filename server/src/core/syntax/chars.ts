// Character classes of HCL native syntax, on UTF-16 char codes (hclsyntax spec: identifiers are
// ID_Start (ID_Continue | '-')*; newlines are \n or \r\n; whitespace is space and tab).

export const Ch = {
  Tab: 0x09,
  LF: 0x0a,
  CR: 0x0d,
  Space: 0x20,
  Quote: 0x22, // "
  Hash: 0x23, // #
  Dollar: 0x24, // $
  Percent: 0x25, // %
  LParen: 0x28,
  RParen: 0x29,
  Star: 0x2a,
  Minus: 0x2d,
  Slash: 0x2f,
  Less: 0x3c,
  Equals: 0x3d,
  Greater: 0x3e,
  LBracket: 0x5b,
  Backslash: 0x5c,
  RBracket: 0x5d,
  Underscore: 0x5f,
  LBrace: 0x7b,
  RBrace: 0x7d,
  Bom: 0xfeff,
} as const;

/** Whitespace inside a line. A lone CR is not an HCL newline; a BOM is skipped wherever it appears. */
export function isInlineSpace(c: number): boolean {
  return c === Ch.Space || c === Ch.Tab || c === Ch.CR || c === Ch.Bom;
}

function isAsciiIdentStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === Ch.Underscore;
}

function isAsciiIdentPart(c: number): boolean {
  return isAsciiIdentStart(c) || (c >= 0x30 && c <= 0x39) || c === Ch.Minus;
}

// Leading '_' is accepted by Terraform (e.g. `_unused = 1`) although it is not ID_Start.
const UNICODE_IDENT = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;

/** End offset of the identifier starting at `i`, or `i` when none starts there. */
export function identifierEnd(text: string, i: number): number {
  const first = text.charCodeAt(i);
  if (isAsciiIdentStart(first)) {
    let j = i + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (isAsciiIdentPart(c)) j++;
      else if (c < 0x80) return j;
      else break; // non-ASCII continuation: let the Unicode-aware regex decide
    }
    if (j >= text.length) return j;
  } else if (first < 0x80 || Number.isNaN(first)) {
    return i;
  }
  UNICODE_IDENT.lastIndex = i;
  return UNICODE_IDENT.test(text) ? UNICODE_IDENT.lastIndex : i;
}

/** Offset of the first char at or after `i` that is not inline whitespace. */
export function skipInlineSpace(text: string, i: number): number {
  while (i < text.length && isInlineSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset of the next '\n' at or after `i`, or text.length. */
export function lineEnd(text: string, i: number): number {
  const nl = text.indexOf('\n', i);
  return nl < 0 ? text.length : nl;
}

/** Moves `end` back over inline whitespace, not before `floor`. */
export function trimEnd(text: string, end: number, floor: number): number {
  while (end > floor && isInlineSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Whether `text` is exactly one identifier (a valid heredoc marker). */
export function isIdentifier(text: string): boolean {
  return text.length > 0 && identifierEnd(text, 0) === text.length;
}
