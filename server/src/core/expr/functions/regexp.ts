// Terraform's regular-expression functions (regex, regexall, and replace with a `/…/` pattern) on RE2 semantics.
// Terraform compiles workspace patterns with Go's regexp (RE2: linear time, no lookaround, no backreferences), so
// they run here on re2js, a port of RE2: a pattern from a hostile workspace cannot make matching exponential, and a
// pattern Go rejects is rejected here too. Behaviour and messages follow go-cty's stdlib (regexp.go, string.go)
// and Go's regexp (allMatches, replaceAll, expand); see docs/regular-expressions.md.
import { RE2JS } from 're2js';
import type { Value } from '../values';
import { objectFromEntries } from '../values';
import { FnError, FunctionTable, str } from './registry';
import { checkLength } from '../evalBudget';

type Matcher = ReturnType<RE2JS['matcher']>;

interface Compiled {
  re: RE2JS;
  /** Name of each capture group, 1-based like Go's SubexpNames ('' for an unnamed group). */
  names: string[];
}

/** Compiles like Go's regexp.Compile; a syntax error becomes an FnError with the message `describe` gives. */
function compile(pattern: string, describe: (code: string, expr: string, message: string) => string): Compiled {
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (e) {
    const err = e as { error?: unknown; input?: unknown; message?: unknown };
    throw new FnError(describe(String(err.error ?? ''), String(err.input ?? ''), String(err.message ?? e)));
  }
  const names = Array.from({ length: re.groupCount() + 1 }, () => '');
  for (const [name, index] of Object.entries(re.namedGroups() as Record<string, number>)) names[index] = name;
  return { re, names };
}

/** go-cty's regexPatternResultType messages ("invalid regexp pattern: <code> in <expr>"). */
const ctyPatternError = (code: string, expr: string, message: string): string =>
  code ? `invalid regexp pattern: ${code} in ${expr}` : `error parsing pattern: ${message}`;

/** The span of one match: [start, end] for the whole match then for each group, -1 for a group that did not take part. */
type Span = number[];

function spanOf(m: Matcher, groups: number): Span {
  const span: Span = [];
  for (let g = 0; g <= groups; g++) span.push(m.start(g), m.end(g));
  return span;
}

/** UTF-16 length of the character at `pos` (Go steps by a rune; 1 at the end of the string). */
function charWidth(s: string, pos: number): number {
  return (s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
}

/** Go's Regexp.allMatches: successive leftmost-first matches; an empty match right after a match is skipped, and
 *  after an empty match the search moves on by one character (code point). */
function allMatches(c: Compiled, s: string): Span[] {
  const m = c.re.matcher(s);
  const groups = c.names.length - 1;
  const out: Span[] = [];
  let prevEnd = -1;
  for (let pos = 0; pos <= s.length && m.find(pos); ) {
    const span = spanOf(m, groups);
    let accept = true;
    if (span[1] === pos) {
      if (span[0] === prevEnd) accept = false;
      pos += charWidth(s, pos);
    } else {
      pos = span[1];
    }
    prevEnd = span[1];
    if (accept) out.push(span);
  }
  return out;
}

/** go-cty's regexPatternResult: the match, a tuple of groups, or an object of named groups (null when unmatched). */
function patternResult(c: Compiled, s: string, span: Span): Value {
  const named = c.names.slice(1);
  if (named.length === 0) return s.slice(span[0], span[1]);
  const group = (i: number): Value => (span[2 * i] < 0 ? null : s.slice(span[2 * i], span[2 * i + 1]));
  if (named[0] === '') return named.map((_, i) => group(i + 1));
  return objectFromEntries(named.map((name, i) => [name, group(i + 1)]));
}

/** A pattern for regex/regexall: compiled, with go-cty's rule that named and unnamed groups cannot be mixed. */
function resultPattern(pattern: string): Compiled {
  const c = compile(pattern, ctyPatternError);
  const named = c.names.slice(1);
  if (named.some((n) => n === '') && named.some((n) => n !== '')) {
    throw new FnError('invalid regexp pattern: cannot mix both named and unnamed capture groups');
  }
  return c;
}

function regex(pattern: string, s: string): Value {
  const c = resultPattern(pattern);
  const m = c.re.matcher(s);
  if (!m.find(0)) throw new FnError('pattern did not match any part of the given string');
  return patternResult(c, s, spanOf(m, c.names.length - 1));
}

function regexall(pattern: string, s: string): Value {
  const c = resultPattern(pattern);
  return allMatches(c, s).map((span) => patternResult(c, s, span));
}

/** replace() with a `/…/` pattern: Go's Regexp.ReplaceAllString (the error is Go's own, as go-cty returns it). */
export function replaceRegex(s: string, pattern: string, template: string): string {
  const c = compile(pattern, (_code, _expr, message) => message);
  let out = '';
  let lastEnd = 0;
  for (const span of replaceMatches(c, s)) {
    out += s.slice(lastEnd, span[0]);
    // Go inserts no replacement for an empty match right after another match (a[1] > lastMatchEnd || a[0] == 0).
    if (span[1] > lastEnd || span[0] === 0) out += expand(template, c, s, span);
    lastEnd = span[1];
    checkLength(out.length);
  }
  return out + s.slice(lastEnd);
}

/** The matches Go's replaceAll visits: like allMatches, but an empty match after a match is returned (replaceRegex
 *  decides what to insert) and the search advances past the match, or by one character when it is empty. */
function replaceMatches(c: Compiled, s: string): Span[] {
  const m = c.re.matcher(s);
  const groups = c.names.length - 1;
  const out: Span[] = [];
  for (let pos = 0; pos <= s.length && m.find(pos); ) {
    const span = spanOf(m, groups);
    out.push(span);
    const width = charWidth(s, pos);
    pos = pos + width > span[1] ? pos + width : span[1];
  }
  return out;
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}` (the longest run of letters, digits and `_`), `$$` for a
 *  literal `$`; a group that does not exist or did not match expands to nothing; a `$` not followed by a valid
 *  reference stays literal. */
const TEMPLATE_REF = /\$(?:\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu;

function expand(template: string, c: Compiled, s: string, span: Span): string {
  return template.replace(TEMPLATE_REF, (whole, braced?: string, bare?: string) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    // Go reads a reference as a group number only without a leading zero (`$01` names a group "01").
    const index = /^(0|[1-9][0-9]{0,7})$/.test(name) ? Number(name) : c.names.indexOf(name, 1);
    if (index < 0 || index >= c.names.length || span[2 * index] < 0) return '';
    return s.slice(span[2 * index], span[2 * index + 1]);
  });
}

export const regexpFunctions: FunctionTable = {
  regex: { arity: [2, 2], call: ([p, s]) => regex(str(p, 'pattern'), str(s, 'string')) },
  regexall: { arity: [2, 2], call: ([p, s]) => regexall(str(p, 'pattern'), str(s, 'string')) },
};
