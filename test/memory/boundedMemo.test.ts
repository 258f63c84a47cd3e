import { strict as assert } from 'node:assert';
import { approxBytes } from '../../server/src/core/memory/approxBytes';
import { BoundedMemo } from '../../server/src/core/memory/boundedMemo';

/** A memo of `key.toUpperCase()` that counts its computations; every entry the same size for simple budgets. */
function memo(entries: number) {
  let computed = 0;
  const one = new BoundedMemo<string>(Number.MAX_SAFE_INTEGER, () => 100);
  one.get('k0000', () => 'K');
  const m = new BoundedMemo<string>(one.bytes * entries, () => 100);
  const get = (key: string) => m.get(key, () => (computed++, key.toUpperCase()));
  return { m, get, computed: () => computed };
}
const keys = (n: number, prefix = 'k') => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);

describe('BoundedMemo', () => {
  it('computes a key once while under its budget', () => {
    const { m, get, computed } = memo(1000);
    for (let pass = 0; pass < 3; pass++) for (const k of keys(900)) assert.equal(get(k), k.toUpperCase());
    assert.equal(computed(), 900);
    assert.deepEqual(m.stats, { hits: 1800, misses: 900, refused: 0, evictions: 0 });
  });

  it('serves part of a working set above its budget instead of none (cyclic use, 1.5× the budget)', () => {
    const { m, get, computed } = memo(1000);
    for (const k of keys(1500)) get(k);
    const before = computed();
    for (let pass = 0; pass < 4; pass++) for (const k of keys(1500)) get(k);
    // Clearing when full (the old policy) would compute all 1,500 on every pass.
    const perPass = (computed() - before) / 4;
    assert.ok(perPass <= 510, `${perPass} computed per pass`);
    assert.ok(m.size <= 1000);
  });

  it('drops what is no longer used once it has refused as many newcomers as it holds', () => {
    const { m, get, computed } = memo(1000);
    for (const k of keys(1000, 'old')) get(k);
    const held = m.size;
    assert.ok(held > 900);
    // A new working set of 500 keys, used repeatedly: the 1,000 old keys are never asked for again.
    for (let pass = 0; pass < 4; pass++) for (const k of keys(500, 'new')) get(k);
    assert.equal(m.stats.evictions, held);
    const before = computed();
    for (const k of keys(500, 'new')) get(k);
    assert.equal(computed(), before, 'the new working set is held');
  });
});

describe('approxBytes', () => {
  it('counts strings by their characters, wide ones twice, and containers by their slots', () => {
    assert.equal(approxBytes('abcd'), 20);
    assert.equal(approxBytes('ab€d'), 24);
    assert.equal(approxBytes([1, 'a']), 24 + 16 + 16 + 17);
    assert.equal(approxBytes({ a: null }), 24 + 24 + 17 + 8);
  });

  it('stops at a depth limit instead of recursing without end', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 5000; i++) deep = [deep];
    assert.ok(approxBytes(deep) > 0);
  });
});
