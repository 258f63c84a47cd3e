// The raw output of `aws cloudwatch get-metric-data` run with the queries docs/metrics.md gives, turned into a
// snapshot: each result's Id names the metric, its Label the stream (and shard or consumer). The AWS CLI fetches every
// page and concatenates their results, so one Id and Label may appear several times: their points are merged. The
// output says neither the time range nor the period nor when it was fetched: the range runs from the first data point
// to the end of the last one's period, the period is inferred from the spacing of the points (and must be 60 s), and
// the snapshot counts as pulled at the range's end (so its age counts from the data).
import { MetricDataCollector } from './collect';
import { PERIOD_SECONDS, SNAPSHOT_VERSION, type MetricsSnapshot } from './snapshot';

/** A problem with the raw file, at a JSON path (keys and indexes) the caller turns into a range. */
export interface RawProblem {
  path: (string | number)[];
  message: string;
}

export const RAW_TOOL = 'aws cloudwatch get-metric-data';

/** True when `value` looks like get-metric-data output (has MetricDataResults) rather than a snapshot. */
export function isRawMetricData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'MetricDataResults' in value;
}

const OK_STATUS = new Set(['Complete', 'PartialData']);

export function snapshotFromRawMetricData(value: unknown, options: { now: Date }): { snapshot?: MetricsSnapshot; problems: RawProblem[] } {
  const problems: RawProblem[] = [];
  const fail = (path: (string | number)[], message: string) => ({ problems: [...problems, { path, message }] });
  if (!isRawMetricData(value)) return fail([], 'not the output of aws cloudwatch get-metric-data (no "MetricDataResults")');
  const root = value as Record<string, unknown>;
  if (typeof root.NextToken === 'string' && root.NextToken !== '') {
    return fail(['NextToken'], 'this is one page of several (NextToken is set): run aws cloudwatch get-metric-data without --no-paginate or --max-items so that the output holds every page');
  }
  const results = root.MetricDataResults;
  if (!Array.isArray(results)) return fail(['MetricDataResults'], '"MetricDataResults" must be an array');

  const collector = new MetricDataCollector();
  results.forEach((r, i) => {
    const at = ['MetricDataResults', i];
    if (typeof r !== 'object' || r === null || Array.isArray(r)) return problems.push({ path: at, message: 'a result must be an object' });
    const result = r as Record<string, unknown>;
    if (typeof result.Id !== 'string') return problems.push({ path: [...at, 'Id'], message: 'a result needs its "Id"' });
    if (typeof result.Label !== 'string') return problems.push({ path: [...at, 'Label'], message: 'a result needs its "Label"' });
    if (result.StatusCode !== undefined && !OK_STATUS.has(result.StatusCode as string)) {
      return problems.push({ path: [...at, 'StatusCode'], message: `CloudWatch could not return this result (StatusCode ${JSON.stringify(result.StatusCode)})${messagesOf(result.Messages)}` });
    }
    const timestamps = result.Timestamps ?? [];
    const values = result.Values ?? [];
    if (!Array.isArray(timestamps)) return problems.push({ path: [...at, 'Timestamps'], message: '"Timestamps" must be an array' });
    if (!Array.isArray(values)) return problems.push({ path: [...at, 'Values'], message: '"Values" must be an array' });
    const ms: number[] = [];
    for (let k = 0; k < timestamps.length; k++) {
      const t = timestampMs(timestamps[k]);
      if (t === undefined) return problems.push({ path: [...at, 'Timestamps', k], message: 'not a timestamp (ISO 8601, or epoch seconds)' });
      ms.push(t);
    }
    for (let k = 0; k < values.length; k++) {
      if (typeof values[k] !== 'number' || !Number.isFinite(values[k]) || (values[k] as number) < 0) return problems.push({ path: [...at, 'Values', k], message: 'not a sum (a number ≥ 0)' });
    }
    const added = collector.add(result.Id, result.Label, ms, values as number[]);
    if (!added.ok) problems.push({ path: [...at, added.field], message: added.message });
    return undefined;
  });
  if (problems.length > 0) return { problems };

  const all = collector.timestamps();
  if (all.length === 0) return fail(['MetricDataResults'], 'no data points in any result: nothing was observed (no such streams in that region, or no traffic in that time)');
  const periodMs = PERIOD_SECONDS * 1000;
  const misaligned = all.find((t) => t % periodMs !== 0);
  if (misaligned !== undefined) return fail(['MetricDataResults'], `the data points are not on whole minutes (${new Date(misaligned).toISOString()}): the queries must use Period 60`);
  const period = inferredPeriodMs(collector.seriesTimestamps());
  // A longer period puts every point on its multiples; sparse 1-minute data has gaps of several minutes, not all alike.
  if (period !== undefined && period !== periodMs && all.every((t) => t % period === 0)) {
    return fail(['MetricDataResults'], `the data points are ${period / 1000} s apart: kinesis-lint needs 1-minute sums (Period 60, Stat Sum), as in the queries of docs/metrics.md`);
  }
  const startMs = all[0];
  const endMs = all[all.length - 1] + periodMs;
  const pulledMs = Math.min(endMs, options.now.getTime());
  const snapshot: MetricsSnapshot = {
    version: SNAPSHOT_VERSION,
    range: { start: iso(startMs), end: iso(endMs), periodSeconds: PERIOD_SECONDS },
    pulledAt: iso(Math.max(startMs, pulledMs)),
    source: { tool: RAW_TOOL },
    streams: collector.streamNames().map((name) => collector.metricsOf(name, null, startMs, endMs, PERIOD_SECONDS)),
  };
  return { snapshot, problems: [] };
}

/** The smallest gap between two consecutive points of one series; undefined when no series has two. */
function inferredPeriodMs(series: number[][]): number | undefined {
  let min: number | undefined;
  for (const ts of series) for (let i = 1; i < ts.length; i++) min = Math.min(min ?? Infinity, ts[i] - ts[i - 1]);
  return min;
}

/** The AWS CLI prints "2026-11-24T16:01:00+00:00"; epoch seconds are accepted too. */
function timestampMs(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v * 1000;
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(v)) return undefined;
  const t = Date.parse(v);
  return Number.isNaN(t) ? undefined : t;
}

function messagesOf(messages: unknown): string {
  if (!Array.isArray(messages)) return '';
  const texts = messages.map((m) => (typeof m === 'object' && m !== null ? (m as Record<string, unknown>).Value : undefined)).filter((v): v is string => typeof v === 'string');
  return texts.length > 0 ? `: ${texts.join('; ')}` : '';
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
