// The snapshot reads the language server keeps between passes: bounded by bytes (3 × the text), least recently used
// out first, a snapshot larger than the budget never kept.
import { strict as assert } from 'assert';
import { SnapshotReads } from '../../server/src/core/metrics/loadMetrics';
import { readSnapshot } from '../../server/src/core/metrics/readSnapshot';
import { stringBytes } from '../../server/src/core/memory/approxBytes';

const text = (n: number) => JSON.stringify({ padding: 'x'.repeat(n) });
const read = readSnapshot('{}', { now: new Date(0) });

describe('metrics: the snapshot reads kept between passes', () => {
  it('hits only for the same text; a changed file is read again', () => {
    const reads = new SnapshotReads(1 << 20);
    reads.set('/a.json', text(10), read);
    assert.equal(reads.get('/a.json', text(10)), read);
    assert.equal(reads.get('/a.json', text(11)), undefined);
    assert.equal(reads.get('/b.json', text(10)), undefined);
  });

  it('stays within its bytes: the least recently used file goes first', () => {
    const one = 3 * stringBytes(text(1000));
    const reads = new SnapshotReads(2 * one);
    reads.set('/a.json', text(1000), read);
    reads.set('/b.json', text(1000), read);
    assert.equal(reads.bytes, 2 * one);
    reads.get('/a.json', text(1000)); // a is now the most recently used
    reads.set('/c.json', text(1000), read);
    assert.equal(reads.bytes, 2 * one);
    assert.equal(reads.get('/b.json', text(1000)), undefined, 'b was the least recently used');
    assert.equal(reads.get('/a.json', text(1000)), read);
    assert.equal(reads.get('/c.json', text(1000)), read);
  });

  it('never keeps a snapshot larger than the whole budget, and replacing a file frees its bytes', () => {
    const reads = new SnapshotReads(3 * stringBytes(text(100)));
    reads.set('/big.json', text(101), read);
    assert.equal(reads.bytes, 0);
    assert.equal(reads.get('/big.json', text(101)), undefined);
    reads.set('/a.json', text(100), read);
    reads.set('/a.json', text(50), read);
    assert.equal(reads.bytes, 3 * stringBytes(text(50)));
    reads.delete('/a.json');
    assert.equal(reads.bytes, 0);
  });
});
