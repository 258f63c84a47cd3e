import { strict as assert } from 'assert';
import { resolveLoad } from '../../server/src/core/pricing/load';

describe('resolveLoad', () => {
  it('MiB/s and record size give records/s', () => {
    assert.deepEqual(resolveLoad({ writeMiBPerSec: 2, avgRecordKiB: 4 }), {
      writeBytesPerSec: 2 * 1048576,
      recordsPerSec: 512,
      avgRecordBytes: 4096,
      recordSizeDerived: false,
      avgUtilization: 1,
      replayGiBPerMonth: null,
      readBytesPerSec: null,
    });
  });

  it('records/s and record size give bytes/s', () => {
    const r = resolveLoad({ recordsPerSec: 1000, avgRecordKiB: 0.5, avgUtilization: 0.25 });
    assert.equal(r.writeBytesPerSec, 512000);
    assert.equal(r.avgUtilization, 0.25);
  });

  it('MiB/s and records/s give the record size, marked as derived (a declared size is not)', () => {
    const r = resolveLoad({ writeMiBPerSec: 1, recordsPerSec: 1024 });
    assert.deepEqual([r.avgRecordBytes, r.recordSizeDerived], [1024, true]);
    assert.equal(resolveLoad({ writeMiBPerSec: 1, avgRecordKiB: 1 }).recordSizeDerived, false);
    assert.equal(resolveLoad({ writeMiBPerSec: 1, recordsPerSec: 10, avgRecordKiB: 1 }).recordSizeDerived, false);
  });

  it('carries a declared replay volume, null when not declared', () => {
    assert.equal(resolveLoad({ writeMiBPerSec: 1, replayGiBPerMonth: 50 }).replayGiBPerMonth, 50);
    assert.equal(resolveLoad({ writeMiBPerSec: 1 }).replayGiBPerMonth, null);
  });

  it('one rate alone leaves the others unknown', () => {
    assert.deepEqual(resolveLoad({ recordsPerSec: 5 }), {
      writeBytesPerSec: null,
      recordsPerSec: 5,
      avgRecordBytes: null,
      recordSizeDerived: false,
      avgUtilization: 1,
      replayGiBPerMonth: null,
      readBytesPerSec: null,
    });
  });

  it('all three declared are kept as declared', () => {
    const r = resolveLoad({ writeMiBPerSec: 1, recordsPerSec: 10, avgRecordKiB: 1 });
    assert.deepEqual([r.writeBytesPerSec, r.recordsPerSec, r.avgRecordBytes], [1048576, 10, 1024]);
  });

  it('zero records or a zero size derive nothing (no division by zero)', () => {
    assert.equal(resolveLoad({ writeMiBPerSec: 1, recordsPerSec: 0 }).avgRecordBytes, null);
    assert.equal(resolveLoad({ writeMiBPerSec: 1, avgRecordKiB: 0 }).recordsPerSec, null);
  });
});
