// The metrics snapshot in the editor (issue #13), the pure parts: which roots a snapshot file serves, which stale
// snapshots are announced (once per file and pull), and the hover's Load line.
import { strict as assert } from 'assert';
import * as path from 'path';
import type { LoadedConfig } from '../../server/src/core/config/config';
import type { ModuleAnalysis, StreamReport } from '../../server/src/core/results';
import type { ObservedStream, SnapshotInfo } from '../../server/src/core/metrics/snapshot';
import { StaleNotices, defaultSnapshotDir, snapshotRoots, staleMessage, staleSnapshots } from '../../server/src/lsp/metricsSnapshots';
import { loadLine } from '../../server/src/lsp/render/breakdown';
import { WATCHED_GLOBS, unwatchedFiles } from '../../server/src/lsp/watchedFiles';
import { SNAPSHOT } from '../rules/observedKit';

const p = (...parts: string[]) => path.join(path.sep, ...parts);
const configWith = (file?: string) => ({ config: file === undefined ? {} : { metrics: { file, maxAgeDays: 30 } } }) as unknown as LoadedConfig;

const info = (over: Partial<SnapshotInfo> = {}): SnapshotInfo => ({ ...SNAPSHOT, ...over });
const observed = (snapshot: SnapshotInfo, minutes = 20160): ObservedStream => ({ snapshot, metrics: { stream: 'events', region: 'eu-west-1', minutes } });
const report = (loadSource: 'declared' | 'observed' | null, obs: ObservedStream | null) => ({ loadSource, observed: obs }) as unknown as StreamReport;
const analysis = (streams: StreamReport[], metrics?: unknown) => ({ dir: p('ws'), files: [], findings: [], streams, ...(metrics ? { metrics } : {}) }) as unknown as ModuleAnalysis;

describe('lsp: metrics snapshots', () => {
  it('watches the snapshot at its default place by glob; one a config names elsewhere by path', () => {
    assert.ok(WATCHED_GLOBS.includes('**/.kinesis-lint/metrics.json'));
    assert.deepEqual(unwatchedFiles([p('ws', '.kinesis-lint', 'metrics.json'), p('ws', 'obs', 'prod.json')], [p('ws')]), [p('ws', 'obs', 'prod.json')]);
  });

  it('a snapshot at the default place serves the roots at or below its directory that name no other file', () => {
    const file = p('ws', 'env', '.kinesis-lint', 'metrics.json');
    assert.equal(defaultSnapshotDir(file), p('ws', 'env'));
    assert.equal(defaultSnapshotDir(p('ws', 'env', 'metrics.json')), undefined);
    const configs = new Map([[p('ws', 'env', 'named'), configWith(p('ws', 'other.json'))]]);
    const roots = [p('ws'), p('ws', 'env'), p('ws', 'env', 'prod'), p('ws', 'env', 'named'), p('ws', 'envx')];
    assert.deepEqual(snapshotRoots(file, roots, (r) => configs.get(r), []), [p('ws', 'env'), p('ws', 'env', 'prod')]);
    // A root whose last analysis read it (e.g. found it from its own directory) is among them.
    assert.deepEqual(snapshotRoots(file, roots, (r) => configs.get(r), [p('ws')]), [p('ws'), p('ws', 'env'), p('ws', 'env', 'prod')]);
  });

  it('a file a config names serves the roots whose config names it; any other file is no snapshot', () => {
    const named = p('ws', 'other.json');
    const configs = new Map([[p('ws', 'a'), configWith(named)], [p('ws', 'b'), configWith()]]);
    assert.deepEqual(snapshotRoots(named, [p('ws', 'a'), p('ws', 'b')], (r) => configs.get(r), []), [p('ws', 'a')]);
    assert.equal(snapshotRoots(p('ws', 'prices.json'), [p('ws', 'a'), p('ws', 'b')], (r) => configs.get(r), []), undefined);
    assert.equal(snapshotRoots(p('ws', 'a', 'main.tf'), [p('ws', 'a')], (r) => configs.get(r), [p('ws', 'a')]), undefined);
  });

  it('stale snapshots: from the module\'s metrics or a stream\'s observation, each file and pull once', () => {
    const stale = info({ ageDays: 40, stale: true, pulledAt: '2026-10-23T08:00:00.000Z' });
    const analyses = [
      analysis([report('observed', observed(stale)), report('observed', observed(stale)), report('declared', observed(info()))]),
      analysis([], { file: p('ws', 'b.json'), pulledAt: '2026-01-01T00:00:00.000Z', ageDays: 300, stale: true, maxAgeDays: 60, streams: 0 }),
      analysis([], { file: p('ws', 'c.json'), pulledAt: '2026-11-30T00:00:00.000Z', ageDays: 2, stale: false, maxAgeDays: 30 }),
    ];
    assert.deepEqual(staleSnapshots(analyses), [
      { file: stale.file, pulledAt: stale.pulledAt, ageDays: 40, maxAgeDays: 30 },
      { file: p('ws', 'b.json'), pulledAt: '2026-01-01T00:00:00.000Z', ageDays: 300, maxAgeDays: 60 },
    ]);
    const notices = new StaleNotices();
    assert.equal(notices.take(analyses).length, 2);
    // The next analyses (a keystroke, another root) announce nothing more; a new pull of the same file is a new snapshot.
    assert.deepEqual(notices.take(analyses), []);
    assert.deepEqual(notices.take([analysis([report('observed', observed({ ...stale, ageDays: 41 }))])]), []);
    assert.equal(notices.take([analysis([report('observed', observed({ ...stale, pulledAt: '2026-10-24T08:00:00.000Z' }))])]).length, 1);
  });

  it('the stale notice names the file, its age, the limit and the command', () => {
    assert.equal(
      staleMessage({ file: p('ws', '.kinesis-lint', 'metrics.json'), pulledAt: '2026-10-23T08:00:00.000Z', ageDays: 40, maxAgeDays: 30 }, '.kinesis-lint/metrics.json'),
      'kinesis-lint: the metrics snapshot .kinesis-lint/metrics.json was pulled 40 days ago (2026-10-23), more than metrics.max_age_days (30): '
        + 'the loads observed in it may no longer hold. Run "kinesis-lint: Pull metrics for streams in this workspace" to refresh it.',
    );
  });

  it('the Load line: observed with the range and age, declared (also observed), a snapshot without data points, nothing', () => {
    assert.equal(loadLine(report('observed', observed(info()))), '**Load**: observed 2026-11-12 → 11-25 · snapshot 3 days old');
    assert.equal(loadLine(report('observed', observed(info({ ageDays: 0 })))), '**Load**: observed 2026-11-12 → 11-25 · snapshot pulled today');
    assert.equal(loadLine(report('observed', observed(info({ ageDays: 40, stale: true })))), '**Load**: observed 2026-11-12 → 11-25 · snapshot 40 days old — older than metrics.max_age_days (30)');
    assert.equal(loadLine(report('declared', null)), '**Load**: declared');
    assert.equal(loadLine(report('declared', observed(info({ ageDays: 1 })))), '**Load**: declared · also observed 2026-11-12 → 11-25 · snapshot 1 day old');
    assert.equal(loadLine(report(null, observed(info(), 0))), '**Load**: none — the metrics snapshot has no data points for this stream (observed 2026-11-12 → 11-25 · snapshot 3 days old)');
    assert.equal(loadLine(report(null, null)), undefined);
    assert.equal(loadLine({} as StreamReport), undefined);
  });
});
