// A loopback CloudWatch (127.0.0.1, ephemeral port) that answers GetMetricData as AWS does in the protocol the pinned
// SDK speaks (AWS JSON 1.0: POST /, X-Amz-Target GraniteServiceVersion20100801.GetMetricData, epoch-second
// timestamps; errors as HTTP 400 with {"__type": "…#Throttling", "message"} and x-amzn-query-error "Throttling;Sender"),
// over in-memory data per region: MetricStat queries on StreamName, the SEARCH expressions of core/metrics/queryIds.ts
// with their dynamic labels, pages of `pageSize` data points with a NextToken, and scripted faults. Never AWS.
// With `tls` (test/fixtures/tls: a self-signed certificate for 127.0.0.1 and localhost) it serves https.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';

/** Epoch seconds of a period start → the period's sum. */
export type Points = Record<number, number>;

export interface FakeStream {
  /** Stream-level metrics by metric name (IncomingBytes, IncomingRecords, GetRecords.Bytes, …). */
  metrics: Record<string, Points>;
  /** SubscribeToShardEvent.Bytes by ConsumerName. */
  consumers?: Record<string, Points>;
  /** Shard-level IncomingBytes / IncomingRecords by ShardId. */
  shards?: Record<string, { IncomingBytes?: Points; IncomingRecords?: Points }>;
}

export interface Fault {
  /** The `__type` after '#', e.g. Throttling, AccessDenied. */
  code: string;
  message: string;
  status?: number;
  /** Only requests signed for this region (default: any). */
  region?: string;
  /** How many requests it answers (default 1; Infinity for all). */
  times?: number;
}

export interface FakeRequest {
  region: string;
  target: string | undefined;
  contentType: string | undefined;
  authorization: string | undefined;
  body: {
    MetricDataQueries: { Id: string; Label?: string; MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions: { Name: string; Value: string }[] }; Period: number; Stat: string }; Expression?: string }[];
    StartTime: number;
    EndTime: number;
    NextToken?: string;
    ScanBy?: string;
  };
}

export interface FakeResult { Id: string; Label: string; Timestamps: number[]; Values: number[]; StatusCode: string }
export interface FakeResponse { MetricDataResults: FakeResult[]; NextToken?: string; Messages: unknown[] }

export interface FakeCloudWatch {
  endpoint: string;
  /** region → stream name → data. */
  data: Record<string, Record<string, FakeStream>>;
  /** Data points per page. */
  pageSize: number;
  faults: Fault[];
  requests: FakeRequest[];
  /** Every successful response body, in order, with the region it answered. */
  responses: { region: string; body: FakeResponse }[];
  close(): Promise<void>;
}

const SEARCH = /^SEARCH\('\{AWS\/Kinesis,(ConsumerName|ShardId),StreamName\} MetricName="([^"]+)" StreamName="([^"]+)"', 'Sum', 60\)$/;

export async function startFakeCloudWatch(data: FakeCloudWatch['data'] = {}, pageSize = 100_800, tls?: { key: string; cert: string }): Promise<FakeCloudWatch> {
  const fake: FakeCloudWatch = { endpoint: '', data, pageSize, faults: [], requests: [], responses: [], close: async () => undefined };
  const handle: http.RequestListener = (req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const authorization = req.headers.authorization;
      const region = /Credential=[^/]+\/\d{8}\/([^/]+)\/monitoring\/aws4_request/.exec(authorization ?? '')?.[1] ?? '';
      const request: FakeRequest = {
        region,
        target: req.headers['x-amz-target'] as string | undefined,
        contentType: req.headers['content-type'],
        authorization,
        body: JSON.parse(text || '{}'),
      };
      fake.requests.push(request);
      const error = (status: number, code: string, message: string) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-query-error': `${code};Sender` });
        res.end(JSON.stringify({ __type: `com.amazonaws.cloudwatch#${code}`, message }));
      };
      if (req.method !== 'POST' || request.target !== 'GraniteServiceVersion20100801.GetMetricData') return error(400, 'InvalidAction', `unexpected ${req.method} ${request.target}`);
      if (!authorization?.startsWith('AWS4-HMAC-SHA256 ')) return error(400, 'MissingAuthenticationToken', 'Request is missing Authentication Token');
      const fault = fake.faults.find((f) => (f.times ?? 1) > 0 && (f.region === undefined || f.region === region));
      if (fault) {
        if (fault.times !== Infinity) fault.times = (fault.times ?? 1) - 1;
        return error(fault.status ?? 400, fault.code, fault.message);
      }
      const response = answer(fake, region, request.body);
      fake.responses.push({ region, body: response });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end(JSON.stringify(response));
    });
  };
  const server = tls ? https.createServer(tls, handle) : http.createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); });
  return fake;
}

interface Series { Id: string; Label: string; points: [number, number][] }

function answer(fake: FakeCloudWatch, region: string, body: FakeRequest['body']): FakeResponse {
  const streams = fake.data[region] ?? {};
  const inRange = (points: Points | undefined): [number, number][] =>
    Object.entries(points ?? {}).map(([t, v]): [number, number] => [Number(t), v]).filter(([t]) => t >= body.StartTime && t < body.EndTime).sort((a, b) => a[0] - b[0]);
  const series: Series[] = [];
  for (const q of body.MetricDataQueries) {
    if (q.MetricStat) {
      const name = q.MetricStat.Metric.Dimensions.find((d) => d.Name === 'StreamName')?.Value ?? '';
      series.push({ Id: q.Id, Label: q.Label ?? name, points: inRange(streams[name]?.metrics[q.MetricStat.Metric.MetricName]) });
      continue;
    }
    const m = SEARCH.exec(q.Expression ?? '');
    if (!m) throw new Error(`fake CloudWatch: unexpected expression ${q.Expression}`);
    const [, dim, metric, name] = m;
    const stream = streams[name];
    const subs: [string, Points | undefined][] = dim === 'ConsumerName'
      ? Object.entries(stream?.consumers ?? {}).map(([c, p]) => [c, metric === 'SubscribeToShardEvent.Bytes' ? p : undefined])
      : Object.entries(stream?.shards ?? {}).map(([s, p]) => [s, p[metric as 'IncomingBytes' | 'IncomingRecords']]);
    for (const [sub, points] of subs) {
      if (!points) continue;
      const label = (q.Label ?? '').replace("${PROP('Dim.StreamName')}", name).replace(`\${PROP('Dim.${dim}')}`, sub);
      series.push({ Id: q.Id, Label: label, points: inRange(points) });
    }
  }
  // Pages hold `pageSize` points, series after series; the token is the offset into that sequence.
  const offset = body.NextToken ? Number(body.NextToken) : 0;
  const total = series.reduce((n, s) => n + s.points.length, 0);
  const end = Math.min(total, offset + fake.pageSize);
  const more = end < total;
  let at = 0;
  const results: FakeResult[] = series.map((s) => {
    const from = Math.max(0, offset - at);
    const to = Math.max(0, Math.min(s.points.length, end - at));
    at += s.points.length;
    const slice = s.points.slice(from, Math.max(from, to));
    return { Id: s.Id, Label: s.Label, Timestamps: slice.map(([t]) => t), Values: slice.map(([, v]) => v), StatusCode: more ? 'PartialData' : 'Complete' };
  });
  return { MetricDataResults: results, ...(more ? { NextToken: String(end) } : {}), Messages: [] };
}
