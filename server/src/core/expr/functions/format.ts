// Terraform's format(): Go fmt-style verbs (%v %#v %t %s %q %d %b %o %x %X %e %E %f %g %G) with flags, width,
// precision and explicit argument indexes (%[2]s), as documented for the format function.
import { numberToString } from '../convert';
import { Unknown, Value, typeName } from '../values';
import { jsonEncode } from './encoding';
import { FnError, bool, num, str } from './registry';
import { checkLength } from '../evalBudget';

/** Go's %f/%e default precision. */
const DEFAULT_PRECISION = 6;
/** Widths and precisions above this would only build huge strings; Terraform has no such limit, so refuse quietly. */
const MAX_WIDTH = 10_000;
/** Go's %g switches to exponent form from this exponent when no precision is given (strconv shortest formatting). */
const G_SHORTEST_EXPONENT_LIMIT = 21;
/** …and below this exponent in every case. */
const G_MIN_PLAIN_EXPONENT = -4;

const INTEGER_BASES: Record<string, number> = { d: 10, b: 2, o: 8, x: 16, X: 16 };
/** The `#` flag's prefixes, as in Go. */
const ALTERNATE_PREFIXES: Record<string, string> = { b: '0b', o: '0', x: '0x', X: '0X' };

const VERB = /%([-+# 0]*)(?:\[(\d+)\])?(\d+)?(?:\.(\d*))?(?:\[(\d+)\])?([a-zA-Z%])/y;

interface Spec {
  flags: string;
  width: number | undefined;
  precision: number | undefined;
  verb: string;
}

/** Terraform 1.11 returns an unknown result when an argument is null (format("%s", null) is "known after apply"). */
export function formatString(spec: string, args: Value[]): string | Unknown {
  if (args.includes(null)) return new Unknown('format(): an argument is null');
  let out = '';
  let next = 0;
  let used = 0;
  for (let i = 0; i < spec.length; ) {
    if (spec[i] !== '%') {
      out += spec[i++];
      continue;
    }
    VERB.lastIndex = i;
    const m = VERB.exec(spec);
    if (!m) throw new FnError(`invalid format verb at offset ${i}`);
    i = VERB.lastIndex;
    const [, flags, indexA, width, precision, indexB, verb] = m;
    if (verb === '%') {
      out += '%';
      continue;
    }
    const explicit = indexA ?? indexB;
    const argIndex = explicit !== undefined ? Number(explicit) - 1 : next;
    if (argIndex < 0 || argIndex >= args.length) {
      throw new FnError(`not enough arguments for "%${verb}" at offset ${m.index}`);
    }
    next = argIndex + 1;
    used = Math.max(used, next);
    const s: Spec = {
      flags,
      width: width === undefined ? undefined : Number(width),
      precision: precision === undefined ? undefined : Number(precision || '0'),
      verb,
    };
    if ((s.width ?? 0) > MAX_WIDTH || (s.precision ?? 0) > MAX_WIDTH) throw new FnError('width or precision too large');
    out += pad(formatOne(args[argIndex], s), s);
    checkLength(out.length);
  }
  if (used < args.length) throw new FnError(`too many arguments; only ${used} used by format string`);
  return out;
}

function pad(text: string, s: Spec): string {
  const width = s.width ?? 0;
  const length = Array.from(text).length;
  if (length >= width) return text;
  if (s.flags.includes('-')) return text + ' '.repeat(width - length);
  if (s.flags.includes('0') && /[dboxXeEfgG]/.test(s.verb)) {
    const sign = /^[+\- ]/.test(text) ? text[0] : '';
    return sign + '0'.repeat(width - length) + text.slice(sign.length);
  }
  return ' '.repeat(width - length) + text;
}

function formatOne(v: Value, s: Spec): string {
  switch (s.verb) {
    case 'v':
      if (s.flags.includes('#') || Array.isArray(v) || (typeof v === 'object' && v !== null)) return jsonEncode(v);
      return str(v, '%v argument');
    case 't':
      return String(bool(v, '%t argument'));
    case 's':
      return truncate(str(v, '%s argument'), s.precision);
    case 'q':
      return JSON.stringify(truncate(str(v, '%q argument'), s.precision));
    case 'd': case 'b': case 'o': case 'x': case 'X':
      return formatInteger(num(v, `%${s.verb} argument`), s);
    case 'e': case 'E': case 'f': case 'g': case 'G':
      return formatFloat(num(v, `%${s.verb} argument`), s);
    default:
      throw new FnError(`unsupported format verb %${s.verb} for ${typeName(v)}`);
  }
}

function truncate(text: string, precision: number | undefined): string {
  return precision === undefined ? text : Array.from(text).slice(0, precision).join('');
}

function signOf(n: number, flags: string): string {
  return n < 0 || Object.is(n, -0) ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

function formatInteger(n: number, s: Spec): string {
  if (!Number.isInteger(n)) throw new FnError(`%${s.verb} requires a whole number, got ${numberToString(n)}`);
  let digits = BigInt(Math.abs(n)).toString(INTEGER_BASES[s.verb]);
  if (s.verb === 'X') digits = digits.toUpperCase();
  const prefix = s.flags.includes('#') ? ALTERNATE_PREFIXES[s.verb] ?? '' : '';
  return signOf(n, s.flags) + prefix + digits;
}

function formatFloat(n: number, s: Spec): string {
  const abs = Math.abs(n);
  let body: string;
  // toFixed switches to exponent form from 1e21; such numbers have no fractional digits to show anyway.
  if (s.verb === 'f') body = abs < 1e21 ? abs.toFixed(s.precision ?? DEFAULT_PRECISION) : numberToString(abs);
  else if (s.verb === 'e' || s.verb === 'E') body = goExponent(abs.toExponential(s.precision ?? DEFAULT_PRECISION));
  else body = formatG(abs, s.precision);
  if (s.verb === 'E' || s.verb === 'G') body = body.toUpperCase();
  return signOf(n, s.flags) + body;
}

/** Go writes at least two exponent digits: 1.5e+00, not 1.5e+0. */
function goExponent(text: string): string {
  return text.replace(/e([+-])(\d)$/, 'e$10$2');
}

function formatG(abs: number, precision: number | undefined): string {
  if (abs === 0) return '0';
  const exponent = Math.floor(Math.log10(abs));
  const limit = precision === undefined ? G_SHORTEST_EXPONENT_LIMIT : Math.max(precision, 1);
  if (exponent < G_MIN_PLAIN_EXPONENT || exponent >= limit) {
    const e = precision === undefined ? abs.toExponential() : abs.toExponential(Math.max(precision, 1) - 1);
    return goExponent(e.replace(/\.?0+e/, 'e'));
  }
  if (precision === undefined) return numberToString(abs);
  const fixed = abs.toPrecision(Math.max(precision, 1));
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}
