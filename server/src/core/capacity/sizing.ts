// How many shards a declared (or observed) peak load needs, and how hard a given shard count is used. AWS's own formula
// (developer guide, "Creating a stream") covers write bytes and shared reads; the 1,000 records/s write limit
// is added because AWS's formula forgets it. EFO consumers have their own 2 MiB/s each and do not count.
//
// Partition-key skew: a partition key always lands on one shard (AWS guide, "Partition key"), so when the busiest
// key carries a share s of a limit's demand T, its shard carries s·T plus its even part of the rest, (1 − s)·T / N.
// Keeping that within C·u (capacity per shard × target utilisation) needs N ≥ (1 − s)·T / (C·u − s·T), and no N
// does when s·T ≥ C·u: only spreading the key helps.
import type { ResolvedLoad } from '../pricing/load';
import { SHARD_SHARED_READ_BYTES_PER_SEC, SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './limits';
import { roundUp } from './roundUp';

export type BindingLimit = 'write-bytes' | 'write-records' | 'shared-read';

export interface LimitDemand {
  limit: BindingLimit;
  /** Per second: bytes for write-bytes and shared-read, records for write-records. */
  demand: number;
  capacityPerShard: number;
  /** Shards this limit alone needs at the target utilisation; null when the busiest key alone exceeds one shard's
   *  capacity at the target (keyDemand ≥ capacityPerShard × target): no shard count carries it. */
  shards: number | null;
  /** What the busiest partition key alone puts on its shard (maxKeyShare × demand); null without a key share. */
  keyDemand: number | null;
  /** Shards with the keys spread evenly (no key share), for "once the key is spread, N shards". */
  evenShards: number;
}

export interface SizingResult {
  /** null when the load cannot decide (nothing declared), or when no shard count can carry the busiest key (hotKey). */
  requiredShards: number | null;
  /** Which limit set the number (or, with hotKey, the limit the key exceeds). */
  binding: BindingLimit | null;
  /** Only the limits the load lets us compute. */
  perLimit: LimitDemand[];
  /** The busiest key's share used (load.maxKeyShare), or null. */
  keyShare: number | null;
  /** The limit whose per-shard capacity the busiest key alone exceeds at the target utilisation, or null: then
   *  requiredShards is null and more shards cannot help (hot-shard says so). */
  hotKey: LimitDemand | null;
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

/** A usable key share: (0, 1], else none (an even spread). */
function shareOf(load: ResolvedLoad): number | null {
  const s = load.maxKeyShare;
  return s !== null && s !== undefined && s > 0 && s <= 1 ? s : null;
}

/**
 * Shards one limit needs at the target utilisation with the busiest key's share s of its demand:
 * N ≥ (1 − s)·T / (C·u − s·T), at least 1; null when s·T ≥ C·u (no N carries the key). Without s: T / (C·u).
 */
export function shardsFor(demand: number, capacityPerShard: number, targetUtilization: number, share: number | null): number | null {
  const room = capacityPerShard * targetUtilization;
  const even = Math.max(1, roundUp(demand / room));
  if (share === null || demand === 0) return even;
  const key = share * demand;
  // At the room itself (up to floating-point noise: 2/3 × 1.2 is not quite 0.8) N would be infinite.
  if (key >= room * (1 - 1e-9)) return null;
  return Math.max(even, roundUp(((1 - share) * demand) / (room - key)));
}

/** shards = max over limits of the shards each needs at the target utilisation (key share included), at least 1. */
export function requiredShards(load: ResolvedLoad, standardConsumers: number | null, targetUtilization: number): SizingResult {
  if (!(targetUtilization > 0 && targetUtilization <= 1)) {
    throw new RangeError(`targetUtilization must be in (0, 1], got ${targetUtilization}`);
  }
  const share = shareOf(load);
  const perLimit: LimitDemand[] = demands(load, standardConsumers).map((d) => ({
    ...d,
    shards: shardsFor(d.demand, d.capacityPerShard, targetUtilization, share),
    keyDemand: share === null ? null : share * d.demand,
    evenShards: Math.max(1, roundUp(d.demand / (d.capacityPerShard * targetUtilization))),
  }));
  if (perLimit.length === 0) return { requiredShards: null, binding: null, perLimit, keyShare: share, hotKey: null };
  // A limit no shard count can carry decides: the one the key exceeds the most.
  const impossible = perLimit.filter((p) => p.shards === null);
  if (impossible.length > 0) {
    const hotKey = impossible.reduce((a, b) => (b.keyDemand! / b.capacityPerShard > a.keyDemand! / a.capacityPerShard ? b : a));
    return { requiredShards: null, binding: hotKey.limit, perLimit, keyShare: share, hotKey };
  }
  // The binding limit is the one needing the most shards; ties go to the most demanding one before rounding.
  const binding = perLimit.reduce((a, b) =>
    b.shards! > a.shards! || (b.shards === a.shards && b.demand / b.capacityPerShard > a.demand / a.capacityPerShard) ? b : a);
  return { requiredShards: binding.shards, binding: binding.limit, perLimit, keyShare: share, hotKey: null };
}

/**
 * Peak utilisation of the most used limit at `shards` (1 = exactly at the limit) on the busiest shard: with a key
 * share s, the key's shard carries s·T + (1 − s)·T / N; null when nothing is computable.
 */
export function peakUtilization(
  load: ResolvedLoad,
  standardConsumers: number | null,
  shards: number,
): { limit: BindingLimit; utilization: number } | null {
  if (!(shards > 0)) return null;
  const share = shareOf(load) ?? 0;
  let best: { limit: BindingLimit; utilization: number } | null = null;
  for (const d of demands(load, standardConsumers)) {
    const busiest = share * d.demand + ((1 - share) * d.demand) / shards;
    const utilization = busiest / d.capacityPerShard;
    if (!best || utilization > best.utilization) best = { limit: d.limit, utilization };
  }
  return best;
}
