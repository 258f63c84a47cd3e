// Tokenizer for strict JSON (RFC 8259). Hand-written rather than JSON.parse because every token keeps its
// offsets: problems in .kinesis-lint.json and price tables must point at the exact characters at fault.
// Offsets are UTF-16 code units, which is also what LSP positions count, so no conversion is needed later.

export type TokenKind = '{' | '}' | '[' | ']' | ':' | ',' | 'string' | 'number' | 'true' | 'false' | 'null' | 'eof';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** Decoded value of a string or number token. */
  value?: string | number;
}

/** A syntax error with the offsets of the bad token (end === start at end of file). */
export class JsonSyntaxError extends Error {
  constructor(message: string, readonly start: number, readonly end: number) {
    super(message);
    // Keeps `instanceof` working when compiled to ES5 (as ts-node does without a tsconfig target).
    Object.setPrototypeOf(this, JsonSyntaxError.prototype);
  }
}

const PUNCTUATION = new Set(['{', '}', '[', ']', ':', ',']);
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
const NUMBER = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const NUMBER_CHAR = /[-+.0-9A-Za-z_]/;
const WORD_CHAR = /[A-Za-z0-9_$]/;

export class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {
    // A byte order mark is not content; editors hide it, so it is skipped like whitespace.
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  next(): Token {
    this.skipWhitespace();
    const { text } = this;
    const start = this.pos;
    if (start >= text.length) return { kind: 'eof', start, end: start };
    const ch = text[start];
    if (PUNCTUATION.has(ch)) {
      this.pos++;
      return { kind: ch as TokenKind, start, end: this.pos };
    }
    if (ch === '"') return this.scanString();
    if (ch === '-' || (ch >= '0' && ch <= '9')) return this.scanNumber();
    if (ch === '/' && (text[start + 1] === '/' || text[start + 1] === '*')) this.failComment();
    if (WORD_CHAR.test(ch)) return this.scanWord();
    if (ch === "'") throw new JsonSyntaxError('strings must be in double quotes', start, start + 1);
    const width = (text.codePointAt(start) ?? 0) > 0xffff ? 2 : 1;
    throw new JsonSyntaxError(`unexpected character "${text.slice(start, start + width)}"`, start, start + width);
  }

  private skipWhitespace(): void {
    while (this.pos < this.text.length && ' \t\n\r'.includes(this.text[this.pos])) this.pos++;
  }

  private scanString(): Token {
    const { text } = this;
    const start = this.pos;
    let value = '';
    let i = start + 1;
    for (;;) {
      if (i >= text.length || text[i] === '\n' || text[i] === '\r') {
        throw new JsonSyntaxError('unterminated string (no closing quote on this line)', start, i);
      }
      const ch = text[i];
      if (ch === '"') break;
      if (ch === '\\') {
        const esc = text[i + 1];
        if (esc === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            throw new JsonSyntaxError('invalid unicode escape (\\u needs four hex digits)', i, i + 2);
          }
          value += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        if (esc === undefined || !(esc in ESCAPES)) {
          throw new JsonSyntaxError(`invalid escape "\\${esc ?? ''}" in string`, i, Math.min(i + 2, text.length));
        }
        value += ESCAPES[esc];
        i += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) {
        const code = ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
        throw new JsonSyntaxError(`control character U+${code} must be escaped in a string`, i, i + 1);
      }
      value += ch;
      i++;
    }
    this.pos = i + 1;
    return { kind: 'string', start, end: this.pos, value };
  }

  private scanNumber(): Token {
    const start = this.pos;
    // Take the whole run of number-like characters so that "01", "1." or "0x1F" is reported as one bad token.
    let i = start + 1;
    while (i < this.text.length && NUMBER_CHAR.test(this.text[i])) i++;
    const raw = this.text.slice(start, i);
    if (!NUMBER.test(raw)) throw new JsonSyntaxError(`invalid number "${raw}"`, start, i);
    this.pos = i;
    return { kind: 'number', start, end: i, value: Number(raw) };
  }

  private scanWord(): Token {
    const start = this.pos;
    let i = start;
    while (i < this.text.length && WORD_CHAR.test(this.text[i])) i++;
    const word = this.text.slice(start, i);
    if (word !== 'true' && word !== 'false' && word !== 'null') {
      throw new JsonSyntaxError(`unexpected word "${word}" (strings need double quotes)`, start, i);
    }
    this.pos = i;
    return { kind: word, start, end: i };
  }

  private failComment(): never {
    const { text } = this;
    const start = this.pos;
    let end: number;
    if (text[start + 1] === '/') {
      end = start;
      while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    } else {
      const close = text.indexOf('*/', start + 2);
      end = close < 0 ? text.length : close + 2;
    }
    throw new JsonSyntaxError('comments are not allowed in JSON', start, end);
  }
}
