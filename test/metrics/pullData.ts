// The CloudWatch data the pull tests serve: deterministic 1-minute sums over the day before NOW.
import { strict as assert } from 'assert';
import { cloudWatchSource } from '../../server/src/metrics/cloudWatch';
import { pullMetrics, type PullStream } from '../../server/src/metrics/pull';
import type { MetricsSnapshot } from '../../server/src/core/metrics/snapshot';
import type { FakeCloudWatch, Points } from './fakeCloudWatch';

export const FAKE_CREDENTIALS = { accessKeyId: 'AKIDLOOPBACKTEST', secretAccessKey: 'loopback-secret' };

/** events (shard-level metrics on), clicks and ghost (no such stream) in eu-west-1; orders in us-east-1. */
export const STREAMS: PullStream[] = [
  { stream: 'events', region: 'eu-west-1', shardMetrics: ['IncomingBytes', 'IncomingRecords'] },
  { stream: 'clicks', region: 'eu-west-1', shardMetrics: [] },
  { stream: 'ghost', region: 'eu-west-1', shardMetrics: [] },
  { stream: 'orders', region: 'us-east-1', shardMetrics: [] },
];

/** The tests' clock: 30 s past a minute, so the range ends at 09:30:00. */
export const NOW = new Date('2026-12-02T09:30:30Z');
export const END_S = Date.parse('2026-12-02T09:30:00Z') / 1000;

/** `minutes` sums back from the range's end, value(i) for minute i (0 = the first), skipping those where it is null. */
export function series(days: number, value: (i: number) => number | null, endS = END_S): Points {
  const n = days * 1440;
  const start = endS - n * 60;
  const out: Points = {};
  for (let i = 0; i < n; i++) {
    const v = value(i);
    if (v !== null) out[start + i * 60] = v;
  }
  return out;
}

/** events: every metric, an EFO consumer, two shards; clicks: writes only; orders (us-east-1): writes and reads. */
export function pullData(days = 1, endS = END_S): FakeCloudWatch['data'] {
  const series_ = (d: number, value: (i: number) => number | null) => series(d, value, endS);
  return {
    'eu-west-1': {
      events: {
        metrics: {
          IncomingBytes: series_(days, (i) => 60_000 * (1 + (i % 7))),
          IncomingRecords: series_(days, (i) => 60 * (1 + (i % 5))),
          'GetRecords.Bytes': series_(days, (i) => 120_000 * (1 + (i % 3))),
          WriteProvisionedThroughputExceeded: series_(days, (i) => (i % 100 === 0 ? 12 : 0)),
          ReadProvisionedThroughputExceeded: series_(days, (i) => (i === 30 ? 2 : null)),
        },
        consumers: { analytics: series_(days, (i) => 90_000 + i) },
        shards: {
          'shardId-000000000000': { IncomingBytes: series_(days, (i) => 50_000 * (1 + (i % 7))), IncomingRecords: series_(days, (i) => 50 * (1 + (i % 5))) },
          'shardId-000000000001': { IncomingBytes: series_(days, (i) => 10_000 * (1 + (i % 7))), IncomingRecords: series_(days, (i) => 10 * (1 + (i % 5))) },
        },
      },
      clicks: {
        metrics: {
          IncomingBytes: series_(days, (i) => (i % 2 === 0 ? 6_000 : null)),
          IncomingRecords: series_(days, (i) => (i % 2 === 0 ? 6 : null)),
        },
      },
    },
    'us-east-1': {
      orders: {
        metrics: {
          IncomingBytes: series_(days, (i) => 1_000 + i),
          IncomingRecords: series_(days, () => 10),
          'GetRecords.Bytes': series_(days, (i) => 2_000 + i),
        },
      },
    },
  };
}

/** The pull's snapshot of pullData(days) (used by the raw-output test). */
export async function pulledSnapshot(fake: FakeCloudWatch, days = 1): Promise<MetricsSnapshot> {
  const source = cloudWatchSource({ endpoint: fake.endpoint, credentials: FAKE_CREDENTIALS });
  try {
    const r = await pullMetrics({ streams: STREAMS, days, now: NOW, source, sleep: async () => undefined });
    assert.ok(r.snapshot);
    return r.snapshot;
  } finally {
    source.dispose();
  }
}


