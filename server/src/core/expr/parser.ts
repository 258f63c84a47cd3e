// Recursive-descent parser for HCL native expressions (hashicorp/hcl hclsyntax grammar, Terraform subset).
import type { BinaryOp, Node } from './ast';
import { atFor, parseFor, parseObject, parseTuple } from './parseCollections';
import { parsePostfix } from './parseTraversal';
import { MAX_DEPTH } from './limits';
import { ParseError, Scanner } from './scanner';
import { readTemplate, templateNode } from './template';

/** HCL operator precedence, higher binds tighter (hclsyntax/operation.go). All are left-associative. */
const PRECEDENCE: Record<BinaryOp, number> = {
  '||': 1, '&&': 2, '==': 3, '!=': 3, '<': 4, '<=': 4, '>': 4, '>=': 4, '+': 5, '-': 5, '*': 6, '/': 6, '%': 6,
};

export class Parser {
  readonly s: Scanner;
  private depth = 0;
  /** Inside `{ … }` object constructors a newline ends an item; inside ( ) [ ] ${ } it is plain whitespace. */
  private newlineEnds = false;

  constructor(src: string) {
    this.s = new Scanner(src);
  }

  /** A whole expression; trailing tokens are an error. */
  static expression(src: string): Node {
    const p = new Parser(src);
    const node = p.parseExpression();
    const rest = p.s.peek();
    if (rest.type !== 'eof') throw new ParseError(`unexpected "${rest.text}" at ${rest.start}`);
    return node;
  }

  /** A string value from hcl2json: a template whose literal text has its backslash escapes already decoded. */
  static jsonTemplate(src: string): Node {
    return templateNode(readTemplate(new Parser(src), false));
  }

  parseExpression(): Node {
    return this.nested(() => this.parseConditional());
  }

  /** Runs f with newlines significant (object bodies) or not (everything else), restoring the outer mode. */
  withNewlines<T>(significant: boolean, f: () => T): T {
    const outer = this.newlineEnds;
    this.newlineEnds = significant;
    try {
      return f();
    } finally {
      this.newlineEnds = outer;
    }
  }

  nested<T>(f: () => T): T {
    if (++this.depth > MAX_DEPTH) throw new ParseError(`expression nested deeper than ${MAX_DEPTH} levels`);
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  nextIs(text: string): boolean {
    const t = this.s.peek();
    return t.type === 'punct' && t.text === text;
  }

  /** The next token is the punctuation `text` and continues the current expression (not after an item-ending newline). */
  continues(text: string): boolean {
    return this.nextIs(text) && !(this.newlineEnds && this.s.peek().newlineBefore);
  }

  private parseConditional(): Node {
    const cond = this.parseBinary(1);
    if (!this.continues('?')) return cond;
    this.s.next();
    const then = this.parseExpression();
    this.s.expect(':');
    return { kind: 'conditional', cond, then, else: this.parseExpression() };
  }

  /** Precedence climbing: loops for left-associative chains, recursion only per precedence level. */
  private parseBinary(minPrecedence: number): Node {
    let left = this.parseUnary();
    for (;;) {
      const t = this.s.peek();
      const prec = t.type === 'punct' ? PRECEDENCE[t.text as BinaryOp] : undefined;
      if (prec === undefined || prec < minPrecedence || (this.newlineEnds && t.newlineBefore)) return left;
      this.s.next();
      const right = this.parseBinary(prec + 1);
      left = { kind: 'binary', op: t.text as BinaryOp, left, right };
    }
  }

  private parseUnary(): Node {
    const t = this.s.peek();
    if (t.type === 'punct' && (t.text === '-' || t.text === '!')) {
      this.s.next();
      const operand = this.nested(() => this.parseUnary());
      return { kind: 'unary', op: t.text, operand };
    }
    return parsePostfix(this, this.parsePrimary());
  }

  private parsePrimary(): Node {
    const t = this.s.next();
    switch (t.type) {
      case 'number':
        return { kind: 'literal', value: Number(t.text) };
      case 'quote':
        return templateNode(readTemplate(this, true));
      case 'ident':
        return this.parseName(t.text);
      case 'punct':
        if (t.text === '(') return this.inner(')', () => this.parseExpression());
        if (t.text === '[') return this.inner(']', () => (atFor(this) ? parseFor(this, false) : parseTuple(this)));
        if (t.text === '{') return atFor(this) ? this.inner('}', () => parseFor(this, true)) : parseObject(this);
        break;
      case 'heredoc':
        throw new ParseError('heredoc expressions are not supported here');
    }
    throw new ParseError(`unexpected "${t.text}" at ${t.start}`);
  }

  /** Parses f with newlines ignored, then the closing bracket. */
  inner(close: string, f: () => Node): Node {
    const node = this.withNewlines(false, f);
    this.s.expect(close);
    return node;
  }

  private parseName(name: string): Node {
    if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true' };
    if (name === 'null') return { kind: 'literal', value: null };
    let fn = name;
    while (this.s.accept('::')) fn += '::' + this.expectIdent();
    if (fn !== name || this.continues('(')) return this.parseCall(fn);
    return { kind: 'scope', root: name, steps: [] };
  }

  private parseCall(name: string): Node {
    this.s.expect('(');
    return this.withNewlines(false, () => {
      const args: Node[] = [];
      let expandLast = false;
      while (!this.s.accept(')')) {
        args.push(this.parseExpression());
        expandLast = this.s.accept('...');
        if (!this.s.accept(',') || expandLast) {
          this.s.expect(')');
          break;
        }
      }
      return { kind: 'call', name, args, expandLast };
    });
  }

  /** `x in` or `k, v in`; shared with the template `%{for}` directive. */
  parseForVariables(): [string | undefined, string] {
    const first = this.expectIdent();
    const second = this.s.accept(',') ? this.expectIdent() : undefined;
    const kw = this.s.next();
    if (kw.type !== 'ident' || kw.text !== 'in') throw new ParseError(`expected "in" at ${kw.start}`);
    return second === undefined ? [undefined, first] : [first, second];
  }

  expectIdent(): string {
    const t = this.s.next();
    if (t.type !== 'ident') throw new ParseError(`expected a name at ${t.start}, found "${t.text}"`);
    return t.text;
  }
}
