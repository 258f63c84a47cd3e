// AWS Kinesis Data Streams quotas the linter reasons with. Source of each: the project reference (kinesis.md §1),
// which cites the AWS developer guide ("Quotas and limits", "enhanced consumers", "on-demand mode"), the
// UpdateShardCount API reference and the hashicorp/aws provider docs.

const MiB = 1024 * 1024;

/** Write per shard: 1 MiB/s (partition keys included). AWS guide, "Quotas and limits". */
export const SHARD_WRITE_BYTES_PER_SEC = 1 * MiB;
/** Write per shard: 1,000 records/s. AWS guide, "Quotas and limits". */
export const SHARD_WRITE_RECORDS_PER_SEC = 1000;
/** Shared read per shard: 2 MiB/s across ALL standard (GetRecords) consumers. AWS guide, "Quotas and limits". */
export const SHARD_SHARED_READ_BYTES_PER_SEC = 2 * MiB;
/** GetRecords calls per shard per second, shared by all standard consumers. AWS guide, "Quotas and limits". */
export const SHARD_GET_RECORDS_CALLS_PER_SEC = 5;
/** One GetRecords call returns at most 10 MiB. AWS guide, "Quotas and limits". */
export const GET_RECORDS_MAX_BYTES = 10 * MiB;
/** One GetRecords call returns at most 10,000 records. AWS guide, "Quotas and limits". */
export const GET_RECORDS_MAX_RECORDS = 10000;
/** Enhanced fan-out read: 2 MiB/s per shard per EFO consumer, not shared. AWS guide, "enhanced consumers". */
export const EFO_READ_BYTES_PER_SEC_PER_SHARD = 2 * MiB;

/** EFO consumers per stream (provisioned and on-demand standard). AWS guide; provider docs say "up to 20". */
export const MAX_EFO_CONSUMERS_PER_STREAM = 20;
/** EFO consumers per stream with account-level On-demand Advantage only. AWS guide. */
export const MAX_EFO_CONSUMERS_PER_STREAM_ADVANTAGE = 50;

/** retention_period in hours: default 24, provider validates 24–8760. Provider `retention_period`. */
export const RETENTION_HOURS = { default: 24, min: 24, max: 8760 } as const;
/**
 * Retention pricing thresholds: extended retention applies above 24 h; data older than 7 days (168 h) is
 * long-term storage. AWS Price List (kinesis.md §2).
 */
export const EXTENDED_RETENTION_AFTER_HOURS = 24;
export const LONG_TERM_RETENTION_AFTER_HOURS = 7 * 24;

/** max_record_size_in_kib: 1 MiB default, 1024–10240 (provider ≥ 6.20.0). AWS blog 2025-10-28; provider docs. */
export const MAX_RECORD_SIZE_KIB = { default: 1024, min: 1024, max: 10240 } as const;

/** A new on-demand stream starts at 4 MiB/s write and 8 MiB/s read. AWS guide, "on-demand mode". */
export const ON_DEMAND_DEFAULT_WRITE_BYTES_PER_SEC = 4 * MiB;
export const ON_DEMAND_DEFAULT_READ_BYTES_PER_SEC = 8 * MiB;
/** On-demand absorbs up to 2× the previous 30-day peak write. AWS guide, "on-demand mode". */
export const ON_DEMAND_PEAK_MULTIPLIER = 2;
/** On-demand maximum write: 10 GiB/s in these regions, 200 MiB/s elsewhere. AWS guide, "on-demand mode". */
export const ON_DEMAND_MAX_WRITE_BYTES_PER_SEC_LARGE = 10 * 1024 * MiB;
export const ON_DEMAND_LARGE_REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1'];
export const ON_DEMAND_MAX_WRITE_BYTES_PER_SEC_OTHER = 200 * MiB;
/** On-demand streams per account per region by default. AWS guide, "on-demand mode". */
export const ON_DEMAND_STREAMS_PER_ACCOUNT_REGION = 50;

/** Resharding: at most 10 UpdateShardCount calls per rolling 24 h, each at most 2× up or ½ down. API reference. */
export const UPDATE_SHARD_COUNT_PER_24H = 10;
export const UPDATE_SHARD_COUNT_MAX_FACTOR = 2;

/** Maximum on-demand write throughput in `region`. */
export function onDemandMaxWriteBytesPerSec(region: string): number {
  return ON_DEMAND_LARGE_REGIONS.includes(region) ? ON_DEMAND_MAX_WRITE_BYTES_PER_SEC_LARGE : ON_DEMAND_MAX_WRITE_BYTES_PER_SEC_OTHER;
}
