// The raw output of `aws cloudwatch get-metric-data` run with the queries docs/metrics.md gives, turned into a
// snapshot: each result's Id names the metric, its Label the stream (and shard or consumer).
import type { MetricsSnapshot } from './snapshot';

/** A problem with the raw file, at a JSON path (keys and indexes) the caller turns into a range. */
export interface RawProblem {
  path: (string | number)[];
  message: string;
}

/** True when `value` looks like get-metric-data output (has MetricDataResults) rather than a snapshot. */
export function isRawMetricData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'MetricDataResults' in value;
}

/** INTERFACE STUB (issue #13, owned by the pull/raw engineer): implement. */
export function snapshotFromRawMetricData(value: unknown, options: { now: Date }): { snapshot?: MetricsSnapshot; problems: RawProblem[] } {
  void value;
  void options;
  return { problems: [{ path: [], message: 'raw get-metric-data output is not supported yet' }] };
}
