import { strict as assert } from 'node:assert';
import { CachedParser, type TextParser } from '../../server/src/core/syntax/parseCache';
import type { HclParseResult } from '../../server/src/core/syntax/hcl2json';

const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function counting(result: (text: string) => HclParseResult): TextParser & { calls: string[] } {
  const calls: string[] = [];
  return { calls, parse: async (text) => (calls.push(text), result(text)) };
}

describe('CachedParser', () => {
  it('parses a text once and answers repeats from the cache', async () => {
    const inner = counting(() => ({ ok: true, json: { a: 1 } }));
    const cache = new CachedParser(inner);
    assert.deepEqual(await cache.parse('a = 1'), { ok: true, json: { a: 1 } });
    assert.deepEqual(await cache.parse('a = 1'), { ok: true, json: { a: 1 } });
    await cache.parse('a = 2');
    assert.deepEqual(inner.calls, ['a = 1', 'a = 2']);
  });

  it('keeps syntax errors but forgets parser failures, so the next request retries', async () => {
    const inner = counting((text) => ({
      ok: false,
      diagnostics: [{ summary: text === 'crash' ? 'HCL parser crashed' : 'Invalid expression', detail: '', range: ZERO }],
    }));
    const cache = new CachedParser(inner);
    await cache.parse('crash');
    await cache.parse('x =');
    await new Promise((r) => setImmediate(r));
    await cache.parse('crash');
    await cache.parse('x =');
    assert.deepEqual(inner.calls, ['crash', 'x =', 'crash']);
  });
});
