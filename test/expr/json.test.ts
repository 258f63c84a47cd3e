// evaluateJson on values shaped like @cdktf/hcl2json output, and referencesOf. The fixture strings below are what
// hcl2json 0.21.0 produced for the HCL shown beside them (captured once; see reference/parsing.md §1).
import { strict as assert } from 'assert';
import { evaluateJson, referencesOf } from '../../server/src/core/expr/evaluate';
import { Unknown } from '../../server/src/core/expr/values';
import { FAILURE, UNKNOWN, ctx, json, ref } from './exprTestUtils';

describe('expr: evaluateJson on hcl2json values', () => {
  const rows: [string, unknown, unknown][] = [
    ['literal number', 24, 24],
    ['literal string', 'KMS', 'KMS'],
    ['literal bool / null', [true, null], [true, null]],
    ['shard_count = var.shards', '${var.shards}', 4],
    ['x = 3 * 2', '${3 * 2}', 6],
    ['var.a * 2', '${var.a * 2}', 6],
    ['list with an interpolation', ['${var.s}', 1], ['x', 1]],
    ['nested list', [1, [2, '${var.a}']], [1, [2, 3]]],
    ['object leaf', { a: '${local.x}' }, { a: 6 }],
    ['object with a computed key: {(var.s) = 1}', { '${(var.s)}': 1, a: 2 }, { x: 1, a: 2 }],
    ['object with an unknown key', { '${var.u}': 1 }, UNKNOWN],
    ['object with a null key', { '${var.nothing}': 1 }, FAILURE],
    ['nested blocks: stream_mode_details', { stream_mode_details: [{ stream_mode: 'PROVISIONED' }] }, { stream_mode_details: [{ stream_mode: 'PROVISIONED' }] }],
    ['ignore_changes = [shard_count]', ['${shard_count}'], [UNKNOWN]],
    ['conditional', '${var.t ? 1 : 0}', 1],
    ['toset(["a","b"])', '${toset(["a","b"])}', ['a', 'b']],
    ['for expression', '${[for x in var.l : upper(x) if x != ""]}', ['A', 'B']],
    ['object for with grouping', '${{for k, v in var.m : "all" => v...}}', { all: [1, 2] }],
    ['splat', '${var.objs[*].id}', [1, 2]],
    ['index into a resource', '${aws_kinesis_stream.s["a"].arn}', ref('aws_kinesis_stream', 's', 'a', 'arn')],
    ['consumer stream_arn', { name: 'c1', stream_arn: '${aws_kinesis_stream.events.arn}' }, { name: 'c1', stream_arn: ref('aws_kinesis_stream', 'events', 'arn') }],
    ['template with each', 'stream-${each.key}-${var.s}', 'stream-a-x'],
    ['template with a reference', 'arn:${aws_kinesis_stream.s.arn}', UNKNOWN],
    ['escaped sequences stay literal', '$${lit} %%{lit}', '${lit} %{lit}'],
    ['strip markers already applied by hcl2json', 'a${var.s}b', 'axb'],
    ['directive as hcl2json rewrites it', '%{if var.t}yes%{else}no%{endif}', 'yes'],
    ['heredoc value', 'hello ${var.s}\n$${esc}\n', 'hello x\n${esc}\n'],
    ['multi-line for (source kept with newlines)', '${{\n  for k, v in var.m :\n  k => v\n}}', { k1: 1, k2: 2 }],
    ['failure inside a list fails the list', ['${0 / 0}', 1], FAILURE],
    ['unknown inside a list stays inside', ['${var.u}', 1], [UNKNOWN, 1]],
    ['type constraint `number` is not a value', '${number}', UNKNOWN],
    ['broken interpolation', '${var.', UNKNOWN],
  ];
  for (const [name, input, expected] of rows) {
    it(`${name}: ${JSON.stringify(input)}`, () => assert.deepEqual(json(input), expected));
  }

  it('non-JSON inputs are unknown, never thrown', () => {
    for (const bad of [undefined, () => 1, Symbol('s'), 10n, NaN, Infinity]) {
      assert.ok(evaluateJson(bad, ctx) instanceof Unknown, String(bad));
    }
  });

  it('a context that throws gives Unknown instead of an exception', () => {
    const v = evaluateJson('${var.a}', { resolve: () => { throw new Error('boom'); } });
    assert.ok(v instanceof Unknown);
    assert.equal(v.reason, 'could not evaluate: boom');
  });

  it('evaluates the same string again with a different context (parse cache is context-free)', () => {
    const c2 = { resolve: (root: string) => (root === 'var' ? 10 : undefined) };
    assert.deepEqual(json('${var.any + 1}'), UNKNOWN);
    assert.equal(evaluateJson('${var.any + 1}', c2), 11);
  });
});

describe('expr: referencesOf', () => {
  const rows: [string, unknown, string[][]][] = [
    ['literal', 24, []],
    ['plain string', 'KMS', []],
    ['variable', '${var.shards}', [['var', 'shards']]],
    ['two roots', '${local.base * var.x}', [['local', 'base'], ['var', 'x']]],
    ['attribute chain', '${local.cfg.stream.shards}', [['local', 'cfg', 'stream', 'shards']]],
    ['stops at an index', '${aws_kinesis_stream.s[0].arn}', [['aws_kinesis_stream', 's']]],
    ['stops at a legacy index', '${var.l.0.id}', [['var', 'l']]],
    ['stops at a splat', '${aws_instance.x[*].id}', [['aws_instance', 'x']]],
    ['index keys are references too', '${aws_kinesis_stream.s[each.key].arn}', [['aws_kinesis_stream', 's'], ['each', 'key']]],
    ['deduplicated, in order of appearance', '${var.a + var.a + local.b}', [['var', 'a'], ['local', 'b']]],
    ['for variables are not references', '${[for x in var.l : x.id if x.ok]}', [['var', 'l']]],
    ['for key variable too', '${{for k, v in var.m : k => v if k != local.skip}}', [['var', 'm'], ['local', 'skip']]],
    ['a for variable only shadows inside', '${[for x in var.l : x] == x.y}', [['var', 'l'], ['x', 'y']]],
    ['template directives', '%{for s in var.names}${s}-${local.sep}%{endfor}%{if var.on}!%{endif}', [['var', 'names'], ['local', 'sep'], ['var', 'on']]],
    ['function arguments', '${max(var.a, length(local.l))}', [['var', 'a'], ['local', 'l']]],
    ['conditional', '${var.on ? local.a : module.m.out}', [['var', 'on'], ['local', 'a'], ['module', 'm', 'out']]],
    ['object keys and values in JSON', { '${(var.k)}': '${local.v}' }, [['var', 'k'], ['local', 'v']]],
    ['arrays', ['${var.x}', ['${var.y}']], [['var', 'x'], ['var', 'y']]],
    ['bare name', '${shard_count}', [['shard_count']]],
    ['unparseable string adds nothing', '${var.', []],
  ];
  for (const [name, input, expected] of rows) {
    it(`${name}: ${JSON.stringify(input)}`, () => assert.deepEqual(referencesOf(input), expected));
  }
});
