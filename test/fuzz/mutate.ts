// Seeded mutations of Terraform text: what an editor sends the engine while someone types, pastes or opens a
// corrupt file. Every operator is deterministic given the PRNG, so a failing case is replayed from its seed.
import { mulberry32 } from '../syntax/scannerGen';

export type Rng = () => number;
export { mulberry32 };

/** Fragments that open or close HCL constructs (strings, templates, heredocs, comments, blocks). */
const FRAGMENTS = ['{', '}', '"', '${', '%{', '<<EOF', '<<-EOF\n', '\nEOF\n', '/*', '*/', '#', '//', '[', ']', '(', ')', '=', ',', '\\', '\n', '\r\n', '\r', '\t'];
/** Characters that stress UTF-16 arithmetic, control handling and the JSON/HCL boundary. */
const ODD_CHARS = ['\u0000', '\u0007', '\u00e9', 'e\u0301', '\u{1F600}', '\uD83D', '\uDE00', '\uFEFF', '\u2028', '\uFFFF', '\u0085', '\u00A0'];

/** Values that stress the model rather than the parser: huge or fractional counts, wrong types, unknowns. */
const ODD_VALUES = ['0', '-1', '1.5', '1e9', '100000000', '99999999999999999999', '"x"', '"3"', 'null', 'true', '[]', '{}', 'var.nope', 'local.nope', 'count.index', 'each.value', 'aws_kinesis_stream.events.arn', '1 / 0', 'range(1024)'];
const META_ARGUMENTS = ['count', 'for_each', 'provider', 'region', 'stream_mode', 'shard_count', 'retention_period', 'encryption_type'];

export interface Mutation {
  name: string;
  apply(text: string, rnd: Rng): string;
}

const int = (rnd: Rng, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: Rng, xs: readonly T[]): T => xs[int(rnd, xs.length)];
const at = (rnd: Rng, text: string): number => int(rnd, text.length + 1);
const insertAt = (text: string, offset: number, s: string): string => text.slice(0, offset) + s + text.slice(offset);

function lines(text: string): string[] {
  return text.split('\n');
}

export const MUTATIONS: readonly Mutation[] = [
  { name: 'truncate', apply: (t, rnd) => t.slice(0, at(rnd, t)) },
  {
    name: 'delete-chars',
    apply: (t, rnd) => {
      const start = at(rnd, t);
      return t.slice(0, start) + t.slice(start + 1 + int(rnd, 12));
    },
  },
  { name: 'insert-fragment', apply: (t, rnd) => insertAt(t, at(rnd, t), pick(rnd, FRAGMENTS)) },
  { name: 'insert-odd-char', apply: (t, rnd) => insertAt(t, at(rnd, t), pick(rnd, ODD_CHARS)) },
  {
    name: 'insert-random-bytes',
    apply: (t, rnd) => insertAt(t, at(rnd, t), String.fromCharCode(...Array.from({ length: 1 + int(rnd, 8) }, () => int(rnd, 0x10000)))),
  },
  {
    name: 'duplicate-chars',
    apply: (t, rnd) => {
      const start = at(rnd, t);
      return insertAt(t, start, t.slice(start, start + 1 + int(rnd, 40)));
    },
  },
  {
    name: 'delete-line',
    apply: (t, rnd) => {
      const ls = lines(t);
      ls.splice(int(rnd, ls.length), 1);
      return ls.join('\n');
    },
  },
  {
    name: 'duplicate-line',
    apply: (t, rnd) => {
      const ls = lines(t);
      const i = int(rnd, ls.length);
      ls.splice(i, 0, ls[i]);
      return ls.join('\n');
    },
  },
  {
    name: 'move-line',
    apply: (t, rnd) => {
      const ls = lines(t);
      const [line] = ls.splice(int(rnd, ls.length), 1);
      ls.splice(int(rnd, ls.length + 1), 0, line);
      return ls.join('\n');
    },
  },
  {
    // Depths below and above the parser's nesting guard (500) and far beyond hcl2json's crash depth (~10,000).
    name: 'deep-nesting',
    apply: (t, rnd) => {
      const depth = pick(rnd, [50, 499, 501, 3000, 20000]);
      const [open, close] = pick(rnd, [['[', ']'], ['(', ')'], ['{', '}'], ['a {\n', '}\n'], ['"${', '}"']]);
      const closed = rnd() < 0.5;
      return insertAt(t, at(rnd, t), open.repeat(depth) + (closed ? close.repeat(depth) : ''));
    },
  },
  { name: 'crlf', apply: (t) => t.replace(/\r?\n/g, '\r\n') },
  {
    name: 'replace-value',
    apply: (t, rnd) => {
      const values = [...t.matchAll(/= *([^\n{]+)/g)];
      if (values.length === 0) return t;
      const m = pick(rnd, values);
      const start = (m.index ?? 0) + m[0].length - m[1].length;
      return t.slice(0, start) + pick(rnd, ODD_VALUES) + t.slice(start + m[1].length);
    },
  },
  {
    name: 'insert-argument',
    apply: (t, rnd) => {
      const opens = [...t.matchAll(/\{\n/g)];
      if (opens.length === 0) return t;
      const offset = (pick(rnd, opens).index ?? 0) + 2;
      return insertAt(t, offset, `  ${pick(rnd, META_ARGUMENTS)} = ${pick(rnd, ODD_VALUES)}\n`);
    },
  },
];

/** One to three mutations; the names say what was done, for the failure message. */
export function mutate(text: string, rnd: Rng): { text: string; steps: string[] } {
  const steps: string[] = [];
  let out = text;
  const n = 1 + int(rnd, 3);
  for (let i = 0; i < n; i++) {
    const m = pick(rnd, MUTATIONS);
    out = m.apply(out, rnd);
    steps.push(m.name);
  }
  return { text: out, steps };
}
