// The one place kinesis-lint talks to CloudWatch: GetMetricData through the AWS SDK v3 (@aws-sdk/client-cloudwatch,
// AWS JSON 1.0: POST with X-Amz-Target GraniteServiceVersion20100801.GetMetricData). Credentials come from the SDK's
// default chain (environment, shared config and credentials files with --profile or AWS_PROFILE, SSO, web identity,
// container and instance roles) unless the caller passes some (tests: fake static keys against a loopback server).
// The endpoint is --endpoint, else AWS_ENDPOINT_URL_CLOUDWATCH / AWS_ENDPOINT_URL (read by the SDK), else AWS's.
// The SDK's own retries are off: pull.ts retries throttling with its own (testable) backoff. The SDK reads no proxy
// variables: with HTTPS_PROXY set, its https connections go through node/httpsProxy.ts's CONNECT tunnel (the agent of
// its NodeHttpHandler), as `prices update`'s do, NO_PROXY hosts and http:// endpoints directly.
import type { MetricDataQuery } from '../core/metrics/queryIds';
import { ProxyTunnelAgent, type ProxySettings } from '../node/httpsProxy';

export interface MetricDataRequest {
  region: string;
  queries: MetricDataQuery[];
  start: Date;
  end: Date;
  nextToken?: string;
}

export interface MetricDataResult {
  Id: string;
  Label: string;
  /** Epoch milliseconds of each period's start. */
  Timestamps: number[];
  Values: number[];
  StatusCode: string;
  Messages: string[];
}

export interface MetricDataPage {
  results: MetricDataResult[];
  nextToken?: string;
  messages: string[];
}

/** GetMetricData, one page; rejects with the SDK's error (name "Throttling", "AccessDenied", …). */
export interface MetricDataSource {
  getMetricData(request: MetricDataRequest): Promise<MetricDataPage>;
  dispose(): void;
}

export interface CloudWatchOptions extends ProxySettings {
  profile?: string;
  endpoint?: string;
  /** Static credentials (tests); absent: the SDK's default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Per-request timeout. */
  requestTimeoutMs?: number;
}

const DEFAULT_REQUEST_TIMEOUT_MS = 60_000;

/** One SDK client per region, created on first use. */
export function cloudWatchSource(options: CloudWatchOptions): MetricDataSource {
  // The SDK warns once per process that its releases after January 2027 need Node 22: a notice for the SDK's user
  // (this pinned version runs on Node 20), not for ours; keep it off their terminal unless they asked for it.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const sdk = require('@aws-sdk/client-cloudwatch') as typeof import('@aws-sdk/client-cloudwatch');
  const clients = new Map<string, InstanceType<typeof sdk.CloudWatchClient>>();
  const requestTimeout = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const clientFor = (region: string) => {
    let client = clients.get(region);
    if (!client) {
      // The handler's own defaults (keep-alive, 50 sockets), with the tunnel when a proxy is set; one agent per
      // client, as without a proxy, since destroying a client destroys its agent.
      const httpsAgent = options.proxy ? new ProxyTunnelAgent({ proxy: options.proxy, noProxy: options.noProxy }, requestTimeout, { keepAlive: true, maxSockets: 50 }) : undefined;
      client = new sdk.CloudWatchClient({
        region,
        maxAttempts: 1,
        requestHandler: { requestTimeout, ...(httpsAgent ? { httpsAgent } : {}) },
        ...(options.profile !== undefined ? { profile: options.profile } : {}),
        ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
        ...(options.credentials !== undefined ? { credentials: options.credentials } : {}),
      });
      clients.set(region, client);
    }
    return client;
  };
  return {
    async getMetricData(request) {
      const out = await clientFor(request.region).send(new sdk.GetMetricDataCommand({
        MetricDataQueries: request.queries,
        StartTime: request.start,
        EndTime: request.end,
        ScanBy: 'TimestampAscending',
        ...(request.nextToken !== undefined ? { NextToken: request.nextToken } : {}),
      }));
      return {
        results: (out.MetricDataResults ?? []).map((r) => ({
          Id: r.Id ?? '',
          Label: r.Label ?? '',
          Timestamps: (r.Timestamps ?? []).map((t) => t.getTime()),
          Values: r.Values ?? [],
          StatusCode: r.StatusCode ?? 'Complete',
          Messages: (r.Messages ?? []).map((m) => m.Value ?? m.Code ?? '').filter((m) => m !== ''),
        })),
        ...(out.NextToken ? { nextToken: out.NextToken } : {}),
        messages: (out.Messages ?? []).map((m) => [m.Code, m.Value].filter(Boolean).join(': ')).filter((m) => m !== ''),
      };
    },
    dispose() {
      for (const c of clients.values()) c.destroy();
      clients.clear();
    },
  };
}
