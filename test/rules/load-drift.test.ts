import { strict as assert } from 'assert';
import { hcl, r } from './ruleKit';
import { MiB, applied, check, metrics, observedStreamHcl, stats } from './observedKit';

const ID = 'load-drift';

const stream = observedStreamHcl;

// Traffic 2.5× the declared 1 MiB/s and 1,000 records/s at p99.
const UP = metrics('events', { incomingBytes: stats(3 * MiB, 2.5 * MiB, 1 * MiB), incomingRecords: stats(2400, 2000, 800) });
// A stream declared for 4 MiB/s whose busiest minute wrote 0.5 MiB/s.
const DOWN = metrics('events', { incomingBytes: stats(0.5 * MiB, 0.4 * MiB, 0.2 * MiB), incomingRecords: stats(500, 400, 200) });

describe('rule load-drift', () => {
  describe('fires', () => {
    it('drift up: p99 above declared × 1.1, on the annotation, fix writes the observed p99s; re-checked, no drift', async () => {
      const files = { 'main.tf': stream('write_mib_per_sec=1 records_per_sec=1000 consumers=1') };
      const [f] = (await check(files, { events: UP })).of(ID);
      assert.equal(f.message, 'Observed p99 2.5 MiB/s, above the declared 1 MiB/s');
      assert.equal(
        f.detail,
        'Observed 2026-11-12 → 11-25 (snapshot 3 days old): IncomingBytes p99 2.5 MiB/s (peak 3 MiB/s, mean 1 MiB/s) is above the declared 1 MiB/s × 1.1 (thresholds.load_drift_tolerance); ' +
          'IncomingRecords p99 2,000 records/s (peak 2,400 records/s, mean 800 records/s) is above the declared 1,000 records/s × 1.1 (thresholds.load_drift_tolerance). ' +
          'The declared load (annotation) sizes the stream and prices its usage. The fix writes the observed values.',
      );
      assert.deepEqual(f.at.range, r(0, 0, 0, 68));
      assert.equal(f.fixes![0].title, 'Declare the observed load: write_mib_per_sec=2.5 records_per_sec=2000 (+$36.79/mo)');
      assert.deepEqual(f.fixes![0].edits.map((e) => [e.range, e.newText]), [[r(0, 34, 0, 35), '2.5'], [r(0, 52, 0, 56), '2000']]);
      const fixed = applied(files, f);
      assert.equal(fixed['main.tf'], files['main.tf'].replace('write_mib_per_sec=1 records_per_sec=1000', 'write_mib_per_sec=2.5 records_per_sec=2000'));
      const after = await check(fixed, { events: UP });
      assert.deepEqual(after.of(ID), []);
      // The new load now sizes the stream: 2.5 MiB/s needs ceil(2.5 / 0.8) = 4 shards.
      assert.equal(after.of('undersized-shards')[0].message, '2 shards, load needs 4 (write bytes at 125 %)');
    });

    it('drift down: the observed peak under half the declared rate; the fix lowers it; re-checked, no drift', async () => {
      const files = { 'main.tf': stream('write_mib_per_sec=4 consumers=1', '6') };
      const [f] = (await check(files, { events: DOWN })).of(ID);
      assert.equal(f.message, 'Observed peak 0.5 MiB/s, under 50 % of the declared 4 MiB/s');
      assert.match(f.detail!, /IncomingBytes p99 0\.4 MiB\/s \(peak 0\.5 MiB\/s, mean 0\.2 MiB\/s\) peaks below the declared 4 MiB\/s × 0\.5 \(thresholds\.load_drift_below_factor\)\./);
      assert.equal(f.fixes![0].title.replace(/ \(.*\)$/, ''), 'Declare the observed load: write_mib_per_sec=0.4');
      const fixed = applied(files, f);
      assert.equal(fixed['main.tf'], files['main.tf'].replace('write_mib_per_sec=4', 'write_mib_per_sec=0.4'));
      const after = await check(fixed, { events: DOWN });
      assert.deepEqual(after.of(ID), []);
      // 6 shards for 0.4 MiB/s: oversized now says so, with a count that carries it.
      assert.equal(after.of('oversized-shards')[0].fixes![0].title.replace(/ \(.*\)$/, ''), 'Set shard_count = 1');
    });

    it('records + avg_record_kib declared (bytes derived): records = p99, size = p99 bytes ÷ p99 records; no drift after', async () => {
      const files = { 'main.tf': stream('records_per_sec=1000 avg_record_kib=1') };
      const [f] = (await check(files, { events: UP })).of(ID);
      // 2.5 MiB/s ÷ 2,000 records/s = 1.28 KiB.
      assert.equal(f.fixes![0].title.replace(/ \(.*\)$/, ''), 'Declare the observed load: records_per_sec=2000 avg_record_kib=1.28');
      assert.deepEqual((await check(applied(files, f), { events: UP })).of(ID), []);
    });

    it('a load declared in .kinesis-lint.json: the fix edits its values there, at the header otherwise', async () => {
      const config = '{\n  "streams": {\n    "aws_kinesis_stream.events": { "write_mib_per_sec": 1, "consumers": 1 }\n  }\n}\n';
      const files = { 'main.tf': stream(''), '.kinesis-lint.json': config };
      const [f] = (await check(files, { events: UP })).of(ID);
      assert.deepEqual(f.at.range, r(0, 0, 0, 38));
      assert.match(f.detail!, /The declared load \(\.kinesis-lint\.json\) sizes the stream/);
      assert.equal(f.fixes![0].title.replace(/ \(\+.*\)$/, ''), 'Declare the observed load: write_mib_per_sec=2.5 in .kinesis-lint.json');
      assert.deepEqual(f.fixes![0].edits.map((e) => [e.file, e.range, e.newText]), [['/ws/.kinesis-lint.json', r(2, 56, 2, 57), '2.5']]);
      const fixed = applied(files, f);
      assert.equal(fixed['.kinesis-lint.json'], config.replace('"write_mib_per_sec": 1', '"write_mib_per_sec": 2.5'));
      assert.deepEqual((await check(fixed, { events: UP })).of(ID), []);
    });

    it('a key written twice: both occurrences change, so the older one cannot win', async () => {
      const files = { 'main.tf': hcl(['# kinesis-lint: write_mib_per_sec=1', stream('write_mib_per_sec=1').trimEnd()]) };
      const [f] = (await check(files, { events: UP })).of(ID);
      assert.equal(f.fixes![0].edits.length, 2);
      assert.deepEqual((await check(applied(files, f), { events: UP })).of(ID), []);
    });
  });

  describe('stays silent', () => {
    it('within the tolerance: p99 at most declared × 1.1 and the peak at least half of it', async () => {
      const near = metrics('events', { incomingBytes: stats(1.2 * MiB, 1.1 * MiB, 0.6 * MiB) });
      assert.deepEqual((await check({ 'main.tf': stream('write_mib_per_sec=1') }, { events: near })).of(ID), []);
    });

    it('without a declared rate (the observation is the load), without an observation, or with no data points', async () => {
      assert.deepEqual((await check({ 'main.tf': stream('consumers=1') }, { events: UP })).of(ID), []);
      assert.deepEqual((await check({ 'main.tf': stream('write_mib_per_sec=1') }, {})).of(ID), []);
      const empty = metrics('events', { minutes: 0, incomingBytes: stats(0, 0, 0) });
      assert.deepEqual((await check({ 'main.tf': stream('write_mib_per_sec=1') }, { events: empty })).of(ID), []);
    });

    it('a rate the snapshot lacks is not compared', async () => {
      const bytesOnly = metrics('events', { incomingBytes: stats(1 * MiB, 1 * MiB, 0.5 * MiB) });
      assert.deepEqual((await check({ 'main.tf': stream('write_mib_per_sec=1 records_per_sec=100') }, { events: bytesOnly })).of(ID), []);
    });
  });
});
