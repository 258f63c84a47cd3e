// Numeric functions (Terraform docs: "Numeric Functions").
import { numberResult } from '../operators';
import type { Value } from '../values';
import { FnError, FunctionTable, int, list, num } from './registry';

/** parseint accepts bases 2 to 62; digits run 0-9, a-z, then A-Z (cty stdlib ParseIntFunc, via math/big). */
const MIN_BASE = 2;
const MAX_BASE = 62;
const CASE_INSENSITIVE_MAX_BASE = 36;
const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

function numbers(args: Value[], name: string): number[] {
  return args.map((a, i) => num(a, `${name} argument ${i + 1}`));
}

function parseInt62(text: string, base: number): number {
  if (!Number.isInteger(base) || base < MIN_BASE || base > MAX_BASE) {
    throw new FnError(`base must be a whole number between ${MIN_BASE} and ${MAX_BASE} inclusive`);
  }
  const negative = text.startsWith('-');
  const body = negative || text.startsWith('+') ? text.slice(1) : text;
  if (body === '') throw new FnError(`cannot parse "${text}" as a base ${base} integer`);
  let n = 0;
  for (const ch of body) {
    const c = base <= CASE_INSENSITIVE_MAX_BASE ? ch.toLowerCase() : ch;
    const digit = DIGITS.indexOf(c);
    if (digit < 0 || digit >= base) throw new FnError(`cannot parse "${text}" as a base ${base} integer`);
    n = n * base + digit;
  }
  return negative ? -n : n;
}

export const numericFunctions: FunctionTable = {
  min: { arity: [1, Infinity], call: (args) => Math.min(...numbers(args, 'min')) },
  max: { arity: [1, Infinity], call: (args) => Math.max(...numbers(args, 'max')) },
  ceil: { arity: [1, 1], call: ([x]) => Math.ceil(num(x, 'num')) },
  floor: { arity: [1, 1], call: ([x]) => Math.floor(num(x, 'num')) },
  abs: { arity: [1, 1], call: ([x]) => Math.abs(num(x, 'num')) },
  signum: { arity: [1, 1], call: ([x]) => Math.sign(num(x, 'num')) + 0 },
  pow: { arity: [2, 2], call: ([x, y]) => numberResult(Math.pow(num(x, 'base'), num(y, 'exponent'))) },
  parseint: {
    arity: [2, 2],
    call: ([s, base]) => {
      if (typeof s !== 'string') throw new FnError('first argument must be a string');
      return numberResult(parseInt62(s, int(base, 'base')));
    },
  },
  sum: {
    arity: [1, 1],
    call: ([xs]) => {
      const items = list(xs, 'sum argument');
      if (items.length === 0) throw new FnError('cannot sum an empty list');
      return numberResult(items.reduce<number>((acc, x, i) => acc + num(x, `element ${i}`), 0));
    },
  },
  log: { arity: [2, 2], call: ([x, b]) => numberResult(Math.log(num(x, 'num')) / Math.log(num(b, 'base'))) },
};
