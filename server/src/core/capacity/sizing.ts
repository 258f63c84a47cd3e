// How many shards a declared (or observed) peak load needs, and how hard a given shard count is used. AWS's own formula
// (developer guide, "Creating a stream") covers write bytes and shared reads; the 1,000 records/s write limit
// is added because AWS's formula forgets it. EFO consumers have their own 2 MiB/s each and do not count.
import type { ResolvedLoad } from '../pricing/load';
import { SHARD_SHARED_READ_BYTES_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './limits';
import { roundUp } from './roundUp';

export type BindingLimit = 'write-bytes' | 'write-records' | 'shared-read';

export interface LimitDemand {
  limit: BindingLimit;
  /** Per second: bytes for write-bytes and shared-read, records for write-records. */
  demand: number;
  capacityPerShard: number;
  /** Shards this limit alone needs at the target utilisation. */
  shards: number;
}

export interface SizingResult {
  /** null when the load cannot decide (nothing declared). */
  requiredShards: number | null;
  /** Which limit set the number. */
  binding: BindingLimit | null;
  /** Only the limits the load lets us compute. */
  perLimit: LimitDemand[];
}

/** The per-shard limits the load lets us compute, with their demand. */
function demands(load: ResolvedLoad, standardConsumers: number | null): { limit: BindingLimit; demand: number; capacityPerShard: number }[] {
  const out: { limit: BindingLimit; demand: number; capacityPerShard: number }[] = [];
  if (load.writeBytesPerSec !== null) {
    out.push({ limit: 'write-bytes', demand: load.writeBytesPerSec, capacityPerShard: SHARD_WRITE_BYTES_PER_SEC });
  }
  if (load.recordsPerSec !== null) {
    out.push({ limit: 'write-records', demand: load.recordsPerSec, capacityPerShard: SHARD_WRITE_RECORDS_PER_SEC });
  }
  // Every standard consumer reads every byte, and they all share 2 MiB/s per shard. Unknown consumers: skip.
  // Observed reads (GetRecords.Bytes) are what every standard reader together took: they are the demand as they are.
  if (load.readBytesPerSec != null) {
    out.push({ limit: 'shared-read', demand: load.readBytesPerSec, capacityPerShard: SHARD_SHARED_READ_BYTES_PER_SEC });
  } else if (load.writeBytesPerSec !== null && standardConsumers !== null) {
    out.push({ limit: 'shared-read', demand: load.writeBytesPerSec * standardConsumers, capacityPerShard: SHARD_SHARED_READ_BYTES_PER_SEC });
  }
  return out;
}

/** shards = max over limits of ceil(demand / (capacityPerShard × targetUtilization)), at least 1. */
export function requiredShards(load: ResolvedLoad, standardConsumers: number | null, targetUtilization: number): SizingResult {
  if (!(targetUtilization > 0 && targetUtilization <= 1)) {
    throw new RangeError(`targetUtilization must be in (0, 1], got ${targetUtilization}`);
  }
  const perLimit = demands(load, standardConsumers).map((d) => ({
    ...d,
    shards: Math.max(1, roundUp(d.demand / (d.capacityPerShard * targetUtilization))),
  }));
  if (perLimit.length === 0) return { requiredShards: null, binding: null, perLimit };
  // The binding limit is the most demanding one before rounding, so ties in shard count go to the tighter limit.
  const binding = perLimit.reduce((a, b) => (b.demand / b.capacityPerShard > a.demand / a.capacityPerShard ? b : a));
  return { requiredShards: binding.shards, binding: binding.limit, perLimit };
}

/** Peak utilisation of the most used limit at `shards` (1 = exactly at the limit); null when nothing is computable. */
export function peakUtilization(
  load: ResolvedLoad,
  standardConsumers: number | null,
  shards: number,
): { limit: BindingLimit; utilization: number } | null {
  if (!(shards > 0)) return null;
  let best: { limit: BindingLimit; utilization: number } | null = null;
  for (const d of demands(load, standardConsumers)) {
    const utilization = d.demand / (d.capacityPerShard * shards);
    if (!best || utilization > best.utilization) best = { limit: d.limit, utilization };
  }
  return best;
}
