// The snapshot in the analysis: where it is found (lookup, config, --metrics), an invalid one (invalid-config at the
// exact place, the analysis goes on), a stale one, the result cache, and a base revision's Host.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, ConfigFileError } from '../../server/src/core/analyze';
import { ResultCache } from '../../server/src/core/pipeline/resultCache';
import { sameConfigHost } from '../../server/src/node/sameConfigHost';
import type { Host } from '../../server/src/core/types';
import { analyze, r, sharedParser } from '../support/analyze';
import { memoryHost } from '../support/memoryHost';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');
const INVALID = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'invalid.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00Z');

const MAIN = [
  'provider "aws" {',
  '  region = "us-east-1"',
  '}',
  '',
  'resource "aws_kinesis_stream" "events" {',
  '  name            = "events"',
  '  shard_count     = 1',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '}',
  '',
].join('\n');

describe('metrics snapshot in the analysis', () => {
  describe('where it is found', () => {
    it('.kinesis-lint/metrics.json in a parent of the root module; the nearest one wins', async () => {
      const far = await analyze({ 'envs/prod/main.tf': MAIN, '.kinesis-lint/metrics.json': SNAPSHOT }, { dirs: ['envs/prod'], now: NOW });
      assert.equal(far.streams[0].loadSource, 'observed');
      assert.equal(far.streams[0].observed?.snapshot.file, '/ws/.kinesis-lint/metrics.json');
      // The nearer snapshot has no entry for the stream: it is the one used all the same.
      const near = await analyze({ 'envs/prod/main.tf': MAIN, 'envs/.kinesis-lint/metrics.json': SNAPSHOT.replace(/"events"/g, '"other"'), '.kinesis-lint/metrics.json': SNAPSHOT }, { dirs: ['envs/prod'], now: NOW });
      assert.equal(near.streams[0].loadSource, null);
      assert.equal(near.analyses[0].metrics?.file, '/ws/envs/.kinesis-lint/metrics.json');
      assert.equal(near.analyses[0].metrics?.matched, 0);
    });

    it('no snapshot anywhere: silent, no metrics report', async () => {
      const res = await analyze({ 'main.tf': MAIN }, { now: NOW });
      assert.equal(res.streams[0].loadSource, null);
      assert.equal(res.streams[0].observed, null);
      assert.equal(res.analyses[0].metrics, undefined);
      assert.deepEqual(res.of('invalid-config'), []);
    });

    it('the config\'s metrics.file (relative to the config file) instead of the lookup, with its max_age_days', async () => {
      const res = await analyze({
        'main.tf': MAIN,
        '.kinesis-lint.json': '{ "metrics": { "file": "data/traffic.json", "max_age_days": 2 } }',
        'data/traffic.json': SNAPSHOT,
        '.kinesis-lint/metrics.json': SNAPSHOT.replace(/"events"/g, '"other"'),
      }, { now: NOW });
      assert.equal(res.streams[0].loadSource, 'observed');
      const m = res.analyses[0].metrics!;
      assert.deepEqual([m.file, m.ageDays, m.maxAgeDays, m.stale], ['/ws/data/traffic.json', 3, 2, true]);
      assert.ok(res.analyses[0].files.includes('/ws/data/traffic.json'));
    });

    it('a config metrics.file that does not exist yet (not pulled): silent, and no lookup either', async () => {
      const res = await analyze({ 'main.tf': MAIN, '.kinesis-lint.json': '{ "metrics": { "file": "missing.json" } }', '.kinesis-lint/metrics.json': SNAPSHOT }, { now: NOW });
      assert.equal(res.streams[0].loadSource, null);
      assert.deepEqual(res.findings.filter((f) => f.ruleId === 'invalid-config'), []);
      // Still an input: pulling it later changes the analysis.
      assert.ok(res.analyses[0].files.includes('/ws/missing.json'));
    });

    it('--metrics FILE wins over the config and the lookup; a missing one stops the run', async () => {
      const res = await analyze({ 'main.tf': MAIN, 'elsewhere/m.json': SNAPSHOT, '.kinesis-lint.json': '{ "metrics": { "file": "nope.json" } }' }, { now: NOW, metricsFile: '/ws/elsewhere/m.json' });
      assert.equal(res.streams[0].observed?.snapshot.file, '/ws/elsewhere/m.json');
      await assert.rejects(analyze({ 'main.tf': MAIN }, { now: NOW, metricsFile: '/ws/gone.json' }), (e: unknown) => e instanceof ConfigFileError && e.message === '--metrics /ws/gone.json: no such file');
    });
  });

  it('an invalid snapshot: invalid-config at the exact place in the snapshot, and the analysis goes on without observations', async () => {
    const res = await analyze({ 'main.tf': MAIN, '.kinesis-lint/metrics.json': INVALID }, { now: NOW });
    const problems = res.of('invalid-config');
    // invalid.json: line 9 "p99": "fast" (a string), line 13 an unknown key.
    assert.deepEqual(problems.map((f) => [f.file, f.range, f.message]), [
      ['/ws/.kinesis-lint/metrics.json', r(9, 61, 9, 67), '"streams[0].incomingBytes.p99" must be a number (got "fast"); observed metrics not used'],
      ['/ws/.kinesis-lint/metrics.json', r(12, 6, 12, 21), 'unknown key "writeThrottle" in "streams[0]" — did you mean "writeThrottled"?; observed metrics not used'],
    ]);
    assert.equal(problems[0].severity, 'error');
    assert.equal(res.streams.length, 1);
    assert.equal(res.streams[0].loadSource, null);
    assert.equal(res.analyses[0].metrics, undefined);
    assert.equal(res.of('throughput-undeclared').length, 1);
    // The file is one the analysis read: the editor re-analyses when it changes, the CLI cache keys on it.
    assert.ok(res.analyses[0].files.includes('/ws/.kinesis-lint/metrics.json'));
  });

  it('a snapshot that exists but cannot be read (too large): said at the file\'s start', async () => {
    const files = { '/ws/main.tf': MAIN, '/ws/.kinesis-lint/metrics.json': '{}' };
    const inner = memoryHost(files);
    const host: Host = {
      ...inner,
      readFile: (p, max) => (p.endsWith('metrics.json') ? Promise.resolve(undefined) : inner.readFile(p, max)),
      readProblem: (p) => (p.endsWith('metrics.json') ? 'metrics.json is larger than 128 MiB; skipped' : undefined),
    };
    const [a] = await new Analyzer(host, { parser: sharedParser(), now: NOW }).analyzeModules(['/ws']);
    const f = a.findings.filter((x) => x.ruleId === 'invalid-config');
    assert.deepEqual(f.map((x) => [x.file, x.range, x.message]), [['/ws/.kinesis-lint/metrics.json', r(0, 0, 0, 0), 'metrics snapshot not read: metrics.json is larger than 128 MiB; skipped; observed metrics not used']]);
  });

  it('a stale snapshot is flagged (and still used); without a clock it counts as pulled today', async () => {
    const stale = await analyze({ 'main.tf': MAIN, '.kinesis-lint/metrics.json': SNAPSHOT }, { now: new Date('2027-01-10T00:05:00Z') });
    assert.deepEqual([stale.analyses[0].metrics?.ageDays, stale.analyses[0].metrics?.stale], [45, true]);
    assert.equal(stale.streams[0].observed?.snapshot.stale, true);
    assert.equal(stale.streams[0].loadSource, 'observed');
    // 30 days exactly is not stale: "older than max_age_days".
    const edge = await analyze({ 'main.tf': MAIN, '.kinesis-lint/metrics.json': SNAPSHOT }, { now: new Date('2026-12-26T00:05:00Z') });
    assert.deepEqual([edge.analyses[0].metrics?.ageDays, edge.analyses[0].metrics?.stale], [30, false]);
    const noClock = await analyze({ 'main.tf': MAIN, '.kinesis-lint/metrics.json': SNAPSHOT });
    assert.deepEqual([noClock.analyses[0].metrics?.ageDays, noClock.analyses[0].metrics?.stale], [0, false]);
  });

  it('the result cache: a changed snapshot or a new day re-analyses the streams; the same ones reuse them', async () => {
    const files: Record<string, string> = { '/ws/main.tf': MAIN, '/ws/.kinesis-lint/metrics.json': SNAPSHOT };
    const cache = new ResultCache();
    const run = async (now: Date) => (await new Analyzer(memoryHost(files), { parser: sharedParser(), resultCache: cache, now }).analyzeModules(['/ws']))[0];
    const first = await run(NOW);
    assert.equal(first.streams[0].requiredShards, 5);
    const again = await run(NOW);
    assert.equal(again.streams[0], first.streams[0], 'same inputs: the cached report itself');
    files['/ws/.kinesis-lint/metrics.json'] = SNAPSHOT.replace('"p99": 8388608', '"p99": 16777216');
    const changed = await run(NOW);
    // Reads 16 MiB/s: ceil(16 / 1.6) = 10 shards.
    assert.equal(changed.streams[0].requiredShards, 10);
    const later = await run(new Date('2026-12-05T12:00:00Z'));
    assert.notEqual(later.streams[0], changed.streams[0]);
    assert.equal(later.streams[0].observed?.snapshot.ageDays, 9);
  });

  it('a base revision (diff --base): the snapshot and its folder come from the disk, not the commit', async () => {
    const commit = memoryHost({ '/ws/main.tf': MAIN });
    const disk = memoryHost({ '/ws/main.tf': MAIN, '/ws/.kinesis-lint/metrics.json': SNAPSHOT });
    const [a] = await new Analyzer(sameConfigHost(commit, disk), { parser: sharedParser(), now: NOW }).analyzeModules(['/ws']);
    assert.equal(a.streams[0].loadSource, 'observed');
    assert.equal(a.streams[0].requiredShards, 5);
  });
});
