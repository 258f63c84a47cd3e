import { strict as assert } from 'assert';
import { r } from './ruleKit';
import { MiB, applied, check, metrics, observedStreamHcl, stats } from './observedKit';

const ID = 'hot-shard';

const stream = observedStreamHcl;

const shard = (mib: number) => ({ incomingBytes: stats(mib * MiB, mib * MiB, (mib * MiB) / 2) });
function shards(...mib: number[]) {
  return Object.fromEntries(mib.map((m, i) => [`shardId-00000000000${i}`, shard(m)]));
}

describe('rule hot-shard', () => {
  describe('fires', () => {
    it('per-shard metrics: which shard, how much, sized for it (fix), and after the fix no count to offer', async () => {
      // Shard 0 at 0.85 MiB/s, the mean 0.4: 2.1×; one key then carries (2.125 − 1) / 3 = 37.5 % of 1.6 MiB/s = 0.6 MiB/s,
      // and N ≥ (0.625 × 1.6) / (0.8 − 0.6) = 5 shards.
      const obs = { events: metrics('events', { incomingBytes: stats(1.6 * MiB, 1.6 * MiB, 1 * MiB), shards: shards(0.85, 0.25, 0.25, 0.25) }) };
      const files = { 'main.tf': stream('write_mib_per_sec=1.6 consumers=0', '4') };
      const c = await check(files, obs);
      const [f] = c.of(ID);
      assert.equal(f.message, 'Shard shardId-000000000000 takes 2.1× the mean writes: 0.85 MiB/s, 85 % of a shard');
      assert.equal(
        f.detail,
        "Observed 2026-11-12 → 11-25 (snapshot 3 days old), shard-level IncomingBytes p99: shardId-000000000000 0.85 MiB/s, 2.1× the mean of the 4 shards' 0.4 MiB/s (thresholds.hot_shard_factor 2) " +
          "and 85 % of one shard's 1 MiB/s write limit. If one partition key makes the difference it carries (2.1 − 1) / (4 − 1) = 38 % of the writes, and a key always lands on one shard. " +
          'Sized for it, the stream needs 5 shards at the 80 % target (it has 4); spreading the key would even the shards out.',
      );
      assert.deepEqual(f.at.range, r(3, 20, 3, 21));
      assert.equal(f.fixes![0].title, 'Set shard_count = 5 (+$10.95/mo)');
      // undersized-shards sizes with the same key share: the same count, never one that cannot carry the shard.
      assert.equal(c.of('undersized-shards')[0].fixes![0].title, 'Set shard_count = 5 (+$10.95/mo)');
      const after = await check(applied(files, f), obs);
      assert.deepEqual(after.of(ID)[0].fixes, []);
      assert.match(after.of(ID)[0].detail!, /At 5 shards the stream is sized for it \(5 needed at the 80 % target\)/);
      assert.deepEqual([...after.of('undersized-shards'), ...after.of('oversized-shards')], []);
    });

    it('per-shard metrics whose hot part no shard count carries: more shards help only if no single key causes it', async () => {
      const obs = { events: metrics('events', { incomingBytes: stats(1.2 * MiB, 1.2 * MiB, 1 * MiB), shards: shards(0.9, 0.1, 0.1, 0.1) }) };
      const [f] = (await check({ 'main.tf': stream('write_mib_per_sec=1.2 consumers=0', '4') }, obs)).of(ID);
      assert.equal(f.message, 'Shard shardId-000000000000 takes 3× the mean writes: 0.9 MiB/s, 90 % of a shard');
      assert.match(f.detail!, /One shard takes 1 MiB\/s \(0\.8 MiB\/s at the 80 % target\) whatever the shard count, so adding shards will not help if one key causes it\. Spread the key: add a random suffix to it \(key-0 … key-9\), or use a finer key \(a user rather than a tenant\)\. Once spread, the load needs 2 shards\.$/);
      assert.deepEqual(f.fixes, []);
    });

    it('max_key_share past one shard\'s write limit: more shards will not help, on the key; no count offered anywhere', async () => {
      const c = await check({ 'main.tf': stream('write_mib_per_sec=5 max_key_share=0.3 consumers=0', '2') }, {});
      const [f] = c.of(ID);
      assert.equal(f.message, 'Busiest key writes 1.5 MiB/s, more than one shard takes (1 MiB/s): more shards will not help');
      assert.equal(
        f.detail,
        'max_key_share=0.3: the busiest key alone puts 0.3 × 5 MiB/s = 1.5 MiB/s on one shard, since a partition key always lands on one shard. ' +
          'One shard takes 1 MiB/s (0.8 MiB/s at the 80 % target) whatever the shard count, so adding shards will not help. ' +
          'Spread the key: add a random suffix to it (key-0 … key-9), or use a finer key (a user rather than a tenant). Once spread, the load needs 7 shards.',
      );
      assert.deepEqual(f.at.range, r(0, 36, 0, 53));
      assert.deepEqual(f.fixes, []);
      // Neither undersized-shards nor capacity-mode-cost offers a count that cannot carry the key.
      assert.deepEqual([...c.of('undersized-shards'), ...c.of('oversized-shards'), ...c.of('capacity-mode-cost')], []);
    });

    it('a PROVISIONED stream without shard_count: shard-count-mode-conflict adds no count that cannot carry the key', async () => {
      const text = stream('write_mib_per_sec=5 max_key_share=0.3', '2').replace('  shard_count     = 2\n', '');
      const c = await check({ 'main.tf': text }, {});
      assert.equal(c.of(ID).length, 1);
      const [conflict] = c.of('shard-count-mode-conflict');
      assert.equal(conflict.message, 'No shard_count, which PROVISIONED mode requires');
      assert.deepEqual(conflict.fixes, []);
      // Without the key share the same stream gets "Add shard_count = 7 (what the declared load needs)".
      const even = await check({ 'main.tf': text.replace(' max_key_share=0.3', '') }, {});
      assert.equal(even.of('shard-count-mode-conflict')[0].fixes![0].title, 'Add shard_count = 7 (what the declared load needs)');
    });

    it('records: a key at 90 % of one shard\'s 1,000 records/s is past the 80 % target', async () => {
      const [f] = (await check({ 'main.tf': stream('records_per_sec=5000 avg_record_kib=0.1 max_key_share=0.18', '8') }, {})).of(ID);
      assert.equal(f.message, 'Busiest key writes 900 records/s, 90 % of one shard (target 80 %): more shards will not help');
      assert.deepEqual(f.at.range, r(0, 56, 0, 74));
    });
  });

  describe('stays silent', () => {
    it('a key share some count carries: undersized-shards sizes for it instead (15 shards, not the even 7)', async () => {
      const c = await check({ 'main.tf': stream('write_mib_per_sec=5 max_key_share=0.1 consumers=0', '2') }, {});
      assert.deepEqual(c.of(ID), []);
      assert.equal(c.of('undersized-shards')[0].message, '2 shards, load needs 15 (write bytes at 275 %)');
      assert.match(c.of('undersized-shards')[0].detail!, /sets the number with the busiest key's 10 % on one shard \(max_key_share\): 15 shards/);
    });

    it('shards under the factor, or a hot shard under half of a shard\'s limit', async () => {
      const even = { events: metrics('events', { incomingBytes: stats(2 * MiB, 2 * MiB, 1 * MiB), shards: shards(0.7, 0.5, 0.4, 0.4) }) };
      assert.deepEqual((await check({ 'main.tf': stream('', '4') }, even)).of(ID), []);
      const light = { events: metrics('events', { incomingBytes: stats(0.6 * MiB, 0.6 * MiB, 0.3 * MiB), shards: shards(0.45, 0.05, 0.05, 0.05) }) };
      assert.deepEqual((await check({ 'main.tf': stream('', '4') }, light)).of(ID), []);
    });

    it('one shard only, or no per-shard metrics', async () => {
      const one = { events: metrics('events', { incomingBytes: stats(0.9 * MiB, 0.9 * MiB, 0.5 * MiB), shards: shards(0.9) }) };
      assert.deepEqual((await check({ 'main.tf': stream('', '1') }, one)).of(ID), []);
    });
  });
});
