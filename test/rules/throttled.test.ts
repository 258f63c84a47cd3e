import { strict as assert } from 'assert';
import { r } from './ruleKit';
import { MiB, applied, check, metrics, observedStreamHcl, stats } from './observedKit';

const ID = 'throttled';

const stream = observedStreamHcl;

const throttle = (peak: number, total: number, minutes: number) => ({ peak, p99: 0, mean: total / 20160 / 60, total, minutes });

// Accepted at most 2,000 records/s (2 MiB/s) in a minute, and up to 600 records/s rejected: up to 2,600 records/s
// and 2 MiB/s + 600 × 1,048.576 bytes (the mean record) = 2.6 MiB/s attempted.
const SHORT = metrics('events', {
  incomingBytes: stats(2 * MiB, 1.5 * MiB, 1 * MiB),
  incomingRecords: stats(2000, 1500, 1000),
  writeThrottled: throttle(600, 12345, 40),
});

describe('rule throttled', () => {
  describe('fires', () => {
    it('writes past what the shards take: the shards that absorb them, fixed; afterwards no shard count is offered', async () => {
      const files = { 'main.tf': stream('write_mib_per_sec=1.5 records_per_sec=1500 consumers=1') };
      const [f] = (await check(files, { events: SHORT })).of(ID);
      assert.equal(f.message, 'Writes throttled: 12,345 records in 40 minutes; absorbing them needs 4 shards');
      assert.equal(
        f.detail,
        'Observed 2026-11-12 → 11-25 (snapshot 3 days old): WriteProvisionedThroughputExceeded 12,345 records over 40 minutes, at most 600 records/s in a minute; ' +
          "with the busiest minute's 2,000 records/s accepted, at most 2,600 records/s and 2.6 MiB/s (at the mean 1,049 bytes a record) were attempted. " +
          'At 2 shards that uses 130 % of the write limit; at the 80 % target write bytes (2.6 MiB/s against 1 MiB/s per shard) needs 4 shards.',
      );
      assert.deepEqual(f.at.range, r(3, 20, 3, 21));
      assert.equal(f.fixes![0].title, 'Set shard_count = 4 (+$21.90/mo)');
      const fixed = applied(files, f);
      assert.equal(fixed['main.tf'], files['main.tf'].replace('shard_count     = 2', 'shard_count     = 4'));
      const [after] = (await check(fixed, { events: SHORT })).of(ID);
      assert.equal(after.message, 'Writes throttled: 12,345 records in 40 minutes, though minute averages fit 4 shards');
      assert.deepEqual(after.fixes ?? [], []);
    });

    it('one shard count per stream: the larger of the load\'s (undersized-shards) and the throttling\'s carries the fix', async () => {
      // Observed load only: the p99 needs 2 shards, the throttled busiest minute 4: throttled fixes, undersized does not.
      const observedOnly = { 'main.tf': stream('', '1') };
      const a = await check(observedOnly, { events: SHORT });
      const [t] = a.of(ID);
      const [u] = a.of('undersized-shards');
      assert.equal(u.message, '1 shard, load needs 2 (write bytes at 150 %)');
      assert.deepEqual(u.fixes ?? [], []);
      assert.match(u.detail!, /The observed throttling needs 4 \(throttled offers that count\)\.$/);
      assert.equal(t.message, 'Writes throttled: 12,345 records in 40 minutes; absorbing them needs 4 shards');
      assert.equal(t.fixes![0].title, 'Set shard_count = 4 (+$32.85/mo)');
      // Five declared readers share the reads: the load needs 5 (7.5 MiB/s of shared reads), more than the throttling's
      // 4, so undersized-shards fixes and throttled offers no second count.
      const readers = { 'main.tf': stream('consumers=5', '1') };
      const b = await check(readers, { events: SHORT });
      const [t2] = b.of(ID);
      const [u2] = b.of('undersized-shards');
      assert.equal(u2.message, '1 shard, load needs 5 (shared reads at 375 %)');
      assert.equal(u2.fixes![0].title, 'Set shard_count = 5 (+$43.80/mo)');
      assert.deepEqual(t2.fixes ?? [], []);
      assert.match(t2.detail!, /undersized-shards sets 5 shards, which absorbs them: no second count is offered here\.$/);
    });

    it('minute averages that fit: bursts or a hot shard, and no fix', async () => {
      const files = { 'main.tf': stream('', '4') };
      const fits = metrics('events', { incomingBytes: stats(2 * MiB, 1.5 * MiB, 1 * MiB), incomingRecords: stats(2000, 1500, 1000), writeThrottled: throttle(10, 300, 5) });
      const [f] = (await check(files, { events: fits })).of(ID);
      assert.equal(f.message, 'Writes throttled: 300 records in 5 minutes, though minute averages fit 4 shards');
      assert.match(f.detail!, /At 4 shards that peak uses 50 % of the write limit\. The limits are per second and CloudWatch sums per minute, so the cause is within-minute bursts or a hot shard \(shard-level metrics would show it\), or the stream had fewer than 4 shards then\. No shard count is offered\.$/);
      assert.deepEqual(f.fixes ?? [], []);
    });

    it('minute averages that fit with a hot shard in the per-shard metrics: names it as the cause', async () => {
      const sh = (b: number) => ({ incomingBytes: stats(b * MiB, b * MiB, b * MiB / 2) });
      const hot = metrics('events', {
        incomingBytes: stats(1.6 * MiB, 1.6 * MiB, 1 * MiB),
        incomingRecords: stats(1600, 1600, 1000),
        writeThrottled: throttle(20, 900, 9),
        shards: { 'shardId-000000000000': sh(0.25), 'shardId-000000000001': sh(0.25), 'shardId-000000000002': sh(0.85), 'shardId-000000000003': sh(0.25) },
      });
      const [f] = (await check({ 'main.tf': stream('', '8') }, { events: hot })).of(ID);
      assert.match(f.detail!, /so the cause is within-minute bursts or shard shardId-000000000002 takes 2\.1× the mean of the shards \(hot-shard\), so it throttles first, or the stream had fewer than 8 shards then\./);
    });

    it('throttled reads: GetRecords calls, with what standard and EFO consumers share', async () => {
      // The reads' p99 (2.5 MiB/s) fits the 2 shards at the target (ceil(2.5 / 1.6) = 2: no undersized-shards); the
      // busiest minute's 6 MiB/s against 2 × 2 MiB/s throttled: at the target ceil(6 / 1.6) = 4.
      const reads = metrics('events', { incomingBytes: stats(1 * MiB, 1 * MiB, 0.5 * MiB), getRecordsBytes: stats(6 * MiB, 2.5 * MiB, 1 * MiB), readThrottled: throttle(3, 120, 7) });
      const result = await check({ 'main.tf': stream('', '2') }, { events: reads });
      assert.deepEqual(result.of('undersized-shards'), []);
      const [f] = result.of(ID);
      assert.equal(f.message, 'Reads throttled: 120 GetRecords calls in 7 minutes; absorbing them needs 4 shards');
      assert.match(f.detail!, /At 2 shards that uses 150 % of the shared read limit; at the 80 % target 6 MiB\/s of reads needs 4 shards\. Standard consumers share 5 GetRecords calls and 2 MiB\/s per shard per second; enhanced fan-out gives each consumer its own 2 MiB\/s per shard\.$/);
      assert.equal(f.fixes![0].title, 'Set shard_count = 4 (+$21.90/mo)');
    });

    it('an on-demand stream: no shard_count to raise, no fix', async () => {
      const [f] = (await check({ 'main.tf': stream('', '', 'ON_DEMAND') }, { events: SHORT })).of(ID);
      assert.equal(f.message, 'Writes throttled: 12,345 records in 40 minutes');
      assert.match(f.detail!, /An on-demand stream has no shard_count to raise/);
      assert.deepEqual(f.fixes ?? [], []);
    });

    it('a busiest key no shard count carries (max_key_share): says so, no fix', async () => {
      const [f] = (await check({ 'main.tf': stream('max_key_share=0.5', '2') }, { events: SHORT })).of(ID);
      assert.equal(f.message, 'Writes throttled: 12,345 records in 40 minutes; no shard count carries the busiest key');
      assert.deepEqual(f.fixes ?? [], []);
    });
  });

  describe('stays silent', () => {
    it('without throttling, without an observation', async () => {
      const calm = metrics('events', { incomingBytes: stats(1 * MiB, 1 * MiB, 0.5 * MiB), writeThrottled: throttle(0, 0, 0) });
      assert.deepEqual((await check({ 'main.tf': stream('') }, { events: calm })).of(ID), []);
      assert.deepEqual((await check({ 'main.tf': stream('') }, {})).of(ID), []);
    });

    it('oversized-shards stays silent on a stream that throttled', async () => {
      const c = await check({ 'main.tf': stream('write_mib_per_sec=0.1 consumers=0', '8') }, { events: SHORT });
      assert.deepEqual(c.of('oversized-shards'), []);
    });
  });
});
