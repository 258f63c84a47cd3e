// Shared fixtures for the expression tests: a context with known, unknown and apply-time names, and a normaliser
// that turns Unknown/EvalFailure/Reference into plain markers so whole results can be compared with deepEqual.
import { strict as assert } from 'assert';
import { EvalContext, Step, applySteps, evaluateJson, evaluateSource } from '../../server/src/core/expr/evaluate';
import { EvalFailure, Reference, Unknown, Value } from '../../server/src/core/expr/values';

/** An Unknown that is not a failure (the value may exist, we just cannot know it). */
export const UNKNOWN = { $: 'unknown' };
/** An Unknown that Terraform would report as an error. */
export const FAILURE = { $: 'failure' };
export const ref = (...path: (string | number)[]) => ({ $ref: path });

export const VARS: Record<string, Value> = {
  a: 3,
  s: 'x',
  n_str: '2',
  t: true,
  f: false,
  nothing: null,
  empty: '',
  l: ['a', 'b'],
  nums: [3, 1, 2],
  m: { k1: 1, k2: 2 },
  objs: [{ id: 1, tags: ['t1'] }, { id: 2, tags: ['t2'] }],
  u: new Unknown('variable has no default'),
  ul: [1, new Unknown('element not known')],
  shards: 4,
};

export const LOCALS: Record<string, Value> = {
  x: 6,
  streams: { a: { shards: 1 }, b: { shards: 2 } },
};

/** Every resolve call, so tests can check which steps reached the context. */
export const calls: { root: string; steps: Step[] }[] = [];

export function makeContext(each: { key: Value; value: Value } = { key: 'a', value: 'alpha' }): EvalContext {
  return {
    resolve(root, steps) {
      calls.push({ root, steps });
      const [first, ...rest] = steps;
      switch (root) {
        case 'var':
        case 'local': {
          const table = root === 'var' ? VARS : LOCALS;
          if (typeof first !== 'string') return first instanceof Unknown ? first : undefined;
          return first in table ? applySteps(table[first], rest) : new Unknown(`undeclared ${root}.${first}`);
        }
        case 'each': return applySteps(each as Value, steps);
        case 'count': return applySteps({ index: 1 }, steps);
        case 'aws_kinesis_stream':
        case 'data':
        case 'module':
          return applySteps(new Reference([root]), steps);
        default:
          return undefined;
      }
    },
  };
}

export const ctx = makeContext();

export function norm(v: Value): unknown {
  if (v instanceof EvalFailure) return FAILURE;
  if (v instanceof Unknown) return UNKNOWN;
  if (v instanceof Reference) return { $ref: v.path };
  if (Array.isArray(v)) return v.map(norm);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v).map((k) => [k, norm((v as Record<string, Value>)[k])]));
  }
  return v;
}

export const src = (source: string, c: EvalContext = ctx): unknown => norm(evaluateSource(source, c));
export const json = (value: unknown, c: EvalContext = ctx): unknown => norm(evaluateJson(value, c));

/** One `it` per row: evaluating `source` gives `expected` (after norm). */
export function table(rows: [string, unknown][], c: EvalContext = ctx): void {
  for (const [source, expected] of rows) {
    it(`${source}  →  ${JSON.stringify(expected)}`, () => assert.deepEqual(src(source, c), expected));
  }
}

/** The reason of an Unknown result, for tests that check messages. */
export function reasonOf(source: string, c: EvalContext = ctx): string {
  const v = evaluateSource(source, c);
  assert.ok(v instanceof Unknown, `expected Unknown, got ${JSON.stringify(v)}`);
  return v.reason;
}
