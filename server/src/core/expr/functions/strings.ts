// String functions (Terraform docs: "String Functions"), following cty's stdlib behaviour.
import { formatString } from './format';
import { replaceRegex } from './regexp';
import { FnError, FunctionTable, graphemes, int, list, str } from './registry';
import { checkLength } from '../evalBudget';

/** Go's unicode.IsSpace set, which strings.TrimSpace uses (JS trim differs on U+0085 and U+FEFF). */
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_SPACE = new RegExp(`^[${GO_SPACE}]+`);
const TRAILING_SPACE = new RegExp(`[${GO_SPACE}]+$`);

/** Go maps case one character to one character (upper("ß") stays "ß"); JS may expand ("SS"). */
function simpleCase(s: string, map: (c: string) => string): string {
  return Array.from(s, (c) => {
    const m = map(c);
    return Array.from(m).length === 1 ? m : c;
  }).join('');
}

function trimCutset(s: string, cutset: string): string {
  const cut = new Set(Array.from(cutset));
  const chars = Array.from(s);
  let start = 0;
  let end = chars.length;
  while (start < end && cut.has(chars[start])) start++;
  while (end > start && cut.has(chars[end - 1])) end--;
  return chars.slice(start, end).join('');
}

/** cty's substr: grapheme offsets, negative offset counts from the end, length -1 means "to the end". */
function substr(s: string, offset: number, length: number): string {
  const chars = graphemes(s);
  const start = offset < 0 ? Math.max(0, chars.length + offset) : offset;
  if (start >= chars.length) return '';
  return chars.slice(start, length < 0 ? undefined : start + length).join('');
}

/** A `/…/` substring makes replace use a regular expression (RE2 syntax in Terraform). */
function replace(s: string, search: string, replacement: string): string {
  if (search.length > 1 && search.startsWith('/') && search.endsWith('/')) {
    return replaceRegex(s, search.slice(1, -1), replacement);
  }
  if (search === '') {
    // Go's strings.Replace with an empty pattern inserts the replacement around every character.
    const chars = Array.from(s);
    checkLength(s.length + (chars.length + 1) * replacement.length);
    return s === '' ? replacement : replacement + chars.join(replacement) + replacement;
  }
  const parts = s.split(search);
  checkLength(s.length + (parts.length - 1) * (replacement.length - search.length));
  return parts.join(replacement);
}

export const stringFunctions: FunctionTable = {
  upper: { arity: [1, 1], call: ([s]) => simpleCase(str(s, 'str'), (c) => c.toUpperCase()) },
  lower: { arity: [1, 1], call: ([s]) => simpleCase(str(s, 'str'), (c) => c.toLowerCase()) },
  trimspace: { arity: [1, 1], call: ([s]) => str(s, 'str').replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '') },
  trim: { arity: [2, 2], call: ([s, cut]) => trimCutset(str(s, 'str'), str(cut, 'cutset')) },
  trimprefix: {
    arity: [2, 2],
    call: ([s, p]) => {
      const [text, prefix] = [str(s, 'str'), str(p, 'prefix')];
      return text.startsWith(prefix) ? text.slice(prefix.length) : text;
    },
  },
  trimsuffix: {
    arity: [2, 2],
    call: ([s, p]) => {
      const [text, suffix] = [str(s, 'str'), str(p, 'suffix')];
      return suffix !== '' && text.endsWith(suffix) ? text.slice(0, -suffix.length) : text;
    },
  },
  startswith: { arity: [2, 2], call: ([s, p]) => str(s, 'str').startsWith(str(p, 'prefix')) },
  endswith: { arity: [2, 2], call: ([s, p]) => str(s, 'str').endsWith(str(p, 'suffix')) },
  substr: { arity: [3, 3], call: ([s, o, l]) => substr(str(s, 'str'), int(o, 'offset'), int(l, 'length')) },
  replace: { arity: [3, 3], call: ([s, a, b]) => replace(str(s, 'str'), str(a, 'substr'), str(b, 'replace')) },
  split: {
    arity: [2, 2],
    call: ([sep, s]) => {
      const [separator, text] = [str(sep, 'separator'), str(s, 'str')];
      return separator === '' ? Array.from(text) : text.split(separator);
    },
  },
  join: {
    arity: [2, Infinity],
    call: ([sep, ...lists]) => {
      const separator = str(sep, 'separator');
      const items = lists.flatMap((l, i) => list(l, `list ${i + 1}`));
      // A long separator between many elements: refused before it is built.
      checkLength(items.reduce((n: number, v) => n + (typeof v === 'string' ? v.length : 0), separator.length * Math.max(0, items.length - 1)));
      return items
        .map((v, i) => {
          if (v === null) throw new FnError(`element ${i} is null; cannot concatenate null values`);
          return str(v, `element ${i}`);
        })
        .join(separator);
    },
  },
  format: { arity: [1, Infinity], call: ([spec, ...args]) => formatString(str(spec, 'format'), args) },
};
