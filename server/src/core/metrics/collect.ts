// GetMetricData results (Id, Label, Timestamps, Values), from any number of pages, turned into each stream's
// StreamMetrics. `metrics pull` and the reader of raw `aws cloudwatch get-metric-data` output both go through here, so
// the same data points give the same snapshot whichever way they were fetched.
import { parseLabel, specOfId, type MetricQuerySpec } from './queryIds';
import type { ShardMetrics, Stats, StreamMetrics } from './snapshot';
import { statsOf, throttleStatsOf } from './stats';

/** One series: a query's result for one label (a stream, or a stream's shard or consumer). */
interface Series {
  spec: MetricQuerySpec;
  stream: string;
  sub?: string;
  /** Period start (epoch ms) → the period's sum; pages of the same series add their points. */
  points: Map<number, number>;
}

export type AddOutcome = { ok: true } | { ok: false; field: 'Id' | 'Label' | 'Values'; message: string };

export class MetricDataCollector {
  private readonly series = new Map<string, Series>();
  /** The same series by stream: metricsOf is called once per stream, over thousands of series in a large pull. */
  private readonly byStream = new Map<string, Series[]>();
  /** Streams (by name) with at least one result, even one without data points. */
  private readonly seen = new Set<string>();

  /** Adds one result of one page. `timestamps` are epoch milliseconds, `values` the sums at the same index. */
  add(id: string, label: string, timestamps: readonly number[], values: readonly number[]): AddOutcome {
    const spec = specOfId(id);
    if (!spec) return { ok: false, field: 'Id', message: `Id "${id}" is not one of kinesis-lint's queries` };
    const parsed = parseLabel(label, spec);
    if (!parsed) {
      const shape = spec.kind === 'stream' ? '"<StreamName>"' : `"<StreamName> <${spec.kind === 'shard' ? 'ShardId' : 'ConsumerName'}>"`;
      return { ok: false, field: 'Label', message: `Label "${label}" of Id "${id}" is not ${shape}` };
    }
    if (timestamps.length !== values.length) return { ok: false, field: 'Values', message: `Id "${id}" has ${timestamps.length} Timestamps but ${values.length} Values` };
    const key = `${spec.id}\u0000${parsed.stream}\u0000${parsed.sub ?? ''}`;
    let s = this.series.get(key);
    if (!s) {
      s = { spec, stream: parsed.stream, ...(parsed.sub !== undefined ? { sub: parsed.sub } : {}), points: new Map() };
      this.series.set(key, s);
      const list = this.byStream.get(s.stream);
      if (list) list.push(s);
      else this.byStream.set(s.stream, [s]);
    }
    if (spec.kind === 'stream') this.seen.add(parsed.stream);
    for (let i = 0; i < timestamps.length; i++) s.points.set(timestamps[i], values[i]);
    return { ok: true };
  }

  /** Streams the results name, sorted. */
  streamNames(): string[] {
    return [...new Set([...this.seen, ...this.byStream.keys()])].sort();
  }

  /** Every period start with a data point, in any series (for inferring a raw file's range and period). */
  timestamps(): number[] {
    const all = new Set<number>();
    for (const s of this.series.values()) for (const t of s.points.keys()) all.add(t);
    return [...all].sort((a, b) => a - b);
  }

  /** Points per series, for checking a raw file's period. */
  seriesTimestamps(): number[][] {
    return [...this.series.values()].map((s) => [...s.points.keys()].sort((a, b) => a - b));
  }

  /**
   * The stream's metrics over [startMs, endMs) in periods of `periodSeconds`. A stream metric whose query came back
   * (with or without data points) gets statistics, missing minutes counting as 0; consumers and shards appear when a
   * SEARCH found at least one. Points outside the range are left out. A stream without any data point gets only
   * `minutes: 0`.
   */
  metricsOf(stream: string, region: string | null, startMs: number, endMs: number, periodSeconds: number): StreamMetrics {
    const periods = Math.max(0, Math.round((endMs - startMs) / (periodSeconds * 1000)));
    const minutes = new Set<number>();
    const out: StreamMetrics = { stream, region, minutes: 0 };
    const efo: Record<string, Stats> = {};
    const shards: Record<string, ShardMetrics> = {};
    const mine = [...(this.byStream.get(stream) ?? [])].sort((a, b) => compare(a, b));
    for (const s of mine) {
      const sums: number[] = [];
      for (const [t, v] of s.points) {
        if (t < startMs || t >= endMs) continue;
        sums.push(v);
        minutes.add(t);
      }
      const stats = () => statsOf(sums, periods, periodSeconds);
      if (s.spec.kind === 'stream') {
        const field = s.spec.field as Exclude<MetricQuerySpec['field'], 'efoBytes'>;
        if (s.spec.throttle) (out as unknown as Record<string, unknown>)[field] = throttleStatsOf(sums, periods, periodSeconds);
        else (out as unknown as Record<string, unknown>)[field] = stats();
      } else if (s.spec.kind === 'consumer' && s.sub !== undefined) {
        efo[s.sub] = stats();
      } else if (s.spec.kind === 'shard' && s.sub !== undefined) {
        const field = s.spec.field as 'incomingBytes' | 'incomingRecords';
        (shards[s.sub] ??= {})[field] = stats();
      }
    }
    // No data point at all: no such stream, or no traffic; zeros would read as an observed load of 0.
    if (minutes.size === 0) return { stream, region, minutes: 0 };
    out.minutes = minutes.size;
    if (Object.keys(efo).length > 0) out.efoConsumers = efo;
    if (Object.keys(shards).length > 0) out.shards = shards;
    return ordered(out);
  }
}

/** Consumers and shards by name, so the file is the same whatever order the pages came in. */
function compare(a: Series, b: Series): number {
  return (a.sub ?? '') < (b.sub ?? '') ? -1 : (a.sub ?? '') > (b.sub ?? '') ? 1 : 0;
}

/** The snapshot's field order (JSON.stringify keeps insertion order). */
function ordered(m: StreamMetrics): StreamMetrics {
  const keys: (keyof StreamMetrics)[] = ['stream', 'region', 'minutes', 'incomingBytes', 'incomingRecords', 'getRecordsBytes', 'writeThrottled', 'readThrottled', 'efoConsumers', 'shards'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (m[k] !== undefined) out[k] = m[k];
  return out as unknown as StreamMetrics;
}
