// `metrics pull` without the command line: the streams' queries in as few GetMetricData requests as CloudWatch's
// limits allow, every page of each, throttling retried with exponential backoff, each stream's outcome reported as it
// is known, and the snapshot built from the results (core/metrics/collect.ts, the same path as raw get-metric-data
// output). Nothing here writes a file: the caller writes the snapshot whole, or not at all.
import type { ShardLevelMetric } from '../core/results';
import { MetricDataCollector } from '../core/metrics/collect';
import { metricDataQueries, specsFor, type QueryStream } from '../core/metrics/queryIds';
import { PERIOD_SECONDS, SNAPSHOT_VERSION, type MetricsSnapshot, type SnapshotError, type StreamMetrics } from '../core/metrics/snapshot';
import type { MetricDataSource } from './cloudWatch';

export const PULL_TOOL = 'kinesis-lint metrics pull';

/**
 * GetMetricData limits (CloudWatch API Reference, GetMetricData): at most 500 MetricDataQuery structures per request
 * and 100,800 data points per response page (more come with a NextToken). A request's stream queries are packed so
 * that their points fit one page (14 days of 1-minute sums: 20,160 points a metric, so five metrics of one stream);
 * SEARCH results cannot be counted before they come and are paged. At most 100 SEARCH expressions a request, the
 * CloudWatch User Guide's limit for one graph ("CloudWatch search expression syntax").
 */
export const MAX_QUERIES_PER_REQUEST = 500;
export const MAX_POINTS_PER_PAGE = 100_800;
export const MAX_SEARCHES_PER_REQUEST = 100;

/** A stream to pull: its name, the region whose CloudWatch holds its metrics, and the shard-level metrics it enables. */
export interface PullStream {
  stream: string;
  region: string;
  shardMetrics: readonly ShardLevelMetric[];
}

export interface PullOptions {
  streams: readonly PullStream[];
  /** Whole days back from `now` (rounded down to the minute). */
  days: number;
  now: Date;
  source: MetricDataSource;
  /** Waits between attempts (tests: record and resolve at once). */
  sleep: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter of each backoff (tests: fixed). */
  random?: () => number;
  /** Attempts per request page, the first included. */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles. */
  baseDelayMs?: number;
  /** A line per stream as its outcome is known, and a line per retry. */
  progress?: (line: string) => void;
  version?: string;
  profile?: string;
}

export type StreamOutcome =
  | { kind: 'read'; metrics: StreamMetrics }
  | { kind: 'no-data'; metrics: StreamMetrics; message: string }
  | { kind: 'failed'; message: string };

export interface PullResult {
  /** Undefined when the run could not start or every stream failed (nothing worth writing). */
  snapshot?: MetricsSnapshot;
  outcomes: { stream: PullStream; outcome: StreamOutcome }[];
  /** A failure of the whole run (no credentials, credentials refused): nothing was read. */
  fatal?: string;
  /** GetMetricData requests sent (pages and retries included). */
  requests: number;
}

const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 20_000;

export async function pullMetrics(options: PullOptions): Promise<PullResult> {
  const periodMs = PERIOD_SECONDS * 1000;
  const endMs = Math.floor(options.now.getTime() / periodMs) * periodMs;
  const startMs = endMs - options.days * 24 * 60 * 60 * 1000;
  const periods = (endMs - startMs) / periodMs;
  const streams = unique(options.streams);
  const outcomes: PullResult['outcomes'] = [];
  const state = { requests: 0, done: 0 };
  const report = (stream: PullStream, outcome: StreamOutcome) => {
    outcomes.push({ stream, outcome });
    state.done++;
    options.progress?.(`[${state.done}/${streams.length}] ${stream.stream} (${stream.region}): ${outcomeWords(outcome)}`);
  };

  for (const batch of batches(streams, periods)) {
    const collector = new MetricDataCollector();
    const fetched = await fetchAll(batch, new Date(startMs), new Date(endMs), collector, options, state);
    if (fetched.kind === 'fatal') {
      const hint = options.profile !== undefined && fetched.message.startsWith('no AWS credentials')
        ? ` Profile "${options.profile}" was named: is it in ~/.aws/config or ~/.aws/credentials (or AWS_CONFIG_FILE), and signed in?`
        : '';
      return { outcomes, fatal: `${fetched.message}${hint}`, requests: state.requests };
    }
    for (const stream of batch) {
      if (fetched.kind === 'failed') { report(stream, { kind: 'failed', message: fetched.message }); continue; }
      const failure = fetched.streamFailures.get(stream.stream);
      if (failure) { report(stream, { kind: 'failed', message: failure }); continue; }
      const metrics = collector.metricsOf(stream.stream, stream.region, startMs, endMs, PERIOD_SECONDS);
      if (metrics.minutes === 0) report(stream, { kind: 'no-data', metrics, message: noDataMessage(stream, options.days) });
      else report(stream, { kind: 'read', metrics });
    }
  }

  const read = outcomes.filter((o) => o.outcome.kind !== 'failed');
  if (read.length === 0) return { outcomes, requests: state.requests };
  const errors: SnapshotError[] = outcomes
    .filter((o) => o.outcome.kind !== 'read')
    .map((o) => ({ stream: o.stream.stream, region: o.stream.region, message: (o.outcome as { message: string }).message }));
  const snapshot: MetricsSnapshot = {
    version: SNAPSHOT_VERSION,
    range: { start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString(), periodSeconds: PERIOD_SECONDS },
    pulledAt: options.now.toISOString(),
    source: { tool: PULL_TOOL, ...(options.version !== undefined ? { version: options.version } : {}), ...(options.profile !== undefined ? { profile: options.profile } : {}) },
    streams: read.map((o) => (o.outcome as { metrics: StreamMetrics }).metrics).sort(byStreamThenRegion),
    ...(errors.length > 0 ? { errors: errors.sort(byStreamThenRegion) } : {}),
  };
  return { snapshot, outcomes, requests: state.requests };
}

export function noDataMessage(stream: Pick<PullStream, 'region'>, days: number): string {
  return `no data points: no such stream in ${stream.region}, or no traffic in ${days} day${days === 1 ? '' : 's'}`;
}

function outcomeWords(outcome: StreamOutcome): string {
  if (outcome.kind !== 'read') return outcome.message;
  const m = outcome.metrics;
  const parts = [`${m.minutes.toLocaleString('en-US')} minute${m.minutes === 1 ? '' : 's'} with data`];
  if (m.shards) parts.push(`${Object.keys(m.shards).length} shard(s)`);
  if (m.efoConsumers) parts.push(`${Object.keys(m.efoConsumers).length} EFO consumer(s)`);
  return `read, ${parts.join(', ')}`;
}

/** Distinct (stream, region), a region's streams together; a stream listed twice has the shard-level metrics either
 *  enables. */
export function unique(streams: readonly PullStream[]): PullStream[] {
  const byKey = new Map<string, PullStream>();
  for (const s of streams) {
    const key = `${s.region}\u0000${s.stream}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, shardMetrics: [...new Set([...seen.shardMetrics, ...s.shardMetrics])] } : { ...s });
  }
  const regions = [...new Set([...byKey.values()].map((s) => s.region))];
  return regions.flatMap((r) => [...byKey.values()].filter((s) => s.region === r));
}

/** Consecutive streams of one region whose queries fit one request (at least one stream each). */
export function batches(streams: readonly PullStream[], periods: number): PullStream[][] {
  const out: PullStream[][] = [];
  let current: PullStream[] = [];
  let queries = 0;
  let points = 0;
  let searches = 0;
  for (const s of streams) {
    const specs = specsFor(s);
    const q = specs.length;
    const p = specs.filter((x) => x.kind === 'stream').length * periods;
    const e = specs.filter((x) => x.kind !== 'stream').length;
    const fits = current.length > 0 && current[0].region === s.region
      && queries + q <= MAX_QUERIES_PER_REQUEST && points + p <= MAX_POINTS_PER_PAGE && searches + e <= MAX_SEARCHES_PER_REQUEST;
    if (current.length > 0 && !fits) {
      out.push(current);
      current = [];
      queries = points = searches = 0;
    }
    current.push(s);
    queries += q;
    points += p;
    searches += e;
  }
  if (current.length > 0) out.push(current);
  return out;
}

type Fetched =
  | { kind: 'ok'; streamFailures: Map<string, string> }
  | { kind: 'failed'; message: string }
  | { kind: 'fatal'; message: string };

/** Every page of one request into `collector`; results CloudWatch could not give fail their stream only. */
async function fetchAll(
  batch: PullStream[], start: Date, end: Date, collector: MetricDataCollector, options: PullOptions, state: { requests: number },
): Promise<Fetched> {
  const region = batch[0].region;
  const queries = metricDataQueries(batch.map((s): QueryStream => ({ stream: s.stream, shardMetrics: s.shardMetrics })));
  // Queries come stream by stream, in specsFor's order: each Id's stream.
  const owners = new Map<string, string>();
  let k = 0;
  for (const s of batch) for (let n = specsFor(s).length; n > 0; n--) owners.set(queries[k++].Id, s.stream);
  const streamFailures = new Map<string, string>();
  let nextToken: string | undefined;
  const seenTokens = new Set<string>();
  do {
    const page = await withRetry(() => {
      state.requests++;
      return options.source.getMetricData({ region, queries, start, end, ...(nextToken !== undefined ? { nextToken } : {}) });
    }, region, options);
    if (!page.ok) return page.fatal ? { kind: 'fatal', message: page.message } : { kind: 'failed', message: page.message };
    for (const r of page.value.results) {
      if (r.StatusCode === 'Forbidden' || r.StatusCode === 'InternalError') {
        const owner = owners.get(r.Id);
        const why = r.StatusCode === 'Forbidden' ? 'CloudWatch refused this metric (Forbidden)' : 'CloudWatch failed to return this metric (InternalError)';
        if (owner !== undefined) streamFailures.set(owner, `${why}${r.Messages.length ? `: ${r.Messages.join('; ')}` : ''}`);
        continue;
      }
      const added = collector.add(r.Id, r.Label, r.Timestamps, r.Values);
      if (!added.ok) {
        const owner = owners.get(r.Id);
        if (owner !== undefined) streamFailures.set(owner, `unexpected result from CloudWatch: ${added.message}`);
      }
    }
    nextToken = page.value.nextToken;
    if (nextToken !== undefined) {
      // A token seen before would page for ever.
      if (seenTokens.has(nextToken)) return { kind: 'failed', message: 'CloudWatch returned the same NextToken twice' };
      seenTokens.add(nextToken);
    }
  } while (nextToken !== undefined);
  return { kind: 'ok', streamFailures };
}

type Attempt<T> = { ok: true; value: T } | { ok: false; fatal: boolean; message: string };

async function withRetry<T>(call: () => Promise<T>, region: string, options: PullOptions): Promise<Attempt<T>> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return { ok: true, value: await call() };
    } catch (error) {
      const c = classify(error, region);
      if (c.kind !== 'retry' || attempt >= maxAttempts) {
        const message = c.kind === 'retry' ? `${c.message}; gave up after ${attempt} attempts` : c.message;
        return { ok: false, fatal: c.kind === 'fatal', message };
      }
      // Exponential backoff with jitter: base·2^(n−1), between half and all of it, at most MAX_DELAY_MS.
      const delay = Math.min(MAX_DELAY_MS, Math.round(base * 2 ** (attempt - 1) * (0.5 + random() / 2)));
      options.progress?.(`${c.message} (${region}); retrying in ${seconds(delay)} (attempt ${attempt + 1} of ${maxAttempts})`);
      await options.sleep(delay);
    }
  }
}

type Classified = { kind: 'retry' | 'stream' | 'fatal'; message: string };

const THROTTLING = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException']);
const CREDENTIALS_REFUSED = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'ExpiredToken', 'ExpiredTokenException', 'SignatureDoesNotMatch', 'InvalidSignatureException', 'IncompleteSignature', 'MissingAuthenticationToken']);
const ACCESS_DENIED = new Set(['AccessDenied', 'AccessDeniedException', 'UnauthorizedOperation', 'NotAuthorized']);

/** What an SDK error means for the run: retry it, fail the request's streams, or stop everything. */
export function classify(error: unknown, region: string): Classified {
  const e = (error ?? {}) as { name?: string; message?: string; code?: string; $metadata?: { httpStatusCode?: number } };
  const name = e.name ?? '';
  const message = (e.message ?? String(error)).trim();
  const status = e.$metadata?.httpStatusCode;
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return { kind: 'fatal', message: `no AWS credentials: ${message} (set AWS_PROFILE or --profile, AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, or sign in with aws sso login)` };
  }
  if (CREDENTIALS_REFUSED.has(name)) return { kind: 'fatal', message: `AWS refused the credentials (${name}): ${message}` };
  if (THROTTLING.has(name) || status === 429) return { kind: 'retry', message: `throttled by CloudWatch (${name || status})` };
  if (ACCESS_DENIED.has(name) || status === 403) {
    return { kind: 'stream', message: `access denied in ${region}: grant cloudwatch:GetMetricData (the only permission metrics pull needs; README, "Sizing from real traffic"): ${message}` };
  }
  if (typeof status === 'number' && status >= 500) return { kind: 'retry', message: `CloudWatch error ${status} (${name})` };
  if (['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ECONNABORTED'].includes(e.code ?? '') || name === 'TimeoutError') {
    return { kind: 'retry', message: `network error (${e.code ?? name})` };
  }
  return { kind: 'stream', message: `GetMetricData failed in ${region}: ${name ? `${name}: ` : ''}${message}` };
}

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;
}

function byStreamThenRegion(a: { stream: string; region: string | null }, b: { stream: string; region: string | null }): number {
  return a.stream < b.stream ? -1 : a.stream > b.stream ? 1 : (a.region ?? '') < (b.region ?? '') ? -1 : (a.region ?? '') > (b.region ?? '') ? 1 : 0;
}
