// Parser workers stop after an idle period (freeing their WASM heap) and start again on demand. Asserts the pool's
// lifecycle counts and the results, never times: the idle period is tiny so the test waits for events, not clocks.
import { strict as assert } from 'node:assert';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
import type { PoolOutcome } from '../../server/src/core/syntax/hcl2json/pooledWorker';
import { WorkerPool } from '../../server/src/core/syntax/hcl2json/workerPool';

const ECHO_WORKER = `
const { parentPort, threadId } = require('worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'slow') { const until = Date.now() + 300; while (Date.now() < until); }
  parentPort.postMessage({ type: 'result', id, value: { threadId, text } });
});
parentPort.postMessage({ type: 'ready' });
`;

/** Resolves once `condition` holds (checked every 10 ms); fails after 10 s, a liveness limit only. */
async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  assert.fail(`timed out waiting for ${what}`);
}

function threadOf(outcome: PoolOutcome): number {
  assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
  return (outcome as { value: { threadId: number } }).value.threadId;
}

describe('hcl2json workers: idle shutdown', () => {
  const pools: WorkerPool[] = [];
  const parsers: HclParser[] = [];
  const pool = (idleMs: number) => {
    const p = new WorkerPool({ size: 1, jobMs: 5_000, startupMs: 5_000, idleMs, source: () => ECHO_WORKER });
    pools.push(p);
    return p;
  };
  after(() => Promise.all([...pools.map((p) => p.dispose()), ...parsers.map((p) => p.dispose())]));

  it('stops an idle worker and starts a new one for the next job', async () => {
    const p = pool(30);
    const first = threadOf(await p.run('a', false));
    await until(() => p.stats.idleStops === 1, 'the idle shutdown');
    assert.deepEqual(p.stats, { started: 1, stopped: 1, idleStops: 1 });
    const second = threadOf(await p.run('b', false));
    assert.notEqual(second, first);
    assert.equal(p.stats.started, 2);
  });

  it('never stops a worker with a job in flight, nor one kept busy within the idle period', async () => {
    const p = pool(100);
    // 'slow' keeps the worker busy three times the idle period: the result still arrives, from the same worker.
    const threads = [threadOf(await p.run('slow', false)), threadOf(await p.run('slow', false))];
    assert.equal(new Set(threads).size, 1);
    assert.deepEqual(p.stats, { started: 1, stopped: 0, idleStops: 0 });
  });

  it('keeps the worker without an idle period (Infinity, or beyond what a timer can wait)', async () => {
    const pools = [pool(Infinity), pool(2 ** 40)];
    for (const p of pools) await p.run('a', false);
    await new Promise((r) => setTimeout(r, 100));
    for (const p of pools) assert.deepEqual(p.stats, { started: 1, stopped: 0, idleStops: 0 });
  });

  it('HclParser: parses again transparently after its real hcl2json worker stopped', async () => {
    const parser = new HclParser({ idleShutdownMs: 30 });
    parsers.push(parser);
    assert.deepEqual(await parser.parse('a = 1\n'), { ok: true, json: { a: 1 } });
    await until(() => parser.stats.idleStops === 1, 'the idle shutdown');
    // Requests queued while no worker runs all wait for the one cold start.
    const results = await Promise.all(['b = 2\n', 'c = 3\n'].map((t) => parser.parse(t)));
    assert.deepEqual(results, [{ ok: true, json: { b: 2 } }, { ok: true, json: { c: 3 } }]);
    assert.equal(parser.stats.started, 2);
  });
});
