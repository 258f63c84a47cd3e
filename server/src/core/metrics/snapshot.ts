// The metrics snapshot (.kinesis-lint/metrics.json): what CloudWatch observed of each stream over a time range,
// reduced to per-second statistics over 1-minute periods. `kinesis-lint metrics pull` writes it (or it is read from
// the raw output of `aws cloudwatch get-metric-data`); the analysis reads it offline (docs/metrics.md).

/** The snapshot's format version; a reader refuses other versions with a clear message. */
export const SNAPSHOT_VERSION = 1;

/** Where `metrics pull` writes and the analysis looks by default (config `metrics.file` overrides). */
export const DEFAULT_SNAPSHOT_PATH = '.kinesis-lint/metrics.json';

/** The statistics are over 1-minute periods: CloudWatch's finest period for Kinesis stream metrics. */
export const PERIOD_SECONDS = 60;

/**
 * CloudWatch keeps 1-minute data points for 15 days (CloudWatch User Guide, "Metrics retention"), so a pull of
 * 1-minute periods reaches back at most 15 days.
 */
export const MAX_DAYS = 15;

/** Per second, over the range's 1-minute periods (a minute without a data point counts as 0). */
export interface Stats {
  /** The busiest minute's average rate per second. */
  peak: number;
  /** The 99th percentile (nearest rank) of the minutes' rates. */
  p99: number;
  /** The mean rate over the whole range. */
  mean: number;
}

/** A throttling metric: the rates as for Stats, plus the count over the range and the minutes it happened in. */
export interface ThrottleStats extends Stats {
  /** WriteProvisionedThroughputExceeded: records rejected; ReadProvisionedThroughputExceeded: GetRecords calls. */
  total: number;
  /** Minutes with a count > 0. */
  minutes: number;
}

export interface ShardMetrics {
  incomingBytes?: Stats;
  incomingRecords?: Stats;
}

export interface StreamMetrics {
  /** The stream's name (CloudWatch dimension StreamName). */
  stream: string;
  /** The region the metrics were read in; null when the source does not say (raw get-metric-data output). */
  region: string | null;
  /** Minutes with any data point: 0 tells a stream without traffic (or without metrics) apart. */
  minutes: number;
  incomingBytes?: Stats;
  incomingRecords?: Stats;
  /** GetRecords.Bytes: what standard (shared-throughput) consumers read. */
  getRecordsBytes?: Stats;
  writeThrottled?: ThrottleStats;
  readThrottled?: ThrottleStats;
  /** SubscribeToShardEvent.Bytes per EFO consumer (dimension ConsumerName). */
  efoConsumers?: Record<string, Stats>;
  /** Shard-level IncomingBytes / IncomingRecords (dimension ShardId), when the stream has shard-level metrics. */
  shards?: Record<string, ShardMetrics>;
}

export interface SnapshotSource {
  /** "kinesis-lint metrics pull" or "aws cloudwatch get-metric-data". */
  tool: string;
  /** kinesis-lint's version for a pull. */
  version?: string;
  /** The AWS profile used, when one was named. */
  profile?: string;
}

/** A stream the pull could not read, and why ("no data points: no such stream in eu-west-1, or no traffic"). */
export interface SnapshotError {
  stream: string;
  region: string | null;
  message: string;
}

export interface MetricsSnapshot {
  version: typeof SNAPSHOT_VERSION;
  /** ISO 8601 instants; the statistics cover [start, end). */
  range: { start: string; end: string; periodSeconds: number };
  /** When the data was read (ISO 8601). */
  pulledAt: string;
  source: SnapshotSource;
  streams: StreamMetrics[];
  errors?: SnapshotError[];
}

/** What the analysis knows of the snapshot one stream's observation came from (hover, report, stale notice). */
export interface SnapshotInfo {
  /** Absolute path of the snapshot file. */
  file: string;
  start: string;
  end: string;
  pulledAt: string;
  tool: string;
  /** Whole days between pulledAt and the analysis' clock. */
  ageDays: number;
  /** ageDays > metrics.max_age_days. */
  stale: boolean;
  maxAgeDays: number;
}

/** One stream's observation: the snapshot it came from and its metrics. */
export interface ObservedStream {
  snapshot: SnapshotInfo;
  metrics: StreamMetrics;
}
