// The load a user declares for a stream (annotation or .kinesis-lint.json), and its normalised form.
// Declared rates are peaks: sizing uses them as they are, cost scales them by the average utilisation.

const BYTES_PER_MiB = 1024 * 1024;
const BYTES_PER_KiB = 1024;

/** Peak rates as the user declared them, already validated (non-negative; utilisation 0..1). */
export interface DeclaredLoad {
  writeMiBPerSec?: number;
  recordsPerSec?: number;
  avgRecordKiB?: number;
  /** Average over the month as a fraction of the peak, 0..1; default 1 (the peak all month). */
  avgUtilization?: number;
  /** GiB read per month from data older than 7 days (replays); priced as long-term retrieval. */
  replayGiBPerMonth?: number;
  /** The busiest partition key's share of the writes, 0 < x ≤ 1 (sizing: its shard carries it whole). */
  maxKeyShare?: number;
}

/** Any two of bytes/records/size give the third; what cannot be derived is null. */
export interface ResolvedLoad {
  writeBytesPerSec: number | null;
  recordsPerSec: number | null;
  avgRecordBytes: number | null;
  /**
   * True when the record size is write ÷ records rather than declared: an average of the month, not the size of
   * every record, so per-record rounding of it is uncertain (it may be a unit artefact, e.g. 0.8 MiB ÷ 800).
   */
  recordSizeDerived: boolean;
  avgUtilization: number;
  replayGiBPerMonth: number | null;
  /**
   * Peak bytes/s the standard (shared-throughput) consumers read, observed (GetRecords.Bytes p99): sizing's
   * shared-read demand is then this rather than write × standard consumers. null for a declared load.
   */
  readBytesPerSec: number | null;
  /** Set when the rates are observed (core/metrics/observedLoad.ts): the snapshot's range, for the words. */
  observedRange?: { start: string; end: string };
  /**
   * The busiest partition key's share of the traffic (declared max_key_share, or what per-shard metrics show of the
   * hottest shard, the larger): sizing keeps that key's shard within the limits. null: keys spread evenly.
   */
  maxKeyShare: number | null;
}

export function resolveLoad(d: DeclaredLoad): ResolvedLoad {
  let bytes = d.writeMiBPerSec !== undefined ? d.writeMiBPerSec * BYTES_PER_MiB : null;
  let records = d.recordsPerSec ?? null;
  let size = d.avgRecordKiB !== undefined ? d.avgRecordKiB * BYTES_PER_KiB : null;
  // When all three are declared they are kept as declared: the user's numbers win over arithmetic.
  if (bytes === null && records !== null && size !== null) bytes = records * size;
  else if (records === null && bytes !== null && size !== null && size > 0) records = bytes / size;
  const recordSizeDerived = size === null && bytes !== null && records !== null && records > 0;
  if (recordSizeDerived) size = bytes! / records!;
  return {
    writeBytesPerSec: bytes,
    recordsPerSec: records,
    avgRecordBytes: size,
    recordSizeDerived,
    avgUtilization: d.avgUtilization ?? 1,
    replayGiBPerMonth: d.replayGiBPerMonth ?? null,
    maxKeyShare: d.maxKeyShare ?? null,
    readBytesPerSec: null,
  };
}
