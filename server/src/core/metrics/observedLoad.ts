// The observed load: where a stream declares no rate, what CloudWatch saw becomes its load (docs/metrics.md, "How the
// observation becomes the load"). Peaks for sizing are the p99 of the 1-minute rates (the busiest minute is often a
// one-off: a backfill, a replay); the month's average for cost is the mean.
import type { Declaration } from '../model/annotations';
import { resolveLoad, type ResolvedLoad } from '../pricing/load';
import type { ObservedStream } from './snapshot';

/** The declaration declares a rate of its own: then it is the load, and the observation is only compared with it. */
export function declaresRate(d: Declaration | null): boolean {
  return d !== null && (d.writeMiBPerSec !== undefined || d.recordsPerSec !== undefined || d.avgRecordKiB !== undefined);
}

/**
 * null when the declaration has a rate, there is no observation, it has no data point (minutes 0) or neither
 * IncomingBytes nor IncomingRecords. Other declared keys (consumers, avg_utilization, replay, …) still apply.
 */
export function observedLoad(declaration: Declaration | null, observed: ObservedStream | null): ResolvedLoad | null {
  if (declaresRate(declaration) || !observed || observed.metrics.minutes === 0) return null;
  const { incomingBytes: bytes, incomingRecords: records, getRecordsBytes: reads } = observed.metrics;
  if (!bytes && !records) return null;
  // The declaration's other keys, resolved as usual (no rate among them).
  const base = resolveLoad(declaration ?? {});
  const avgRecordBytes = bytes && records && records.mean > 0 ? bytes.mean / records.mean : null;
  const utilization = declaration?.avgUtilization ?? (bytes ? (bytes.p99 > 0 ? Math.min(1, bytes.mean / bytes.p99) : 1) : records && records.p99 > 0 ? Math.min(1, records.mean / records.p99) : 1);
  return {
    ...base,
    writeBytesPerSec: bytes ? bytes.p99 : null,
    recordsPerSec: records ? records.p99 : null,
    avgRecordBytes,
    recordSizeDerived: avgRecordBytes !== null,
    avgUtilization: utilization,
    readBytesPerSec: reads ? reads.p99 : null,
    observedRange: { start: observed.snapshot.start, end: observed.snapshot.end },
  };
}
