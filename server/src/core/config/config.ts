// The shape of a loaded .kinesis-lint.json (camelCase, defaults applied) and its defaults. The file's own
// shape (snake_case) is kinesis-lint.schema.json; a test checks that both give the same defaults.
import type { Location, Range, Severity } from '../types';
import type { DeclaredLoad } from '../pricing/load';
import type { PriceTable } from '../pricing/priceTable';
import type { LoadedMetrics } from '../metrics/loadMetrics';

export type { JsonProblem } from '../json/schemaProblems';

export const CONFIG_FILE_NAME = '.kinesis-lint.json';

/** A rule's configured severity; "off" disables it. */
export type RuleSetting = Severity | 'off';

/** One stream's entry under "streams": its declared peak load plus consumers Terraform may not show. */
export interface DeclaredLoadConfig extends DeclaredLoad {
  consumers?: number;
  efoConsumers?: number;
}

export interface Thresholds {
  /** oversized-shards: current shards ≥ this × required shards. */
  oversizedFactor: number;
  /** capacity-mode-cost: minimum savings as a percentage of the current monthly cost. */
  modeSwitchMinSavingsPercent: number;
  /** capacity-mode-cost: minimum savings in USD per month. */
  modeSwitchMinSavingsUsd: number;
  /** efo-recommended: minimum number of standard consumers. */
  efoRecommendedMinConsumers: number;
  /** load-drift: observed p99 above declared × (1 + this) is drift up. */
  loadDriftTolerance: number;
  /** load-drift: observed peak below declared × this is drift down. */
  loadDriftBelowFactor: number;
  /** hot-shard: the hottest shard's p99 ≥ this × the mean of the shards' p99s. */
  hotShardFactor: number;
  /** hot-shard: and the hottest shard uses at least this fraction of one shard's write limit. */
  hotShardMinUtilization: number;
}

/** The metrics snapshot (docs/metrics.md). */
export interface MetricsSettings {
  /** The snapshot file, absolute (the config file's "metrics.file" resolved against its folder); absent: looked up. */
  file?: string;
  /** A snapshot pulled more than this many days ago is stale (flagged, still used). */
  maxAgeDays: number;
}

/** Account-level settings. */
export interface AccountSettings {
  /** On-demand Advantage enabled for the account (docs/on-demand-advantage.md). */
  onDemandAdvantage: boolean;
}

export interface Config {
  region?: string;
  account: AccountSettings;
  /** Peak utilisation a shard may reach under the declared load, (0, 1]. */
  targetUtilization: number;
  /** Keyed by resource address. */
  streams: Record<string, DeclaredLoadConfig>;
  /** Where each value of a "streams" entry is in the file (address → snake_case key → range), for fixes that
   *  rewrite it (load-drift); absent when no entry has a valid key. */
  streamRanges?: Record<string, Record<string, Range>>;
  /** Keyed by rule id. */
  rules: Record<string, RuleSetting>;
  thresholds: Thresholds;
  metrics: MetricsSettings;
}

export interface ConfigProblem {
  /** Absolute path of the file the range is in (the config, or the price table it names). */
  file: string;
  range: Range;
  message: string;
  /** The file is not JSON at all (an editor's JSON language service reports the same error). */
  jsonSyntax?: true;
}

export interface LoadedConfig {
  config: Config;
  /** The config file read, or null when there is none. */
  file: string | null;
  /** The top-level keys the file sets (valid or not); empty without a readable file. */
  keys: string[];
  /** The user's price table when valid, else the built-in one. */
  prices: PriceTable;
  /** Absolute path of the user's price table when one is named (valid or not), else null. */
  pricesFile: string | null;
  problems: ConfigProblem[];
  /** Variables files for the root module (var_files, or the kinesisLint.varFiles setting), in order; absent: none. */
  varFiles?: VarFileSetting[];
  /** The metrics snapshot the analysis uses (valid, read), or absent (core/metrics/loadMetrics.ts). */
  metrics?: LoadedMetrics;
  /** The snapshot file read (valid or not), absent when there is none. */
  metricsFile?: string;
}

/** A variables file named by the config file or the editor: absolute path, how it was named, and where. */
export interface VarFileSetting {
  path: string;
  /** "var_files env/prod.tfvars": names the source in messages and findings. */
  label: string;
  /** Where a problem with the file (it cannot be read) is reported. */
  named: Location;
}

/** Frozen: every loaded config gets its own copy. */
export const DEFAULT_CONFIG: Config = Object.freeze({
  // 80 % peak utilisation leaves headroom for bursts (kinesis.md §1: "a target peak utilisation, e.g. 80 %").
  targetUtilization: 0.8,
  account: Object.freeze({ onDemandAdvantage: false }),
  streams: Object.freeze({}),
  rules: Object.freeze({}),
  // Thresholds chosen by the project's issues: report oversizing at 2× the need, a mode switch when it saves
  // at least 20 % and 10 USD a month, and recommend EFO from 3 standard consumers.
  thresholds: Object.freeze({
    oversizedFactor: 2,
    modeSwitchMinSavingsPercent: 20,
    modeSwitchMinSavingsUsd: 10,
    efoRecommendedMinConsumers: 3,
    // Issue #13: observed p99 more than 10 % above the declared rate, or the observed peak under half of it, is
    // drift; a shard at twice the shards' mean p99 and at least half of one shard's write limit is hot.
    loadDriftTolerance: 0.1,
    loadDriftBelowFactor: 0.5,
    hotShardFactor: 2,
    hotShardMinUtilization: 0.5,
  }),
  // A snapshot older than 30 days no longer says much about this month's traffic.
  metrics: Object.freeze({ maxAgeDays: 30 }),
});
