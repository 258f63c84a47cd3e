import { strict as assert } from 'assert';
import { peakUtilization, requiredShards } from '../../server/src/core/capacity/sizing';
import { resolveLoad } from '../../server/src/core/pricing/load';
import {
  MAX_EFO_CONSUMERS_PER_STREAM,
  RETENTION_HOURS,
  SHARD_GET_RECORDS_CALLS_PER_SEC,
} from '../../server/src/core/capacity/limits';
import { roundUp } from '../../server/src/core/capacity/roundUp';

const MiB = 1048576;

describe('requiredShards', () => {
  it('write bytes: 2.4 MiB/s at 80 % needs exactly 3 shards (no floating-point 4)', () => {
    assert.deepEqual(requiredShards(resolveLoad({ writeMiBPerSec: 2.4 }), null, 0.8), {
      requiredShards: 3,
      binding: 'write-bytes',
      perLimit: [{ limit: 'write-bytes', demand: 2.4 * MiB, capacityPerShard: MiB, shards: 3, keyDemand: null, evenShards: 3 }],
      keyShare: null,
      hotKey: null,
    });
  });

  it('write records: 3,500 small records/s need 4 shards even at 1 MiB/s', () => {
    const r = requiredShards(resolveLoad({ writeMiBPerSec: 1, recordsPerSec: 3500 }), null, 1);
    assert.equal(r.requiredShards, 4);
    assert.equal(r.binding, 'write-records');
    assert.deepEqual(r.perLimit.map((l) => [l.limit, l.shards]), [['write-bytes', 1], ['write-records', 4]]);
  });

  it('shared read: 3 MiB/s read by 3 standard consumers share 2 MiB/s per shard', () => {
    const r = requiredShards(resolveLoad({ writeMiBPerSec: 3 }), 3, 0.8);
    // write: ceil(3 / 0.8) = 4; read: ceil(9 / (2 × 0.8)) = 6
    assert.deepEqual(r.perLimit.map((l) => [l.limit, l.demand / MiB, l.shards]), [['write-bytes', 3, 4], ['shared-read', 9, 6]]);
    assert.equal(r.requiredShards, 6);
    assert.equal(r.binding, 'shared-read');
  });

  it('unknown consumers skip the read limit; no consumers need no read shards', () => {
    assert.deepEqual(requiredShards(resolveLoad({ writeMiBPerSec: 3 }), null, 1).perLimit.map((l) => l.limit), ['write-bytes']);
    const none = requiredShards(resolveLoad({ writeMiBPerSec: 3 }), 0, 1);
    assert.deepEqual(none.perLimit.map((l) => [l.limit, l.shards]), [['write-bytes', 3], ['shared-read', 1]]);
    assert.equal(none.binding, 'write-bytes');
  });

  it('at least 1 shard; nothing computable → null', () => {
    assert.equal(requiredShards(resolveLoad({ writeMiBPerSec: 0.001 }), null, 0.8).requiredShards, 1);
    assert.deepEqual(requiredShards(resolveLoad({ avgRecordKiB: 4 }), 2, 0.8), { requiredShards: null, binding: null, perLimit: [], keyShare: null, hotKey: null });
  });

  it('a tie in shards goes to the tighter limit', () => {
    // bytes 0.9 of a shard, records 0.95 of a shard: both need 1 shard, records are tighter.
    assert.equal(requiredShards(resolveLoad({ writeMiBPerSec: 0.9, recordsPerSec: 950 }), null, 1).binding, 'write-records');
  });

  it('rejects a target utilisation outside (0, 1]', () => {
    assert.throws(() => requiredShards(resolveLoad({ writeMiBPerSec: 1 }), null, 0), RangeError);
    assert.throws(() => requiredShards(resolveLoad({ writeMiBPerSec: 1 }), null, 1.5), RangeError);
  });
});

describe('requiredShards with the busiest partition key (max_key_share)', () => {
  // The key's shard carries s·T + (1 − s)·T / N ≤ C·u  ⇒  N ≥ (1 − s)·T / (C·u − s·T).
  it('5 MiB/s with a 10 % key: (0.9 × 5) / (0.8 − 0.5) = 15 shards, not the even 7', () => {
    const r = requiredShards(resolveLoad({ writeMiBPerSec: 5, maxKeyShare: 0.1 }), null, 0.8);
    assert.deepEqual(r.perLimit.map((l) => [l.limit, l.shards, l.evenShards, l.keyDemand! / MiB]), [['write-bytes', 15, 7, 0.5]]);
    assert.equal(r.requiredShards, 15);
    assert.equal(r.keyShare, 0.1);
    assert.equal(r.hotKey, null);
    // At 15 shards the key's shard is at the target: 0.5 + 4.5 / 15 = 0.8 MiB/s.
    assert.ok(Math.abs(peakUtilization(resolveLoad({ writeMiBPerSec: 5, maxKeyShare: 0.1 }), null, 15)!.utilization - 0.8) < 1e-12);
  });

  it('a key alone at or past one shard\'s capacity at the target: no count (requiredShards null, hotKey set)', () => {
    const r = requiredShards(resolveLoad({ writeMiBPerSec: 5, maxKeyShare: 0.16 }), null, 0.8);
    // 0.16 × 5 = 0.8 MiB/s = 1 MiB/s × 0.8: N would be infinite.
    assert.equal(r.requiredShards, null);
    assert.equal(r.hotKey?.limit, 'write-bytes');
    assert.equal(r.binding, 'write-bytes');
    assert.deepEqual(r.perLimit.map((l) => [l.shards, l.evenShards]), [[null, 7]]);
  });

  it('the key share applies to every limit: records can be the impossible one while bytes fit', () => {
    // 5,000 records/s of 0.1 KiB: bytes 0.49 MiB/s; the key: 900 records/s > 800 at the target, 0.09 MiB/s.
    const r = requiredShards(resolveLoad({ recordsPerSec: 5000, avgRecordKiB: 0.1, maxKeyShare: 0.18 }), 0, 0.8);
    assert.equal(r.hotKey?.limit, 'write-records');
    assert.deepEqual(r.perLimit.map((l) => [l.limit, l.shards]), [['write-bytes', 1], ['write-records', null], ['shared-read', 1]]);
  });

  it('a small load with a big key share still needs 1 shard; share 1 on 0.5 MiB/s fits one shard', () => {
    assert.equal(requiredShards(resolveLoad({ writeMiBPerSec: 0.5, maxKeyShare: 1 }), null, 0.8).requiredShards, 1);
    assert.equal(requiredShards(resolveLoad({ writeMiBPerSec: 0, maxKeyShare: 1 }), null, 0.8).requiredShards, 1);
  });
});

describe('peakUtilization', () => {
  it('the most used limit at the current shard count', () => {
    assert.deepEqual(peakUtilization(resolveLoad({ writeMiBPerSec: 2, recordsPerSec: 3000 }), 2, 4), { limit: 'write-records', utilization: 0.75 });
    assert.deepEqual(peakUtilization(resolveLoad({ writeMiBPerSec: 3 }), 4, 4), { limit: 'shared-read', utilization: 1.5 });
    assert.deepEqual(peakUtilization(resolveLoad({ writeMiBPerSec: 2 }), null, 4), { limit: 'write-bytes', utilization: 0.5 });
  });

  it('null when nothing is computable or there are no shards', () => {
    assert.equal(peakUtilization(resolveLoad({}), 2, 4), null);
    assert.equal(peakUtilization(resolveLoad({ writeMiBPerSec: 1 }), 2, 0), null);
  });
});

describe('limits', () => {
  it('quotas from kinesis.md §1', () => {
    assert.equal(MAX_EFO_CONSUMERS_PER_STREAM, 20);
    assert.equal(SHARD_GET_RECORDS_CALLS_PER_SEC, 5);
    assert.deepEqual({ ...RETENTION_HOURS }, { default: 24, min: 24, max: 8760 });
  });

  it('roundUp ignores floating-point noise only', () => {
    assert.equal(roundUp(2.4 / 0.8), 3);
    assert.equal(roundUp(3.01), 4);
    assert.equal(roundUp(0), 0);
  });
});
