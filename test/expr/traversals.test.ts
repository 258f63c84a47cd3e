import { strict as assert } from 'assert';
import { applySteps, evaluateSource } from '../../server/src/core/expr/evaluate';
import { EvalFailure, Reference, Unknown } from '../../server/src/core/expr/values';
import { FAILURE, UNKNOWN, calls, makeContext, norm, ref, src, table } from './exprTestUtils';

describe('expr: attribute and index access', () => {
  table([
    ['var.l[1]', 'b'],
    ['var.l["1"]', 'b'],
    ['var.l.0', 'a'],
    ['var.objs.1.tags.0', 't2'],
    ['var.objs[0].id', 1],
    ['var.m.k1', 1],
    ['var.m["k2"]', 2],
    ['local.streams.a.shards', 1],
    ['local.streams["b"]["shards"]', 2],
    ['{"1" = "x"}[1]', 'x'],
    ['{a = {b = 1}}.a.b', 1],
    ['[[1, 2], [3]][1][0]', 3],
    ['var.m[true ? "k1" : "k2"]', 1],
    ['count.index', 1],
    ['each.key', 'a'],
    ['each.value', 'alpha'],
    // Terraform would reject these; we stay silent (failure = unknown with a reason).
    ['var.l[2]', FAILURE],
    ['var.l[-1]', FAILURE],
    ['var.l[0.5]', FAILURE],
    ['var.l.name', FAILURE],
    ['var.m.nope', FAILURE],
    ['var.a.b', FAILURE],
    ['var.nothing.x', FAILURE],
    ['var.l[null]', FAILURE],
    ['var.l[[0]]', FAILURE],
    ['var.ul[1]', UNKNOWN],
    ['var.ul[0]', 1],
    ['var.m[var.u]', UNKNOWN],
    ['var.undeclared', UNKNOWN],
    ['unknown_root.x', UNKNOWN],
    ['(var.objs)[1].id', 2],
    ['lookup(local.streams, "a").shards', 1],
  ]);
});

describe('expr: references to apply-time values', () => {
  table([
    ['aws_kinesis_stream.events.arn', ref('aws_kinesis_stream', 'events', 'arn')],
    ['aws_kinesis_stream.s[0].arn', ref('aws_kinesis_stream', 's', 0, 'arn')],
    ['aws_kinesis_stream.s["a"].arn', ref('aws_kinesis_stream', 's', 'a', 'arn')],
    ['aws_kinesis_stream.s[each.key].arn', ref('aws_kinesis_stream', 's', 'a', 'arn')],
    ['aws_kinesis_stream.s[count.index].arn', ref('aws_kinesis_stream', 's', 1, 'arn')],
    ['data.aws_kms_key.k.arn', ref('data', 'aws_kms_key', 'k', 'arn')],
    ['module.m.stream_arn', ref('module', 'm', 'stream_arn')],
    ['[aws_kinesis_stream.a.arn, "x"]', [ref('aws_kinesis_stream', 'a', 'arn'), 'x']],
    ['(aws_kinesis_stream.a).arn', ref('aws_kinesis_stream', 'a', 'arn')],
    ['aws_kinesis_stream.s[var.u].arn', UNKNOWN],
    ['aws_kinesis_stream.s[*].arn', UNKNOWN],
  ]);

  it('passes the evaluated static steps to the context', () => {
    calls.length = 0;
    evaluateSource('aws_kinesis_stream.s[each.key].arn', makeContext());
    assert.deepEqual(calls.map((c) => [c.root, c.steps]), [
      ['each', ['key']],
      ['aws_kinesis_stream', ['s', 'a', 'arn']],
    ]);
  });

  it('with each.key unknown, the step reaches the context as Unknown and the result is unknown', () => {
    const c = makeContext({ key: new Unknown('for_each not known'), value: null });
    calls.length = 0;
    const v = evaluateSource('aws_kinesis_stream.s[each.key].arn', c);
    assert.ok(v instanceof Unknown && !(v instanceof EvalFailure));
    assert.equal(v.reason, 'for_each not known');
    const steps = calls.find((x) => x.root === 'aws_kinesis_stream')?.steps ?? [];
    assert.equal(steps.length, 3);
    assert.ok(steps[1] instanceof Unknown);
  });

  it('a context that returns undefined (unknown root) gives Unknown naming the traversal', () => {
    const v = evaluateSource('path.module', makeContext());
    assert.ok(v instanceof Unknown);
    assert.equal(v.reason, 'path.module cannot be resolved here');
  });
});

describe('expr: applySteps', () => {
  const cases: [string, unknown, (string | number | Unknown)[], unknown][] = [
    ['attribute', { a: { b: 1 } }, ['a', 'b'], 1],
    ['index', [10, 20], [1], 20],
    ['numeric string on a list', [10, 20], ['1'], 20],
    ['number key on an object', { '1': 'x' }, [1], 'x'],
    ['no steps', 5, [], 5],
    ['missing key', { a: 1 }, ['b'], FAILURE],
    ['out of range', [1], [1], FAILURE],
    ['into a string', 'abc', [0], FAILURE],
    ['unknown step', { a: 1 }, [new Unknown('k')], UNKNOWN],
    ['into unknown', new Unknown('x'), ['a'], UNKNOWN],
    ['reference grows', new Reference(['aws_kinesis_stream', 's']), [0, 'arn'], ref('aws_kinesis_stream', 's', 0, 'arn')],
    ['reference with unknown step', new Reference(['r']), [new Unknown('k')], UNKNOWN],
    ['__proto__ is just a key', JSON.parse('{"__proto__": 7}'), ['__proto__'], 7],
    ['inherited names are not keys', {}, ['toString'], FAILURE],
  ];
  for (const [name, value, steps, expected] of cases) {
    it(name, () => assert.deepEqual(norm(applySteps(value as never, steps)), expected));
  }
});

describe('expr: splats', () => {
  table([
    ['var.objs[*].id', [1, 2]],
    ['var.objs.*.id', [1, 2]],
    ['var.objs[*].tags[0]', ['t1', 't2']],
    // The attribute-only splat stops before an index, which then applies to the result.
    ['var.objs.*.tags[0]', ['t1']],
    ['var.l[*]', ['a', 'b']],
    ['[{a = [1]}, {a = [2]}][*].a[0]', [1, 2]],
    ['var.objs[*].id[0]', FAILURE],
    ['null[*]', []],
    ['"s"[*]', ['s']],
    ['{a = 1}[*]', [{ a: 1 }]],
    ['var.objs[*].nope', FAILURE],
    ['var.u[*].id', UNKNOWN],
    ['var.ul[*]', [1, UNKNOWN]],
    ['length(var.objs[*].id)', 2],
  ]);
});

describe('expr: for expressions', () => {
  table([
    ['[for x in var.l : upper(x)]', ['A', 'B']],
    ['[for i, x in var.l : "${i}:${x}"]', ['0:a', '1:b']],
    ['[for x in var.nums : x if x > 1]', [3, 2]],
    ['[for k, v in var.m : "${k}=${v}"]', ['k1=1', 'k2=2']],
    ['[for v in {b = 1, a = 2} : v]', [2, 1]],
    ['{for k, v in var.m : v => k}', { '1': 'k1', '2': 'k2' }],
    ['{for x in var.objs : x.id => x.tags[0]}', { '1': 't1', '2': 't2' }],
    ['{for s in ["a", "b", "a"] : s => 1...}', { a: [1, 1], b: [1] }],
    ['{for s in ["a", "a"] : s => 1}', FAILURE],
    ['{\n  for k, v in var.m :\n  k => v\n}', { k1: 1, k2: 2 }],
    ['[for x in [] : x]', []],
    ['[for x in var.nums : x * var.a]', [9, 3, 6]],
    ['[for x in var.l : [for y in var.l : "${x}${y}"]]', [['aa', 'ab'], ['ba', 'bb']]],
    // The iteration variable shadows an outer name of the same root.
    ['[for var in [1] : var]', [1]],
    ['[for x in var.ul : x]', [1, UNKNOWN]],
    ['[for x in var.u : x]', UNKNOWN],
    ['[for x in var.l : x if var.u]', UNKNOWN],
    ['{for x in var.l : var.u => x}', UNKNOWN],
    ['[for x in 3 : x]', FAILURE],
    ['[for x in null : x]', FAILURE],
    ['[for x in var.l : x if x]', FAILURE],
    ['{for x in [null] : x => 1}', FAILURE],
    ['[for x in var.l : 0 / 0]', FAILURE],
    // A variable called `for` is not a for expression.
    ['[for]', [UNKNOWN]],
  ]);
});

describe('expr: collection constructors', () => {
  table([
    ['[]', []],
    ['[1, "a", true, null]', [1, 'a', true, null]],
    ['[1, 2,]', [1, 2]],
    ['[\n  1,\n  2\n]', [1, 2]],
    ['{}', {}],
    ['{ a = 1, "b c" : 2, (var.s) = 3 }', { a: 1, 'b c': 2, x: 3 }],
    ['{\n  a = 1\n  b = var.a\n\n  c = [\n    1,\n  ]\n}', { a: 1, b: 3, c: [1] }],
    ['{ a = 1, a = 2 }', { a: 2 }],
    ['{ true = 1, null = 2 }', { true: 1, null: 2 }],
    ['{ (var.a) = 1 }', { '3': 1 }],
    ['{ a = var.u }', { a: UNKNOWN }],
    ['{ (var.u) = 1 }', UNKNOWN],
    ['{ (var.nothing) = 1 }', FAILURE],
    ['{ (var.l) = 1 }', FAILURE],
    ['{ a = 1 b = 2 }', UNKNOWN],
    ['[1, 0 / 0]', FAILURE],
    ['{ a = 0 / 0 }', FAILURE],
    ['{ a = foo\n (var.s) = 2 }', { a: UNKNOWN, x: 2 }],
  ]);

  it('keeps a `__proto__` key as an ordinary key', () => {
    const v = src('{ "__proto__" = 1 }') as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['__proto__']);
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
  });
});
