// What one analysis returns: findings plus a cost/capacity report per stream. The CLI's JSON and the language
// server's hover/code lens are both renderings of these objects.
import type { Finding, Range } from './types';
import type { CapacityMode, DeclaredLoad, Estimate } from './pricing/estimate';
import type { BindingLimit } from './capacity/sizing';

export interface StreamReport {
  /** Full address, e.g. module.ingest.aws_kinesis_stream.events (instances share one report). */
  resource: string;
  /** Absolute path of the file that defines the resource. */
  file: string;
  /** The resource's header range. */
  range: Range;
  /** count / for_each multiplicity; null when it cannot be resolved. */
  instances: number | null;
  mode: CapacityMode;
  /** Per instance; null when unknown (or ON_DEMAND). */
  shardCount: number | null;
  region: string;
  retentionHours: number | null;
  consumers: { standard: number | null; efo: number | null };
  /** The declared load (annotation or config), or null. */
  declared: DeclaredLoad | null;
  requiredShards: number | null;
  bindingLimit: BindingLimit | null;
  /** Peak utilisation of the binding limit at the current shard count (0..n), or null. */
  peakUtilization: number | null;
  estimate: Estimate;
}

export interface ModuleAnalysis {
  /** Absolute path of the module's directory. */
  dir: string;
  /** Absolute paths of the files read (.tf, .tfvars, config, price table). */
  files: string[];
  findings: Finding[];
  streams: StreamReport[];
}
