// --cache with a metrics snapshot: a root module's analysis is reused while its snapshot is the same text, the same
// number of days old, and no snapshot has appeared in the lookup's folders.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/core/analyze';
import { CachedAnalyzer } from '../../server/src/cli/cache/cachedAnalyzer';
import { inProcessRunner } from '../../server/src/cli/parallel/moduleRunner';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');
const MAIN = 'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_kinesis_stream" "events" {\n  name        = "events"\n  shard_count = 1\n}\n';

describe('--cache and the metrics snapshot', () => {
  const files: Record<string, string> = {};
  const stored = new Map<string, string>();
  const runs: [number, number][] = [];
  async function run(now: Date) {
    const host = memoryHost(files);
    const analyzer = new Analyzer(host, { parser: sharedParser(), now });
    const cached = new CachedAnalyzer(inProcessRunner(analyzer), undefined, {
      file: '/cache', settings: 's', host, now, warn: (m) => assert.fail(m),
      store: { read: async (f) => stored.get(f), write: async (f, t) => { stored.set(f, t); } },
      stats: (reused, analysed) => runs.push([reused, analysed]),
    });
    const [a] = await cached.analyzeModules(['/ws/app']);
    return a;
  }

  it('reused on the same day; analysed again on the next, when a snapshot appears above, or when it changes', async () => {
    files['/ws/app/main.tf'] = MAIN;
    const day1 = new Date('2026-11-29T12:00:00Z');
    assert.equal((await run(day1)).streams[0].loadSource, null);
    // A pull writes the snapshot in a parent folder: the lookup finds it, the entry is stale.
    files['/ws/.kinesis-lint/metrics.json'] = SNAPSHOT;
    const observed = await run(day1);
    assert.equal(observed.streams[0].loadSource, 'observed');
    assert.equal(observed.metrics?.ageDays, 3);
    await run(new Date('2026-11-29T23:00:00Z'));
    const nextDay = await run(new Date('2026-11-30T12:00:00Z'));
    assert.equal(nextDay.metrics?.ageDays, 4);
    files['/ws/.kinesis-lint/metrics.json'] = SNAPSHOT.replace('"p99": 8388608', '"p99": 16777216');
    assert.equal((await run(new Date('2026-11-30T12:00:00Z'))).streams[0].requiredShards, 10);
    // [reused, analysed] per run.
    assert.deepEqual(runs, [[0, 1], [0, 1], [1, 0], [0, 1], [0, 1]]);
  });
});
