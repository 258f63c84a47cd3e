// Seeded generator of random *valid* HCL for the differential test: every construct the scanner must
// survive (escapes, interpolations, directives, heredocs, comments with braces, Unicode, CRLF, tabs).

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const IDENTS = ['shard_count', 'name', 'tags', 'x', 'a-b', '_u', 'ключ', '键', 'stream_mode', 'for_each', 'Ü1'];
const TEXTS = ['abc', 'é😀', 'e\u0301', '👨‍👩‍👧', '🇩🇪', '{ }', '# no', '// no', '/* no */', 'x = 1', '\\"q\\"', '\\\\', '\\n', '$${lit}', '%%{lit}', '$x', '%d', '\\u00e9'];
const COMMENT_TEXTS = ['plain', 'resource "aws_kinesis_stream" "x" {', '}', '"', '{ a = 1 }', 'é😀 ü', '*', '/'];

export class HclGen {
  private readonly rnd: () => number;
  constructor(seed: number, private readonly eol: string, private readonly unit: string) {
    this.rnd = mulberry32(seed);
  }

  file(): string {
    return this.body(0, '') + (this.chance(0.5) ? this.comment('#') : '');
  }

  private pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rnd() * xs.length)];
  }
  private chance(p: number): boolean {
    return this.rnd() < p;
  }
  private ident(): string {
    return this.pick(IDENTS);
  }
  private comment(style = this.pick(['#', '//', '/*'])): string {
    const t = this.pick(COMMENT_TEXTS);
    if (style !== '/*') return `${style} ${t}`;
    return this.chance(0.3) ? `/* ${t}${this.eol}  ${t} */` : `/* ${t} */`;
  }
  private lineEnd(): string {
    return (this.chance(0.25) ? ` ${this.comment()}` : '') + this.eol;
  }

  private body(depth: number, indent: string): string {
    let out = '';
    const n = Math.floor(this.rnd() * (depth === 0 ? 6 : 4));
    const name = (i: number): string => `${this.ident()}${i}`; // unique per body: HCL rejects redefinitions
    for (let i = 0; i < n; i++) {
      if (this.chance(0.15)) out += indent + this.comment() + this.eol;
      if (this.chance(0.1)) out += this.eol;
      if (depth < 3 && this.chance(0.4)) out += this.block(depth, indent);
      else if (this.chance(0.1)) out += `${indent}${name(i)} = ${this.heredoc(indent)}${this.eol}`;
      else out += `${indent}${name(i)} = ${this.expr(2, indent)}${this.lineEnd()}`;
    }
    return out;
  }

  private block(depth: number, indent: string): string {
    const labels = Array.from({ length: Math.floor(this.rnd() * 3) }, () =>
      this.chance(0.7) ? `"${this.pick(['aws_kinesis_stream', 'events', 'é😀', 'a\\"b', ''])}"` : this.ident(),
    );
    const head = [this.ident(), ...labels].join(' ');
    if (this.chance(0.2)) {
      const inner = this.chance(0.5) ? `${this.ident()} = ${this.inlineExpr(1)}` : '';
      return `${indent}${head} {${inner ? ` ${inner} ` : ''}}${this.eol}`;
    }
    const inner = indent + this.unit;
    return `${indent}${head} {${this.lineEnd()}${this.body(depth + 1, inner)}${indent}}${this.eol}`;
  }

  /** An expression that may span lines (inside brackets). */
  private expr(budget: number, indent: string): string {
    if (budget > 0 && this.chance(0.2)) {
      const inner = indent + this.unit;
      const items = Array.from({ length: 1 + Math.floor(this.rnd() * 3) }, () => this.expr(budget - 1, inner));
      if (this.chance(0.5)) return `[${this.eol}${items.map((e) => `${inner}${e},${this.lineEnd()}`).join('')}${indent}]`;
      const pairs = items.map((e, i) => `${inner}${this.chance(0.5) ? `${this.ident()}${i}` : `"k${i}"`} = ${e}${this.lineEnd()}`);
      return `{${this.eol}${pairs.join('')}${indent}}`;
    }
    return this.inlineExpr(budget);
  }

  private inlineExpr(budget: number): string {
    const leaf = (): string => this.pick(['1', '-2.5e3', 'true', 'null', 'var.x', 'a.b[0].c', 'aws_x.y[*].id', this.template(budget)]);
    if (budget <= 0) return leaf();
    const e = (): string => this.inlineExpr(budget - 1);
    switch (Math.floor(this.rnd() * 9)) {
      case 0: return `f(${e()}, ${e()})`;
      case 1: return `[${e()}, ${e()}]`;
      case 2: return `{ ${this.ident()}0 = ${e()}, "k" = ${e()} }`;
      case 3: return `(${e()} ? ${e()} : ${e()})`;
      case 4: return `(${e()} + ${e()})`;
      case 5: return `[for v in (${e()}) : v if v != (${e()})]`;
      case 6: return `{ for k, v in (${e()}) : k => v }`;
      case 7: return `${e()} /* ${this.pick(COMMENT_TEXTS)} */ * 2`;
      default: return leaf();
    }
  }

  private template(budget: number): string {
    let s = '"';
    const parts = Math.floor(this.rnd() * 4);
    for (let i = 0; i < parts; i++) {
      if (budget > 0 && this.chance(0.25)) s += `\${${this.inlineExpr(budget - 1)}}`;
      else if (budget > 0 && this.chance(0.1)) s += `%{ if ${this.inlineExpr(0)} }${this.pick(TEXTS)}%{ endif }`;
      else s += this.pick(TEXTS);
    }
    return s + '"';
  }

  private heredoc(indent: string): string {
    const marker = this.pick(['EOT', 'END', 'POLICY']);
    const flush = this.chance(0.5) ? '-' : '';
    const lines = ['}', 'shard_count = 1000', `resource "x" "y" {`, '  ${var.x} { "', `${marker}x`, '# c', 'é😀'];
    const content = Array.from({ length: Math.floor(this.rnd() * 4) }, () => `${flush ? indent + this.unit : ''}${this.pick(lines)}${this.eol}`);
    return `<<${flush}${marker}${this.eol}${content.join('')}${flush ? indent : ''}${marker}`;
  }
}
