// Matching a stream instance to a snapshot entry, and the observed load's arithmetic, without the rest of the core.
import { strict as assert } from 'assert';
import { observationFor } from '../../server/src/core/metrics/match';
import { declaresRate, observedLoad } from '../../server/src/core/metrics/observedLoad';
import type { LoadedMetrics } from '../../server/src/core/metrics/loadMetrics';
import type { ObservedStream, SnapshotInfo, StreamMetrics } from '../../server/src/core/metrics/snapshot';
import { requiredShards } from '../../server/src/core/capacity/sizing';

const MiB = 1024 * 1024;
const INFO: SnapshotInfo = { file: '/ws/.kinesis-lint/metrics.json', start: '2026-11-12T00:00:00Z', end: '2026-11-26T00:00:00Z', pulledAt: '2026-11-26T00:05:00Z', tool: 'kinesis-lint metrics pull', ageDays: 3, stale: false, maxAgeDays: 30 };

function loaded(streams: StreamMetrics[]): LoadedMetrics {
  const byName = new Map<string, StreamMetrics[]>();
  for (const s of streams) byName.set(s.stream, [...(byName.get(s.stream) ?? []), s]);
  return { file: INFO.file, snapshot: { version: 1, range: { start: INFO.start, end: INFO.end, periodSeconds: 60 }, pulledAt: INFO.pulledAt, source: { tool: INFO.tool }, streams }, info: INFO, digest: 'x', byName };
}
const observed = (m: Partial<StreamMetrics>): ObservedStream => ({ snapshot: INFO, metrics: { stream: 's', region: 'us-east-1', minutes: 100, ...m } });

describe('observationFor', () => {
  const exact: StreamMetrics = { stream: 'events', region: 'eu-west-1', minutes: 5 };
  const anyRegion: StreamMetrics = { stream: 'events', region: null, minutes: 7 };
  const m = loaded([anyRegion, exact]);

  it('same name and region; the region\'s own entry wins over one without a region', () => {
    assert.equal(observationFor(m, 'events', 'eu-west-1')?.metrics, exact);
    assert.equal(observationFor(m, 'events', 'eu-west-1')?.snapshot, INFO);
  });
  it('an entry without a region matches any region', () => {
    assert.equal(observationFor(m, 'events', 'us-east-2')?.metrics, anyRegion);
  });
  it('no match: another name, an unknown name, no snapshot, another region and no region-less entry', () => {
    assert.equal(observationFor(m, 'Events', 'eu-west-1'), null);
    assert.equal(observationFor(m, null, 'eu-west-1'), null);
    assert.equal(observationFor(undefined, 'events', 'eu-west-1'), null);
    assert.equal(observationFor(loaded([exact]), 'events', 'us-east-1'), null);
  });
});

describe('observedLoad', () => {
  const bytes = { peak: 4 * MiB, p99: 2 * MiB, mean: 0.5 * MiB };
  const records = { peak: 4000, p99: 2000, mean: 512 };

  it('p99 writes and records, record size from the means, utilisation mean ÷ p99, reads from GetRecords.Bytes', () => {
    const load = observedLoad(null, observed({ incomingBytes: bytes, incomingRecords: records, getRecordsBytes: { peak: 9, p99: 6 * MiB, mean: 1 } }))!;
    // Only these keys (the rules engineer's maxKeyShare and other declared keys ride along from resolveLoad).
    const { writeBytesPerSec, recordsPerSec, avgRecordBytes, recordSizeDerived, avgUtilization, replayGiBPerMonth, readBytesPerSec, observedRange } = load;
    assert.deepEqual({ writeBytesPerSec, recordsPerSec, avgRecordBytes, recordSizeDerived, avgUtilization, replayGiBPerMonth, readBytesPerSec, observedRange }, {
      writeBytesPerSec: 2 * MiB,
      recordsPerSec: 2000,
      // 0.5 MiB ÷ 512 = 1 KiB.
      avgRecordBytes: 1024,
      recordSizeDerived: true,
      avgUtilization: 0.25,
      replayGiBPerMonth: null,
      readBytesPerSec: 6 * MiB,
      observedRange: { start: INFO.start, end: INFO.end },
    });
    // Shared reads 6 MiB/s ÷ (2 MiB/s × 0.8) = 3.75 → 4 shards, whatever the consumer count says.
    assert.deepEqual([requiredShards(load, 0, 0.8).requiredShards, requiredShards(load, 0, 0.8).binding], [4, 'shared-read']);
    assert.equal(requiredShards(load, 5, 0.8).requiredShards, 4);
  });

  it('declared keys other than rates apply: avg_utilization, replay', () => {
    const load = observedLoad({ avgUtilization: 0.9, replayGiBPerMonth: 10, consumers: 2 }, observed({ incomingBytes: bytes }))!;
    assert.deepEqual([load.avgUtilization, load.replayGiBPerMonth, load.recordsPerSec, load.avgRecordBytes, load.readBytesPerSec], [0.9, 10, null, null, null]);
  });

  it('a p99 of 0 (traffic in under 1 % of the minutes) gives utilisation 1; records alone give their own ratio', () => {
    assert.equal(observedLoad(null, observed({ incomingBytes: { peak: 5, p99: 0, mean: 0.01 } }))!.avgUtilization, 1);
    assert.equal(observedLoad(null, observed({ incomingRecords: records }))!.avgUtilization, 0.256);
  });

  it('no observed load: the declaration has a rate, no observation, no data points, no write metric', () => {
    assert.equal(declaresRate({ consumers: 2 }), false);
    for (const d of [{ writeMiBPerSec: 1 }, { recordsPerSec: 1 }, { avgRecordKiB: 1 }]) {
      assert.equal(declaresRate(d), true);
      assert.equal(observedLoad(d, observed({ incomingBytes: bytes })), null);
    }
    assert.equal(observedLoad(null, null), null);
    assert.equal(observedLoad(null, observed({ minutes: 0, incomingBytes: bytes })), null);
    assert.equal(observedLoad(null, observed({ getRecordsBytes: bytes })), null);
  });
});
