// Template text: literal runs, `${…}` interpolations and `%{if}`/`%{for}` directives, with `~` strip markers.
// Two flavours: quoted templates in source ("…", backslash escapes, ends at the quote) and hcl2json string values
// (escapes already decoded, ends with the string). `$${` and `%%{` stay escaped in both (reference/parsing.md §1).
import type { Node, TemplatePart } from './ast';
import type { Parser } from './parser';
import { ParseError } from './scanner';

/** Reads a template starting at the parser's cursor (just after the opening quote when `quoted`). */
export function readTemplate(p: Parser, quoted: boolean): TemplatePart[] {
  const { parts, end } = new TemplateReader(p, quoted).sequence([]);
  if (end !== undefined) throw new ParseError(`unexpected %{${end}}`);
  return parts;
}

/** HCL returns the value of a template that is exactly one interpolation unconverted (`"${var.n}"` stays a number). */
export function templateNode(parts: TemplatePart[]): Node {
  if (parts.length === 0) return { kind: 'literal', value: '' };
  const [only] = parts;
  if (parts.length === 1 && only.kind === 'text') return { kind: 'literal', value: only.text };
  if (parts.length === 1 && only.kind === 'interp') return only.expr;
  return { kind: 'template', parts };
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };

class TemplateReader {
  /** Set by a closing `~}`: the next literal loses its leading whitespace. */
  private stripNext = false;

  constructor(private readonly p: Parser, private readonly quoted: boolean) {}

  /** Reads parts until the end of the template or one of the `stops` directives (else/endif/endfor). */
  sequence(stops: string[]): { parts: TemplatePart[]; end: string | undefined } {
    const src = this.p.s.src;
    const parts: TemplatePart[] = [];
    let text = '';
    const flush = (stripEnd: boolean): void => {
      if (this.stripNext) text = text.trimStart();
      if (stripEnd) text = text.trimEnd();
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      this.stripNext = false;
    };
    for (;;) {
      const pos = this.p.s.pos;
      if (pos >= src.length) {
        if (this.quoted) throw new ParseError('unterminated string');
        flush(false);
        return { parts, end: undefined };
      }
      const c = src[pos];
      if (this.quoted && c === '"') {
        this.p.s.pos = pos + 1;
        flush(false);
        return { parts, end: undefined };
      }
      if (src.startsWith('$${', pos) || src.startsWith('%%{', pos)) {
        text += src[pos] + '{';
        this.p.s.pos = pos + 3;
      } else if (src.startsWith('${', pos) || src.startsWith('%{', pos)) {
        const strip = src[pos + 2] === '~';
        this.p.s.pos = pos + (strip ? 3 : 2);
        flush(strip);
        if (c === '$') {
          parts.push({ kind: 'interp', expr: this.inner(() => this.p.parseExpression()) });
        } else {
          const end = this.directive(parts, stops);
          if (end !== undefined) return { parts, end };
        }
      } else if (this.quoted && c === '\\') {
        text += this.escape(pos);
      } else if (this.quoted && c === '\n') {
        throw new ParseError('newline in a quoted string');
      } else {
        text += c;
        this.p.s.pos = pos + 1;
      }
    }
  }

  /** Parses a directive after `%{`; returns its keyword when it closes the current sequence. */
  private directive(parts: TemplatePart[], stops: string[]): string | undefined {
    const keyword = this.p.expectIdent();
    if (keyword === 'if') {
      const cond = this.inner(() => this.p.parseExpression());
      const then = this.p.nested(() => this.sequence(['else', 'endif']));
      const other = then.end === 'else' ? this.p.nested(() => this.sequence(['endif'])) : { parts: [], end: 'endif' };
      if (other.end !== 'endif') throw new ParseError('missing %{endif}');
      parts.push({ kind: 'if', cond, then: then.parts, else: other.parts });
      return undefined;
    }
    if (keyword === 'for') {
      const [keyVar, valueVar] = this.p.parseForVariables();
      const collection = this.inner(() => this.p.parseExpression());
      const body = this.p.nested(() => this.sequence(['endfor']));
      if (body.end !== 'endfor') throw new ParseError('missing %{endfor}');
      parts.push({ kind: 'for', keyVar, valueVar, collection, body: body.parts });
      return undefined;
    }
    if (!stops.includes(keyword)) throw new ParseError(`unexpected %{${keyword}}`);
    this.close();
    return keyword;
  }

  /** Parses an expression inside `${ }` / `%{ }` (newlines are whitespace there), then the closing brace. */
  private inner(parse: () => Node): Node {
    const node = this.p.withNewlines(false, parse);
    this.close();
    return node;
  }

  private close(): void {
    if (this.p.s.accept('~')) this.stripNext = true;
    this.p.s.expect('}');
  }

  private escape(pos: number): string {
    const src = this.p.s.src;
    const c = src[pos + 1];
    if (c !== undefined && c in ESCAPES) {
      this.p.s.pos = pos + 2;
      return ESCAPES[c];
    }
    const width = c === 'u' ? 4 : c === 'U' ? 8 : 0;
    const hex = src.slice(pos + 2, pos + 2 + width);
    if (width === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== width) {
      throw new ParseError(`invalid escape at ${pos}`);
    }
    const code = parseInt(hex, 16);
    if (code > 0x10ffff) throw new ParseError(`invalid escape at ${pos}`);
    this.p.s.pos = pos + 2 + width;
    return String.fromCodePoint(code);
  }
}
