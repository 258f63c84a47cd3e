// How built-in functions are declared and called: arity, unknown handling, and argument coercion helpers that
// throw FnError (turned into an EvalFailure naming the function, because Terraform would reject the call).
import { toBool, toInteger, toNumber, toStringValue } from '../convert';
import { TooLarge } from '../evalBudget';
import { EvalFailure, Unknown, Value, ValueObject, fail, firstDeepProblem, firstProblem, isObject, typeName } from '../values';

export interface FunctionDef {
  /** Smallest and largest number of arguments (Infinity for variadic functions). */
  arity: [number, number];
  /** The function only moves values around (concat, lookup, length, …), so unknown elements inside collections
   *  pass through. Otherwise any argument that is not wholly known makes the result unknown. */
  passesUnknowns?: boolean;
  /** The function decides itself what unknown arguments mean (coalesce stops at the first usable one). */
  handlesUnknownArgs?: boolean;
  call(args: Value[]): Value;
}

export type FunctionTable = Record<string, FunctionDef>;

export class FnError extends Error {}

export function callFunction(table: FunctionTable, name: string, args: Value[]): Value {
  const def = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  if (!def) return new Unknown(`function ${name} is not supported`);
  const [min, max] = def.arity;
  if (args.length < min || args.length > max) {
    const expected = min === max ? `${min}` : max === Infinity ? `at least ${min}` : `${min} to ${max}`;
    return fail(`${name}() takes ${expected} argument(s), got ${args.length}`);
  }
  const failure = args.find((a) => a instanceof EvalFailure);
  const problem = failure ?? (def.handlesUnknownArgs ? undefined : def.passesUnknowns ? firstProblem(args) : firstDeepProblem(args));
  if (problem) return problem;
  try {
    return def.call(args);
  } catch (e) {
    if (e instanceof FnError) return fail(`${name}(): ${e.message}`);
    // Terraform would build it: not a failure, only more than kinesis-lint evaluates.
    if (e instanceof TooLarge) return new Unknown(`${name}(): ${e.message}`);
    throw e;
  }
}

function unwrap<T>(r: T | EvalFailure): T {
  if (r instanceof EvalFailure) throw new FnError(r.reason);
  return r;
}

export const num = (v: Value, what: string): number => unwrap(toNumber(v, what));
export const int = (v: Value, what: string): number => unwrap(toInteger(v, what));
export const bool = (v: Value, what: string): boolean => unwrap(toBool(v, what));
export const str = (v: Value, what: string): string => unwrap(toStringValue(v, what));

export function list(v: Value, what: string): Value[] {
  if (!Array.isArray(v)) throw new FnError(`${what} must be a list, got ${typeName(v)}`);
  return v;
}

export function obj(v: Value, what: string): ValueObject {
  if (!isObject(v)) throw new FnError(`${what} must be a map or object, got ${typeName(v)}`);
  return v;
}

const graphemeSegmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Terraform counts and slices strings by grapheme cluster ("é" written e + U+0301 is one character). */
export function graphemes(s: string): string[] {
  return Array.from(graphemeSegmenter.segment(s), (g) => g.segment);
}
