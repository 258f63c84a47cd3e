// On-demand tokenizer for HCL native expressions. The parser drives it position by position because HCL is modal:
// inside a quoted template the parser reads raw characters itself, and resumes tokens at `${`.

export type TokenType = 'ident' | 'number' | 'quote' | 'punct' | 'heredoc' | 'eof' | 'invalid';

export interface Token {
  type: TokenType;
  text: string;
  start: number;
  end: number;
  /** A newline (or a comment ending in one) separates this token from the previous one. */
  newlineBefore: boolean;
}

/** HCL identifiers: Unicode ID_Start (or `_`) then ID_Continue or `-` (Terraform allows dashes in names). */
const IDENT = /[\p{ID_Start}_][\p{ID_Continue}_-]*/uy;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const DIGITS = /[0-9]+/y;
/** Longest first, so `==` wins over `=`. */
const PUNCTUATION = [
  '...', '=>', '==', '!=', '<=', '>=', '&&', '||', '::',
  '(', ')', '[', ']', '{', '}', ',', '.', ':', '?', '=', '<', '>', '+', '-', '*', '/', '%', '!', '~',
];

export class ParseError extends Error {}

export class Scanner {
  constructor(readonly src: string, public pos = 0) {}

  /** The next token after whitespace and comments, without consuming it. */
  peek(): Token {
    const { pos, newline } = this.skipTrivia(this.pos);
    return this.tokenAt(pos, newline);
  }

  next(): Token {
    const t = this.peek();
    this.pos = t.end;
    return t;
  }

  /** Consumes the punctuation `text` or throws. */
  expect(text: string): Token {
    const t = this.next();
    if (t.type !== 'punct' || t.text !== text) throw new ParseError(`expected "${text}" at ${t.start}, found "${t.text}"`);
    return t;
  }

  /** Consumes `text` when it is the next token. */
  accept(text: string): boolean {
    const t = this.peek();
    if (t.type !== 'punct' || t.text !== text) return false;
    this.pos = t.end;
    return true;
  }

  /** Digits only, right at the cursor: the `0` of legacy `list.0.1` must not be read as the number `0.1`. */
  readDigits(): string | undefined {
    const { pos } = this.skipTrivia(this.pos);
    DIGITS.lastIndex = pos;
    const m = DIGITS.exec(this.src);
    if (!m) return undefined;
    this.pos = pos + m[0].length;
    return m[0];
  }

  private tokenAt(start: number, newlineBefore: boolean): Token {
    const src = this.src;
    const make = (type: TokenType, end: number): Token => ({ type, text: src.slice(start, end), start, end, newlineBefore });
    if (start >= src.length) return make('eof', start);
    const c = src[start];
    if (c === '"') return make('quote', start + 1);
    if (src.startsWith('<<', start)) return make('heredoc', start + 2);
    for (const [re, type] of [[NUMBER, 'number'], [IDENT, 'ident']] as const) {
      re.lastIndex = start;
      const m = re.exec(src);
      if (m) return make(type, start + m[0].length);
    }
    const p = PUNCTUATION.find((s) => src.startsWith(s, start));
    return p ? make('punct', start + p.length) : make('invalid', start + 1);
  }

  /** Skips spaces, newlines and the three comment forms; reports whether a newline was crossed. */
  private skipTrivia(from: number): { pos: number; newline: boolean } {
    const src = this.src;
    let pos = from;
    let newline = false;
    while (pos < src.length) {
      const c = src[pos];
      if (c === '\n') {
        newline = true;
        pos++;
      } else if (c === ' ' || c === '\t' || c === '\r') {
        pos++;
      } else if (c === '#' || src.startsWith('//', pos)) {
        const end = src.indexOf('\n', pos);
        pos = end < 0 ? src.length : end;
      } else if (src.startsWith('/*', pos)) {
        const end = src.indexOf('*/', pos + 2);
        if (end < 0) throw new ParseError('unterminated comment');
        if (src.slice(pos, end).includes('\n')) newline = true;
        pos = end + 2;
      } else {
        break;
      }
    }
    return { pos, newline };
  }
}
