import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
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

describe('CachedParser bounded by bytes', () => {
  const blocks = (n: number, edited = -1) =>
    Array.from({ length: n }, (_, i) => `resource "aws_kinesis_stream" "s${i}" {\n  shard_count = ${i === edited ? 20 : 2}\n}\n`);
  const ok = () => ({ ok: true as const, json: { resource: { aws_kinesis_stream: {} } } });

  /** One analysis pass as blockwise.ts runs it: every block requested at once, in file order. */
  async function pass(cache: CachedParser, texts: string[]): Promise<void> {
    cache.beginPass();
    await Promise.all(texts.map((t) => cache.parse(t)));
    await new Promise((r) => setImmediate(r));
  }

  async function workingSet(texts: string[]): Promise<number> {
    const cache = new CachedParser(counting(ok), Number.MAX_SAFE_INTEGER);
    await pass(cache, texts);
    return cache.bytes;
  }

  it('keeps a module of more than 2,048 blocks whole: a one-character edit re-parses one block', async () => {
    const inner = counting(ok);
    const cache = new CachedParser(inner);
    await pass(cache, blocks(3000));
    assert.equal(inner.calls.length, 3000);
    await pass(cache, blocks(3000, 1500));
    assert.equal(inner.calls.length, 3001);
    assert.deepEqual(cache.stats, { parses: 3001, hits: 2999, evictions: 0, refused: 0 });
  });

  it('degrades gradually above its budget: at 1.5× the budget an edit re-parses about a third, not all', async () => {
    const texts = blocks(3000);
    const inner = counting(ok);
    const cache = new CachedParser(inner, Math.floor((await workingSet(texts)) / 1.5));
    await pass(cache, texts);
    for (let edit = 0; edit < 3; edit++) {
      const before = inner.calls.length;
      await pass(cache, blocks(3000, 100 + edit));
      const reparsed = inner.calls.length - before;
      // LRU would evict, in file order, exactly the block needed next: all 3,000 parsed again.
      assert.ok(reparsed >= 995 && reparsed <= 1010, `pass ${edit}: ${reparsed} blocks parsed again`);
    }
    assert.ok(cache.bytes <= Math.floor((await workingSet(texts)) / 1.5));
    assert.ok(cache.stats.refused > 0);
  });

  it('makes room with the entries no longer used (the texts before an edit), least recently used first', async () => {
    const inner = counting(ok);
    const a = blocks(100);
    const b = a.map((t) => `${t}# edited\n`);
    const cache = new CachedParser(inner, Math.floor((await workingSet(a)) * 1.2));
    await pass(cache, a);
    await pass(cache, b);
    assert.ok(cache.stats.evictions >= 80, `${cache.stats.evictions} evictions`);
    assert.equal(cache.stats.refused, 0);
    const before = inner.calls.length;
    await pass(cache, b);
    assert.equal(inner.calls.length, before, 'the current texts are all cached');
  });

  it('counts the result with the key: a result larger than the budget is not kept', async () => {
    const inner = counting(() => ({ ok: true, json: { big: 'x'.repeat(100_000) } }));
    const cache = new CachedParser(inner, 50_000);
    await cache.parse('a = 1');
    await new Promise((r) => setImmediate(r));
    assert.equal(cache.size, 0);
    assert.equal(cache.bytes, 0);
    await cache.parse('a = 1');
    assert.equal(inner.calls.length, 2);
  });

  it('does not keep whole files alive through the block texts sliced from them', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    // An inner parser that keeps nothing (counting() keeps the texts it was given).
    const cache = new CachedParser({ parse: async () => ok() });
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < 50; i++) {
      // 50 versions of a 1 MB file, one block of each cached (V8 shares a slice's characters with its parent).
      const file = `${'#'.repeat(1_000_000)}\n# version ${i}\n${blocks(1)[0]}`;
      await cache.parse(file.slice(1_000_001));
    }
    gc();
    const grownMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    assert.equal(cache.size, 50);
    assert.ok(grownMB < 10, `heap grew ${grownMB.toFixed(1)} MB`);
  });
});
