import { strict as assert } from 'assert';
import { FAILURE, UNKNOWN, reasonOf, ref, table } from './exprTestUtils';

describe('expr: literals', () => {
  table([
    ['42', 42],
    ['1.5', 1.5],
    ['1e3', 1000],
    ['2.5E-1', 0.25],
    ['"hi"', 'hi'],
    ['""', ''],
    ['true', true],
    ['false', false],
    ['null', null],
    ['  7  ', 7],
    ['7 # trailing comment', 7],
    ['/* lead */ 7 // trailing', 7],
  ]);
});

describe('expr: arithmetic and conversion', () => {
  table([
    ['1 + 2', 3],
    ['5 - 7', -2],
    ['3 * 4', 12],
    ['7 / 2', 3.5],
    ['7 % 3', 1],
    ['-7 % 3', -1],
    ['-var.a', -3],
    ['- - 2', 2],
    ['"2" + 1', 3],
    ['var.n_str * var.a', 6],
    ['"1.5" * 2', 3],
    ['"x" + 1', FAILURE],
    ['true + 1', FAILURE],
    ['null + 1', FAILURE],
    ['[1] + 1', FAILURE],
    ['-"x"', FAILURE],
    // Terraform: x / 0 is ±infinity (no usable value), 0 / 0 an error, x % 0 the dividend.
    ['1 / 0', UNKNOWN],
    ['-1 / 0', UNKNOWN],
    ['0 / 0', FAILURE],
    ['7 % 0', 7],
    ['var.u + 1', UNKNOWN],
    ['1 - var.u', UNKNOWN],
    ['-var.u', UNKNOWN],
    ['aws_kinesis_stream.s.shard_count * 2', UNKNOWN],
    ['1e308 * 10', UNKNOWN],
  ]);

  describe('binary rounding noise is dropped the way 512-bit arithmetic would not produce it', () => {
    table([
      ['0.1 + 0.2', 0.3],
      ['0.1 * 30', 3],
      ['ceil(0.1 * 30)', 3],
      ['0.1 + 0.2 == 0.3', true],
      ['1.1 * 1.1', 1.21],
      ['1 / 3 * 3', 1],
      ['2 / 3', 2 / 3],
    ]);
  });

  it('explains division by zero and unknown operands', () => {
    assert.match(reasonOf('1 / 0'), /division by zero/);
    assert.match(reasonOf('0 / 0'), /cannot divide zero by zero/);
    assert.match(reasonOf('var.u * 2'), /variable has no default/);
    assert.match(reasonOf('aws_kinesis_stream.s.arn + 1'), /aws_kinesis_stream\.s\.arn is known only after apply/);
  });
});

describe('expr: comparison and equality', () => {
  table([
    ['1 < 2', true],
    ['2 < 1', false],
    ['2 <= 2', true],
    ['3 > 2', true],
    ['2 >= 3', false],
    ['"10" > 9', true],
    ['"a" < 1', FAILURE],
    ['1 == 1', true],
    ['1 == 1.0', true],
    ['1 == "1"', false],
    ['"a" != "b"', true],
    ['null == null', true],
    ['var.nothing == null', true],
    ['[1, "a"] == [1, "a"]', true],
    ['{a = 1} == {a = 1}', true],
    ['{a = 1} == {a = 2}', false],
    ['[1] == {a = 1}', false],
    ['var.u == 1', UNKNOWN],
    ['var.ul == [1, 2]', UNKNOWN],
    ['aws_kinesis_stream.s.arn == "x"', UNKNOWN],
    ['var.u < 1', UNKNOWN],
  ]);
});

describe('expr: logic', () => {
  table([
    ['true && true', true],
    ['true && false', false],
    ['false || true', true],
    ['false || false', false],
    ['!true', false],
    ['!!true', true],
    ['"true" && true', true],
    ['1 && true', FAILURE],
    ['!1', FAILURE],
    ['null || true', FAILURE],
    ['false && null', FAILURE],
    ['!null', FAILURE],
    // No short-circuit in Terraform 1.11 (HCL 2.23): an unknown operand makes the result unknown.
    ['false && var.u', UNKNOWN],
    ['var.u && false', UNKNOWN],
    ['true || var.u', UNKNOWN],
    ['var.u || true', UNKNOWN],
    ['false || aws_kinesis_stream.s.enabled', UNKNOWN],
    // A failure anywhere wins over an unknown: Terraform would stop with the error.
    ['var.u && 0 / 0 == 1', FAILURE],
    ['!var.u', UNKNOWN],
  ]);
});

describe('expr: precedence and associativity', () => {
  table([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3],
    ['100 / 10 / 5', 2],
    ['2 * 3 % 4', 2],
    ['-2 * 3', -6],
    ['-var.a + 1', -2],
    ['1 + 2 < 4', true],
    ['1 < 2 == true', true],
    ['1 == 1 && 2 == 2', true],
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['!false && false', false],
    ['!(false && false)', true],
    ['true ? 1 : 0 + 5', 1],
    ['false ? 1 : 0 + 5', 5],
    ['1 + 1 == 2 ? "yes" : "no"', 'yes'],
    ['false ? 1 : true ? 2 : 3', 2],
    ['true ? false ? 1 : 2 : 3', 2],
  ]);
});

describe('expr: conditionals', () => {
  table([
    ['var.t ? "on" : "off"', 'on'],
    ['var.f ? "on" : "off"', 'off'],
    ['"true" ? 1 : 2', 1],
    // Only the chosen branch is evaluated: the other may be unknown or fail.
    ['true ? 1 : var.u', 1],
    ['false ? 0 / 0 : 2', 2],
    ['true ? aws_kinesis_stream.s.arn : "x"', ref('aws_kinesis_stream', 's', 'arn')],
    // Unknown condition: unknown, never a merge of the branches (even equal ones).
    ['var.u ? 1 : 1', UNKNOWN],
    ['aws_kinesis_stream.s.arn == "" ? 1 : 2', UNKNOWN],
    ['null ? 1 : 2', FAILURE],
    ['1 ? 1 : 2', FAILURE],
    ['0 / 0 ? 1 : 2', FAILURE],
  ]);
});
