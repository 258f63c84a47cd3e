import { strict as assert } from 'node:assert';
import { Scheduler } from '../../server/src/lsp/scheduler';

describe('Scheduler', () => {
  it('aborts a running analysis when an edit arrives, then analyses the union once', async () => {
    const runs: { dirs: string[]; aborted: boolean }[] = [];
    let release: () => void = () => undefined;
    const finished = new Promise<void>((resolveAll) => {
      const scheduler = new Scheduler(
        async (dirs, signal) => {
          const run = { dirs, aborted: false };
          runs.push(run);
          if (runs.length === 1) {
            // The first run waits until it is aborted, like an analysis between two time slices.
            await new Promise<void>((resolve) => {
              release = resolve;
              signal.addEventListener('abort', () => resolve());
            });
            run.aborted = signal.aborted;
            signal.throwIfAborted();
          } else resolveAll();
        },
        () => 0,
        (e) => assert.fail(`unexpected error ${String(e)}`),
      );
      scheduler.request(['/a']);
      setTimeout(() => scheduler.request(['/b']), 20);
    });
    await finished;
    release();
    assert.deepEqual(runs.map((r) => [r.dirs.sort(), r.aborted]), [[['/a'], true], [['/a', '/b'], false]]);
  });
});
