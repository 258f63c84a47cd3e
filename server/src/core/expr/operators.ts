// Unary and binary operators with HCL semantics: operands convert like Terraform ("2" + 1 = 3), unknown operands
// make the result unknown, and errors Terraform would raise (division by zero, type mismatch) are failures.
import type { BinaryOp } from './ast';
import { toBool, toNumber } from './convert';
import { EvalFailure, Unknown, Value, fail, firstDeepProblem, firstProblem, valuesEqual } from './values';

export function unaryOp(op: '-' | '!', v: Value): Value {
  const problem = firstProblem([v]);
  if (problem) return problem;
  if (v === null) return fail(`operand of ${op} is null`);
  if (op === '!') {
    const b = toBool(v, 'operand of !');
    return b instanceof EvalFailure ? b : !b;
  }
  const n = toNumber(v, 'operand of unary -');
  return n instanceof EvalFailure ? n : -n;
}

export function binaryOp(op: BinaryOp, a: Value, b: Value): Value {
  if (op === '&&' || op === '||') return logical(op, a, b);
  if (op === '==' || op === '!=') {
    const problem = firstDeepProblem([a, b]);
    if (problem) return problem;
    return valuesEqual(a, b) === (op === '==');
  }
  const problem = firstProblem([a, b]);
  if (problem) return problem;
  const x = toNumber(a, `left operand of ${op}`);
  if (x instanceof EvalFailure) return x;
  const y = toNumber(b, `right operand of ${op}`);
  if (y instanceof EvalFailure) return y;
  return arithmeticOrCompare(op, x, y);
}

function arithmeticOrCompare(op: BinaryOp, x: number, y: number): Value {
  switch (op) {
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    case '+': return numberResult(x + y);
    case '-': return numberResult(x - y);
    case '*': return numberResult(x * y);
    // Terraform gives ±infinity for x / 0 (an error only for 0 / 0); infinity is no usable count or size.
    case '/': return y !== 0 ? numberResult(x / y) : x === 0 ? fail('cannot divide zero by zero') : new Unknown('division by zero');
    // cty's Modulo returns the dividend for a zero divisor.
    case '%': return y === 0 ? x : numberResult(x % y);
    default: return fail(`unsupported operator ${op}`);
  }
}

/** Digits of a double free of binary rounding noise (DBL_DIG). */
const CLEAN_DIGITS = 15;
/** A result counts as "a short decimal plus noise" when its 15-digit rounding is already a 12-digit number:
 *  3.0000000000000004 → 3, but 1.4142135623730951 (sqrt 2) keeps all its digits. */
const SHORT_DIGITS = 12;

/** Terraform computes with 512-bit floats, so `0.1 * 30` is 3 and `ceil(0.1 * 30)` is 3; with doubles it is
 *  3.0000000000000004. Snap such results to the short decimal. A double overflowing is our limit, not an error in
 *  the configuration. */
export function numberResult(n: number): Value {
  if (!Number.isFinite(n)) return new Unknown('number is too large to compute exactly');
  if (Number.isInteger(n)) return n;
  const clean = Number(n.toPrecision(CLEAN_DIGITS));
  return clean === Number(n.toPrecision(SHORT_DIGITS)) ? clean : n;
}

/** `&&`/`||` need two known bools. Terraform 1.11 (HCL 2.23) does not short-circuit: `false && x` is unknown when
 *  x is, and a null operand is an error either way. */
function logical(op: '&&' | '||', a: Value, b: Value): Value {
  const problem = firstProblem([a, b]);
  if (problem) return problem;
  const x = a === null ? fail(`left operand of ${op} is null`) : toBool(a, `left operand of ${op}`);
  if (x instanceof EvalFailure) return x;
  const y = b === null ? fail(`right operand of ${op} is null`) : toBool(b, `right operand of ${op}`);
  if (y instanceof EvalFailure) return y;
  return op === '&&' ? x && y : x || y;
}
