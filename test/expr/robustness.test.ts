// Hostile or broken input never throws and never hangs: parse errors, deep nesting and runaway loops give Unknown.
import { strict as assert } from 'assert';
import { evaluateJson, evaluateSource, referencesOf } from '../../server/src/core/expr/evaluate';
import { EvalFailure, Unknown, Value, isKnown } from '../../server/src/core/expr/values';
import { ctx } from './exprTestUtils';

/** Deterministic PRNG (mulberry32) so a failing input can be reproduced from the seed. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fragments that exercise every parser path, mixed with random characters. */
const PIECES = [
  'var.a', 'var.l', 'var.m', 'var.u', 'each.key', 'aws_kinesis_stream.s', '[', ']', '{', '}', '(', ')', '"', '${', '%{',
  '}', '$${', '%%{', '~', 'if', 'else', 'endif', 'for', 'endfor', ' in ', ':', '=>', '...', '?', '.', '.*', '[*]', ',',
  '=', '+', '-', '*', '/', '%', '==', '!=', '<', '>=', '&&', '||', '!', '0', '1.5', '1e3', 'true', 'null', '\\', '\n',
  '#', '//', '/*', '*/', '<<EOT', 'max(', 'try(', 'can(', 'format("%', 'range(', 'jsondecode(', 'é', '😀', ' ',
];

function garbage(next: () => number): string {
  let s = '';
  const n = Math.floor(next() * 20);
  for (let i = 0; i < n; i++) {
    s += next() < 0.8 ? PIECES[Math.floor(next() * PIECES.length)] : String.fromCharCode(Math.floor(next() * 0x3000));
  }
  return s;
}

function isValue(v: Value): boolean {
  return v === null || ['number', 'string', 'boolean', 'object'].includes(typeof v);
}

describe('expr: robustness', () => {
  it('5,000 random garbage strings never throw (source, JSON value, references)', () => {
    const next = rng(20261126);
    for (let i = 0; i < 5000; i++) {
      const s = garbage(next);
      for (const f of [() => evaluateSource(s, ctx), () => evaluateJson(s, ctx), () => evaluateJson({ [s]: [s] }, ctx)]) {
        let v: Value;
        assert.doesNotThrow(() => (v = f()), `input ${JSON.stringify(s)}`);
        assert.ok(isValue(v!), `input ${JSON.stringify(s)}`);
      }
      assert.doesNotThrow(() => referencesOf([s, { [s]: s }]), `input ${JSON.stringify(s)}`);
    }
  });

  const deep: [string, string][] = [
    ['parentheses', '('.repeat(10000) + '1' + ')'.repeat(10000)],
    ['tuples', '['.repeat(10000) + ']'.repeat(10000)],
    ['objects', '{a = '.repeat(10000) + '1' + '}'.repeat(10000)],
    ['unary minus', '-'.repeat(10000) + '1'],
    ['unclosed brackets', '['.repeat(100000)],
    ['nested templates', '"${'.repeat(5000) + '1' + '}"'.repeat(5000)],
    ['nested %{if}', '"' + '%{if true}'.repeat(5000) + 'x' + '%{endif}'.repeat(5000) + '"'],
    ['a 10,000-term sum', Array(10000).fill('1').join(' + ')],
    ['a 10,000-step traversal', 'var.m' + '.k1'.repeat(10000)],
    ['10,000 chained splats', 'var.l' + '[*]'.repeat(10000)],
  ];
  for (const [name, source] of deep) {
    it(`deep input gives Unknown, not a stack overflow: ${name}`, () => {
      assert.ok(evaluateSource(source, ctx) instanceof Unknown);
      assert.doesNotThrow(() => referencesOf('${' + source + '}'));
    });
  }

  it('nesting within the limit still evaluates', () => {
    assert.equal(evaluateSource('('.repeat(50) + '1' + ')'.repeat(50), ctx), 1);
    assert.deepEqual(evaluateSource('['.repeat(50) + ']'.repeat(50), ctx), JSON.parse('['.repeat(50) + ']'.repeat(50)));
  });

  it('deeply nested JSON values and jsondecode input give Unknown', () => {
    let nested: unknown = 1;
    for (let i = 0; i < 10000; i++) nested = [nested];
    assert.equal(isKnown(evaluateJson(nested, ctx)), false);
    assert.doesNotThrow(() => referencesOf(nested));
    const deepJson = JSON.stringify('['.repeat(5000) + ']'.repeat(5000));
    assert.ok(evaluateSource(`jsondecode(${deepJson})`, ctx) instanceof EvalFailure);
  });

  it('a runaway loop stops at the evaluation budget with Unknown', () => {
    const v = evaluateSource('[for a in range(1000) : [for b in range(1000) : [for c in range(1000) : c]]]', ctx);
    assert.ok(v instanceof Unknown && !(v instanceof EvalFailure));
    // The element budget (evalBudget.ts) or the node budget, whichever is reached first.
    assert.match(v.reason, /too expensive|evaluation budget/);
  });

  it('huge format widths are refused instead of allocating', () => {
    assert.ok(evaluateSource('format("%999999999d", 1)', ctx) instanceof EvalFailure);
  });
});
