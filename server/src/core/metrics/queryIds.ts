// The GetMetricData queries kinesis-lint asks CloudWatch for, shared by `metrics pull`, `metrics queries` (the queries
// for users who run `aws cloudwatch get-metric-data` themselves) and the reader of that command's raw output: a query's
// Id names the metric (`incoming_bytes`, or `incoming_bytes_3` when one request holds several streams), its Label the
// stream (`events`), or the stream and the shard or EFO consumer (`events shardId-000000000001`) through a dynamic
// label on a SEARCH expression. Stat Sum, Period 60 (docs/metrics.md, "Raw get-metric-data output").
import { PERIOD_SECONDS } from './snapshot';
import type { ShardLevelMetric } from '../results';

/** The StreamMetrics field a query fills. */
export type StreamField = 'incomingBytes' | 'incomingRecords' | 'getRecordsBytes' | 'writeThrottled' | 'readThrottled';

export interface MetricQuerySpec {
  /** The query Id (without the per-stream suffix). */
  id: string;
  /** CloudWatch metric name in the AWS/Kinesis namespace. */
  metric: string;
  /** stream: one MetricStat on StreamName; consumer / shard: a SEARCH over the stream's consumers or shards. */
  kind: 'stream' | 'consumer' | 'shard';
  /** Where the statistics go in StreamMetrics (stream: the field; shard: the ShardMetrics field). */
  field: StreamField | 'efoBytes';
  throttle: boolean;
}

export const NAMESPACE = 'AWS/Kinesis';
export const STAT = 'Sum';

/** Every query, in the order they are sent. */
export const QUERIES: readonly MetricQuerySpec[] = [
  { id: 'incoming_bytes', metric: 'IncomingBytes', kind: 'stream', field: 'incomingBytes', throttle: false },
  { id: 'incoming_records', metric: 'IncomingRecords', kind: 'stream', field: 'incomingRecords', throttle: false },
  { id: 'get_records_bytes', metric: 'GetRecords.Bytes', kind: 'stream', field: 'getRecordsBytes', throttle: false },
  { id: 'write_throttled', metric: 'WriteProvisionedThroughputExceeded', kind: 'stream', field: 'writeThrottled', throttle: true },
  { id: 'read_throttled', metric: 'ReadProvisionedThroughputExceeded', kind: 'stream', field: 'readThrottled', throttle: true },
  { id: 'efo_bytes', metric: 'SubscribeToShardEvent.Bytes', kind: 'consumer', field: 'efoBytes', throttle: false },
  { id: 'shard_bytes', metric: 'IncomingBytes', kind: 'shard', field: 'incomingBytes', throttle: false },
  { id: 'shard_records', metric: 'IncomingRecords', kind: 'shard', field: 'incomingRecords', throttle: false },
];

/** The dimension that tells a SEARCH result's series apart. */
const SUB_DIMENSION = { consumer: 'ConsumerName', shard: 'ShardId' } as const;

/** A stream to query: its name (CloudWatch's StreamName dimension) and the shard-level metrics it enables. */
export interface QueryStream {
  stream: string;
  shardMetrics: readonly ShardLevelMetric[];
}

/** A GetMetricData MetricDataQuery, as the API and `aws cloudwatch get-metric-data --metric-data-queries` take it. */
export interface MetricDataQuery {
  Id: string;
  Label: string;
  MetricStat?: {
    Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] };
    Period: number;
    Stat: string;
  };
  Expression?: string;
  Period?: number;
  ReturnData: true;
}

/** The specs asked for one stream: the five stream metrics, the EFO consumers, and each shard-level metric the
 *  stream enables (published modules often enable IncomingBytes alone). */
export function specsFor(stream: QueryStream): MetricQuerySpec[] {
  return QUERIES.filter((q) => q.kind !== 'shard' || stream.shardMetrics.includes(q.metric as ShardLevelMetric));
}

/**
 * The queries for `streams` in one request. `suffix` numbers the Ids per stream (`incoming_bytes_0`, …), needed when
 * a request holds more than one stream (Ids must be unique within a request); a single stream keeps the bare Ids.
 */
export function metricDataQueries(streams: readonly QueryStream[]): MetricDataQuery[] {
  const suffixed = streams.length > 1;
  return streams.flatMap((s, i) => specsFor(s).map((spec) => queryOf(spec, s.stream, suffixed ? `${spec.id}_${i}` : spec.id)));
}

function queryOf(spec: MetricQuerySpec, stream: string, id: string): MetricDataQuery {
  if (spec.kind === 'stream') {
    return {
      Id: id,
      Label: stream,
      MetricStat: {
        Metric: { Namespace: NAMESPACE, MetricName: spec.metric, Dimensions: [{ Name: 'StreamName', Value: stream }] },
        Period: PERIOD_SECONDS,
        Stat: STAT,
      },
      ReturnData: true,
    };
  }
  const sub = SUB_DIMENSION[spec.kind];
  return {
    Id: id,
    Label: `\${PROP('Dim.StreamName')} \${PROP('Dim.${sub}')}`,
    Expression: searchExpression(spec.metric, sub, stream),
    ReturnData: true,
  };
}

/**
 * `SEARCH('{AWS/Kinesis,ConsumerName,StreamName} MetricName="SubscribeToShardEvent.Bytes" StreamName="events"', 'Sum', 60)`:
 * the schema keeps metrics with exactly these dimensions; the double quotes make both terms exact matches, in which
 * `"`, `\`, `(` and `)` are escaped with a backslash (CloudWatch User Guide, "CloudWatch search expression syntax").
 */
export function searchExpression(metric: string, subDimension: string, stream: string): string {
  const exact = (s: string) => `"${s.replace(/["\\()]/g, (c) => `\\${c}`)}"`;
  return `SEARCH('{${NAMESPACE},${subDimension},StreamName} MetricName=${exact(metric)} StreamName=${exact(stream)}', '${STAT}', ${PERIOD_SECONDS})`;
}

/** The spec an Id names (`incoming_bytes`, `incoming_bytes_12`), or undefined. */
export function specOfId(id: string): MetricQuerySpec | undefined {
  return QUERIES.find((q) => id === q.id || (id.startsWith(`${q.id}_`) && /^\d+$/.test(id.slice(q.id.length + 1))));
}

/** A result's Label split into the stream and, for a SEARCH result, the shard or consumer; undefined when malformed. */
export function parseLabel(label: string, spec: MetricQuerySpec): { stream: string; sub?: string } | undefined {
  const parts = label.split(' ');
  if (spec.kind === 'stream') return parts.length === 1 && parts[0] !== '' ? { stream: parts[0] } : undefined;
  return parts.length === 2 && parts[0] !== '' && parts[1] !== '' ? { stream: parts[0], sub: parts[1] } : undefined;
}
