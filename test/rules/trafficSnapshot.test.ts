// load-drift, throttled and hot-shard through the whole analysis, driven by a fixture snapshot
// (test/fixtures/metrics/rules-traffic.json) found at .kinesis-lint/metrics.json: drift both ways with the fix
// applied and re-analysed, throttling with the shards that absorb it, a hot shard, and a hot key no count carries.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { analyze, applyEdits, ROOT, r, type Result } from '../support/analyze';
import { hcl } from './ruleKit';
import type { Finding } from '../../server/src/core/types';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'rules-traffic.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00Z');

function stream(name: string, annotation: string, shards: number): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    `resource "aws_kinesis_stream" "${name}" {`,
    `  name            = "${name}"`,
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}

async function run(files: Record<string, string>): Promise<Result> {
  return analyze({ ...files, '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
}

function one(res: Result, id: string): Finding {
  const found = res.of(id);
  assert.equal(found.length, 1, `${id}: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

function fixed(files: Record<string, string>, f: Finding, index = 0): Record<string, string> {
  const fix = f.fixes[index];
  const out = { ...files };
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    const rel = path.relative(ROOT, file);
    assert.ok(rel in out, file);
    out[rel] = applyEdits(out[rel], fix.edits.filter((e) => e.file === file));
  }
  return out;
}

describe('rules on a metrics snapshot (fixture rules-traffic.json)', () => {
  it('drift up: the fix rewrites the annotation to the observed p99s; re-analysed, no drift and the stream sized from them', async () => {
    const files = { 'main.tf': stream('grown', 'write_mib_per_sec=1 records_per_sec=1000 consumers=1', 2) };
    const res = await run(files);
    assert.equal(res.streams[0].loadSource, 'declared');
    const f = one(res, 'load-drift');
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Observed p99 2.5 MiB/s, above the declared 1 MiB/s');
    assert.deepEqual(f.range, r(0, 0, 0, 68));
    assert.match(f.detail!, /^Observed 2026-11-12 → 11-25 \(snapshot 3 days old\): IncomingBytes p99 2\.5 MiB\/s/);
    const after = await run(fixed(files, f));
    assert.equal(after.text('main.tf').split('\n')[0], '# kinesis-lint: write_mib_per_sec=2.5 records_per_sec=2000 consumers=1');
    assert.deepEqual(after.of('load-drift'), []);
    assert.equal(one(after, 'undersized-shards').message, '2 shards, load needs 4 (write bytes at 125 %)');
  });

  it('drift down, declared in .kinesis-lint.json: the fix edits the config entry; re-analysed, no drift', async () => {
    const config = '{\n  "streams": {\n    "aws_kinesis_stream.shrunk": { "write_mib_per_sec": 4, "consumers": 1 }\n  }\n}\n';
    const files = { 'main.tf': stream('shrunk', '', 6), '.kinesis-lint.json': config };
    const f = one(await run(files), 'load-drift');
    assert.equal(f.message, 'Observed peak 0.5 MiB/s, under 50 % of the declared 4 MiB/s');
    assert.deepEqual(f.range, r(0, 0, 0, 38));
    assert.equal(f.fixes[0].edits[0].file, '/ws/.kinesis-lint.json');
    const repaired = fixed(files, f);
    assert.equal(repaired['.kinesis-lint.json'], config.replace('"write_mib_per_sec": 4', '"write_mib_per_sec": 0.4'));
    const after = await run(repaired);
    assert.deepEqual(after.of('load-drift'), []);
    assert.deepEqual(after.of('invalid-config'), []);
    // 0.4 MiB/s on 6 shards: oversized-shards offers 1.
    assert.match(one(after, 'oversized-shards').fixes[0].title, /^Set shard_count = 1 /);
  });

  it('throttling: the shards needed to absorb it, fixed; re-analysed, the minute averages fit and no count is offered', async () => {
    const files = { 'main.tf': stream('throttled', '', 2) };
    const res = await run(files);
    // No declared rate: the observation is the load (p99 1.5 MiB/s → 2 shards), so undersized-shards is silent.
    assert.equal(res.streams[0].loadSource, 'observed');
    assert.deepEqual(res.of('undersized-shards'), []);
    const f = one(res, 'throttled');
    assert.equal(f.message, 'Writes throttled: 12,345 records in 40 minutes; absorbing them needs 4 shards');
    assert.deepEqual(f.range, r(2, 20, 2, 21));
    assert.equal(f.fixes[0].title, 'Set shard_count = 4 (+$21.90/mo)');
    const after = await run(fixed(files, f));
    const again = one(after, 'throttled');
    assert.equal(again.message, 'Writes throttled: 12,345 records in 40 minutes, though minute averages fit 4 shards');
    assert.deepEqual(again.fixes, []);
    // Not idle, whatever its p99: oversized-shards stays silent.
    assert.deepEqual(after.of('oversized-shards'), []);
  });

  it('a hot shard: which one, how much, sized for it (fix); undersized-shards gives the same count', async () => {
    const files = { 'main.tf': stream('skewed', '', 4) };
    const res = await run(files);
    const f = one(res, 'hot-shard');
    // 0.875 MiB/s against the 4 shards' mean 0.40625: 2.15×; one key then carries (2.15 − 1) / 3 = 5/13 of the
    // stream's 1.625 MiB/s = 0.625 MiB/s, and N ≥ (8/13 × 1.625) / (0.8 − 0.625) = 5.7 → 6 shards.
    assert.equal(f.message, 'Shard shardId-000000000000 takes 2.2× the mean writes: 0.88 MiB/s, 88 % of a shard');
    assert.deepEqual(f.range, r(2, 20, 2, 21));
    assert.match(f.detail!, /= 38 % of the writes, and a key always lands on one shard\. Sized for it, the stream needs 6 shards at the 80 % target \(it has 4\); spreading the key would even the shards out\.$/);
    assert.equal(f.fixes[0].title, 'Set shard_count = 6 (+$21.90/mo)');
    assert.equal(one(res, 'undersized-shards').fixes[0].title, 'Set shard_count = 6 (+$21.90/mo)');
    const after = await run(fixed(files, f));
    assert.deepEqual(one(after, 'hot-shard').fixes, []);
    assert.deepEqual([...after.of('undersized-shards'), ...after.of('oversized-shards')], []);
  });

  it('a hot key no shard count can carry (max_key_share in .kinesis-lint.json): more shards will not help, no count anywhere', async () => {
    const config = JSON.stringify({ streams: { 'aws_kinesis_stream.keyed': { write_mib_per_sec: 5, max_key_share: 0.3, consumers: 0 } } });
    const res = await run({ 'main.tf': stream('keyed', '', 2), '.kinesis-lint.json': config });
    const f = one(res, 'hot-shard');
    assert.equal(f.message, 'Busiest key writes 1.5 MiB/s, more than one shard takes (1 MiB/s): more shards will not help');
    assert.deepEqual(f.range, r(2, 20, 2, 21));
    assert.match(f.detail!, /adding shards will not help\. Spread the key: add a random suffix to it \(key-0 … key-9\), or use a finer key \(a user rather than a tenant\)\. Once spread, the load needs 7 shards\.$/);
    assert.deepEqual(f.fixes, []);
    assert.deepEqual(res.streams[0].requiredShards, null);
    assert.deepEqual([...res.of('undersized-shards'), ...res.of('oversized-shards'), ...res.of('capacity-mode-cost')], []);
  });
});

describe('the stream breakdown (hover, report) with a busiest key', () => {
  it('says no shard count carries the key instead of "no load declared", and which limit cannot be carried', async () => {
    const { streamBreakdown } = await import('../../server/src/lsp/render/breakdown');
    const res = await analyze({ 'main.tf': stream('keyed', 'write_mib_per_sec=5 max_key_share=0.3 consumers=0', 2) });
    const text = streamBreakdown(res.streams[0]);
    assert.ok(text.includes('**Capacity** at the 80 % target: no shard count carries the busiest partition key (max key share 30 %); spread the key'), text);
    assert.ok(text.includes('- write bytes (5 MiB/s against 1 MiB/s per shard) → no shard count (the busiest key alone is too much for one shard) **(binding)**'), text);
    assert.ok(text.includes('- shared reads (0 MiB/s against 2 MiB/s per shard) → 1 shard'), text);
    assert.ok(!text.includes('no load declared'), text);
  });
});
