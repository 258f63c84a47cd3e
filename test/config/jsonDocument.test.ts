// The hand-written JSON scanner: values, ranges of pointers, and ranges of syntax errors (UTF-16 columns).
import { strict as assert } from 'assert';
import { parseJsonDocument, JsonDocument } from '../../server/src/core/json/positions';
import { didYouMean } from '../../server/src/core/json/didYouMean';
import type { Range } from '../../server/src/core/types';

function r(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}
function doc(text: string): JsonDocument {
  const p = parseJsonDocument(text);
  if (!p.ok) throw new Error(p.message);
  return p.doc;
}
function syntaxError(text: string): { message: string; range: Range } {
  const p = parseJsonDocument(text);
  if (p.ok) throw new Error('parsed');
  return { message: p.message, range: p.range };
}

describe('json: values and pointer ranges', () => {
  it('parses like JSON.parse', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\"/"}, "": 0}';
    assert.deepEqual(doc(text).value, JSON.parse(text));
  });

  it('ranges of values and keys, with escaped pointer segments and array indices', () => {
    const d = doc('{\n  "a/b": {"c~d": [10, 20]},\n  "e": "f"\n}');
    assert.deepEqual(d.rangeOf('/a~1b/c~0d/1'), r(1, 22, 1, 24));
    assert.deepEqual(d.rangeOf('/a~1b', 'key'), r(1, 2, 1, 7));
    assert.deepEqual(d.rangeOf('/e'), r(2, 7, 2, 10));
    assert.deepEqual(d.rangeOf(''), r(0, 0, 3, 1));
  });

  it('a missing pointer falls back to the deepest existing value', () => {
    const d = doc('{"a": {"b": 1}}');
    assert.deepEqual(d.rangeOf('/a/zzz'), r(0, 6, 0, 14));
    assert.equal(d.find('/a/zzz').exact, false);
  });

  it('duplicate keys: the last one wins, in the value and in ranges', () => {
    const d = doc('{"a": 1, "a": 2}');
    assert.deepEqual(d.value, { a: 2 });
    assert.deepEqual(d.rangeOf('/a'), r(0, 14, 0, 15));
  });

  it('"__proto__" is an ordinary key', () => {
    const v = doc('{"__proto__": {"polluted": true}}').value as Record<string, unknown>;
    assert.deepEqual(Object.keys(v), ['__proto__']);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.getPrototypeOf(v), Object.prototype);
  });

  it('columns count UTF-16 code units after multi-byte characters; CRLF and CR end lines', () => {
    // "é" is one UTF-16 unit, "😀" two.
    const d = doc('{"é😀": 1,\r\n "x": 2,\r "y": 3}');
    assert.deepEqual(d.rangeOf('/é😀', 'key'), r(0, 1, 0, 6));
    assert.deepEqual(d.rangeOf('/é😀'), r(0, 8, 0, 9));
    assert.deepEqual(d.rangeOf('/x'), r(1, 6, 1, 7));
    assert.deepEqual(d.rangeOf('/y'), r(2, 6, 2, 7));
  });

  it('a byte order mark is skipped', () => {
    assert.deepEqual(doc('\uFEFF{"a": 1}').value, { a: 1 });
  });
});

describe('json: syntax errors point at the bad token', () => {
  const cases: [string, string, string, Range][] = [
    ['trailing comma in an object', '{"a": 1,\n}', 'trailing comma is not allowed in JSON', r(0, 7, 0, 8)],
    ['trailing comma in an array', '[1, 2, ]', 'trailing comma is not allowed in JSON', r(0, 5, 0, 6)],
    ['missing comma', '{"a": 1\n "b": 2}', 'expected "," or "}" but found string', r(1, 1, 1, 4)],
    ['missing colon', '{"a" 1}', 'expected ":" after the key "a" but found number', r(0, 5, 0, 6)],
    ['unquoted key', '{a: 1}', 'unexpected word "a" (strings need double quotes)', r(0, 1, 0, 2)],
    ['single quotes', "{'a': 1}", 'strings must be in double quotes', r(0, 1, 0, 2)],
    ['leading zero', '{"a": 012}', 'invalid number "012"', r(0, 6, 0, 9)],
    ['hex number', '[0x1F]', 'invalid number "0x1F"', r(0, 1, 0, 5)],
    ['bad word', '[undefined]', 'unexpected word "undefined" (strings need double quotes)', r(0, 1, 0, 10)],
    ['unterminated string', '{"a": "b\n}', 'unterminated string (no closing quote on this line)', r(0, 6, 0, 8)],
    ['bad escape', '["a\\qb"]', 'invalid escape "\\q" in string', r(0, 3, 0, 5)],
    ['short unicode escape', '["\\u12"]', 'invalid unicode escape (\\u needs four hex digits)', r(0, 2, 0, 4)],
    ['tab inside a string', '["a\tb"]', 'control character U+0009 must be escaped in a string', r(0, 3, 0, 4)],
    ['line comment', '{\n  // note\n}', 'comments are not allowed in JSON', r(1, 2, 1, 9)],
    ['block comment', '{/* a\nb */}', 'comments are not allowed in JSON', r(0, 1, 1, 4)],
    ['unclosed object at end of file', '{"a": 1', 'unexpected end of file; expected "," or "}"', r(0, 7, 0, 7)],
    ['empty file', '  \n', 'the file is empty; a JSON value was expected', r(1, 0, 1, 0)],
    ['content after the value', '{} []', 'expected nothing after the end of the JSON value but found "["', r(0, 3, 0, 4)],
    ['astral character', '{"a": 😀}', 'unexpected character "😀"', r(0, 6, 0, 8)],
    ['error after multi-byte characters', '{"ü😀": 1 2}', 'expected "," or "}" but found number', r(0, 10, 0, 11)],
  ];
  for (const [name, text, message, range] of cases) {
    it(name, () => assert.deepEqual(syntaxError(text), { message, range }));
  }
});

describe('didYouMean', () => {
  it('suggests close keys only', () => {
    assert.equal(didYouMean('regoin', ['region', 'rules', 'streams']), 'region');
    assert.equal(didYouMean('target_utilisation', ['target_utilization', 'thresholds']), 'target_utilization');
    assert.equal(didYouMean('colour', ['region', 'rules']), undefined);
  });
});
