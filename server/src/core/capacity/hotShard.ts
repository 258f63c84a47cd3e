// A hot shard in per-shard metrics (shard-level IncomingBytes / IncomingRecords of a snapshot): the hottest shard's
// p99 against the mean of the shards' p99s, and the busiest key's share of the writes it implies.
//
// If one key's share s of the total T lands on the hottest of N shards and the rest spreads evenly, that shard
// carries H = s·T + (1 − s)·T / N while the shards average M = T / N, so s = (H / M − 1) / (N − 1). This is the
// worst case (the skew may also come from uneven hash ranges, which resharding evens out), so sizing for it never
// undersizes.
import type { StreamMetrics } from '../metrics/snapshot';
import type { Thresholds } from '../config/config';
import { SHARD_WRITE_BYTES_PER_SEC, SHARD_WRITE_RECORDS_PER_SEC } from './limits';

/** thresholds.hot_shard_factor (the hottest shard's p99 ≥ this × the mean of the shards' p99s) and
 *  hot_shard_min_utilization (… and ≥ this × one shard's write limit). */
export type HotShardThresholds = Pick<Thresholds, 'hotShardFactor' | 'hotShardMinUtilization'>;

export interface HotShard {
  shardId: string;
  metric: 'bytes' | 'records';
  /** The hottest shard's p99 per second (bytes or records). */
  p99: number;
  /** The mean of the shards' p99s. */
  meanOfShards: number;
  /** Shards with this metric in the snapshot. */
  shards: number;
  /** p99 / meanOfShards. */
  ratio: number;
  /** p99 / one shard's write limit (1 MiB/s or 1,000 records/s). */
  utilization: number;
  capacityPerShard: number;
  /** The busiest key's share of the writes this implies: (ratio − 1) / (shards − 1), in [0, 1]. */
  share: number;
}

/** The hottest shard when it passes both thresholds (the one using more of its limit when bytes and records both
 *  do); null without per-shard metrics for 2 shards or more, or when no shard is hot. */
export function hotShardOf(metrics: StreamMetrics | undefined, t: HotShardThresholds): HotShard | null {
  if (!metrics?.shards) return null;
  const found = [hottest(metrics, 'bytes', SHARD_WRITE_BYTES_PER_SEC), hottest(metrics, 'records', SHARD_WRITE_RECORDS_PER_SEC)]
    .filter((h): h is HotShard => h !== null && h.ratio >= t.hotShardFactor && h.utilization >= t.hotShardMinUtilization);
  if (found.length === 0) return null;
  return found.reduce((a, b) => (b.utilization > a.utilization ? b : a));
}

function hottest(metrics: StreamMetrics, metric: 'bytes' | 'records', capacityPerShard: number): HotShard | null {
  const rows = Object.entries(metrics.shards ?? {})
    .map(([id, m]) => [id, metric === 'bytes' ? m.incomingBytes?.p99 : m.incomingRecords?.p99] as const)
    .filter((r): r is readonly [string, number] => typeof r[1] === 'number' && Number.isFinite(r[1]) && r[1] >= 0)
    // Shard ids sort as AWS numbers them (shardId-000000000003): ties go to the first.
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (rows.length < 2) return null;
  const mean = rows.reduce((sum, r) => sum + r[1], 0) / rows.length;
  if (!(mean > 0)) return null;
  const [shardId, p99] = rows.reduce((a, b) => (b[1] > a[1] ? b : a));
  const ratio = p99 / mean;
  const share = Math.min(1, Math.max(0, (ratio - 1) / (rows.length - 1)));
  return { shardId, metric, p99, meanOfShards: mean, shards: rows.length, ratio, utilization: p99 / capacityPerShard, capacityPerShard, share };
}
