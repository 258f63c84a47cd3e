// What one analysis returns: findings plus a cost/capacity report per stream. The CLI's JSON and the language
// server's hover/code lens are both renderings of these objects.
import type { Finding, Range } from './types';
import type { CapacityMode, DeclaredLoad, Estimate } from './pricing/estimate';
import type { BindingLimit, SizingResult } from './capacity/sizing';
import type { Bound, ReportedUnknown, UnknownInput } from './partial';
import type { ObservedStream, SnapshotInfo } from './metrics/snapshot';

export type ShardLevelMetric = 'IncomingBytes' | 'IncomingRecords';

export interface StreamReport {
  /** Full address, e.g. module.ingest.aws_kinesis_stream.events (instances share one report). */
  resource: string;
  /** Absolute path of the file that defines the resource. */
  file: string;
  /** The instances' `name`s (CloudWatch's StreamName dimension), distinct, in instance order; null when any instance's
   *  name cannot be resolved. */
  names: string[] | null;
  /** Which of the shard-level metrics kinesis-lint reads (IncomingBytes, IncomingRecords) every instance enables
   *  in `shard_level_metrics` (ALL enables both); [] when none; null when the list cannot be resolved. */
  shardLevelMetrics: ShardLevelMetric[] | null;
  /** The resource's header range. */
  range: Range;
  /** count / for_each multiplicity; null when it cannot be resolved (its own, or a module's around it). */
  instances: number | null;
  /** null when unknown (e.g. a dynamic stream_mode_details whose for_each is unknown: nothing is priced and the total is
   *  unknown) or not the same for every instance. */
  mode: CapacityMode | null;
  /** Per instance; null when unknown (or ON_DEMAND). */
  shardCount: number | null;
  region: string;
  retentionHours: number | null;
  /** Readers found in Terraform plus declared ones: a lower bound when some reader's target cannot be resolved. */
  consumers: { standard: Bound; efo: Bound };
  /** The declared load (annotation or config), or null. */
  declared: DeclaredLoad | null;
  /** Where the instances' load comes from: the declaration, the metrics snapshot's observation (the declaration has
   *  no rate), or nowhere; null also when the instances differ (a for_each whose instances are observed or not). */
  loadSource: 'declared' | 'observed' | null;
  /** What the snapshot observed of the stream (matched by name and region; used as the load or not); null when
   *  nothing, or when the instances' observations differ (each instance is its own CloudWatch stream). */
  observed: ObservedStream | null;
  requiredShards: number | null;
  bindingLimit: BindingLimit | null;
  /** Peak utilisation of the binding limit at the current shard count (0..n), or null. */
  peakUtilization: number | null;
  estimate: Estimate;
  /**
   * The monthly total of all instances: exact, a lower bound when only lines that can only add are unknown, or
   * null when it cannot be bounded (unknown instance count or mode, nothing priceable). Never 0 for "unknown".
   */
  monthlyCost: Bound;
  /** One instance's total when the instance count is unknown (the estimate is then one instance's), else null. */
  monthlyCostPerInstance: Bound;
  /** True when anything above is not exact; `unknowns` then says what and why. */
  partial: boolean;
  unknowns: UnknownInput[];
  /** Per-limit capacity math for the first instance (null without a declared load). */
  sizing: SizingResult | null;
  targetUtilization: number;
  /** The readers found in Terraform, with where they are. */
  consumerLinks: ConsumerReport[];
  /** Where the editor attaches hover, inlay hints and code lenses. */
  targets: StreamTargets;
  /**
   * The region has no verified prices: every amount is unknown, and this is the total at `priceRegion`'s rates, for
   * reference only (said "at us-east-1 rates" wherever shown). Absent for a region with prices.
   */
  atFallbackRates?: { usd: Bound; priceRegion: string };
}

export type TargetArgument = 'shard_count' | 'retention_period' | 'stream_mode' | 'encryption_type' | 'kms_key_id';

export interface StreamTargets {
  /** The whole resource block. */
  block: Range;
  /** Name and value ranges of the arguments the editor annotates (stream_mode is inside stream_mode_details). */
  arguments: Partial<Record<TargetArgument, { name: Range; value: Range }>>;
  /** The `kinesis-lint:` comments that declare the load. */
  annotations: Range[];
}

export interface ConsumerReport {
  /** e.g. aws_lambda_event_source_mapping.reader[0] */
  address: string;
  kind: 'standard' | 'efo';
  type: string;
  file: string;
  /** The consumer resource's header. */
  range: Range;
  /** Event source mappings reading through this EFO consumer. */
  usedBy: string[];
}

export interface ModuleAnalysis {
  /** Absolute path of the module's directory. */
  dir: string;
  /** Absolute paths of the files read (.tf, .tfvars, config, price table). */
  files: string[];
  findings: Finding[];
  streams: StreamReport[];
  /** Unknowns that concern no one stream, e.g. a module that could not be read (with the module call's address). */
  unknowns?: ReportedUnknown[];
  /** Every `module "x"` block of the tree, once per instance of the module that holds it (the editor's call lens). */
  moduleCalls?: ModuleCallReport[];
  /** The metrics snapshot the analysis used (valid and read); absent without one. */
  metrics?: MetricsReport;
}

/** A snapshot as a root module's analysis used it. */
export interface MetricsReport extends SnapshotInfo {
  /** Stream entries in the snapshot. */
  entries: number;
  /** Stream resources of this analysis with an observation (any entry matched by name and region). */
  matched: number;
}

/** A `module "x"` block in one instance of its module, and the streams it creates (pipeline/moduleCalls.ts). */
export interface ModuleCallReport {
  file: string;
  /** The block's header: `module "x"`. */
  range: Range;
  /** The address of the module instance that holds the block: '' in the root, else e.g. module.big. */
  caller: string;
  /** The call's address in that instance: module.x, module.big.module.x. */
  address: string;
  /** The stream reports under it (every instance of the call), by address. */
  streams: string[];
  /** Their total: exact, a lower bound, or unknown (a module under it could not be read, an unknown count). */
  monthlyCost: Bound;
  /** Modules under it that could not be read (their streams are missing). */
  unread: number;
}
