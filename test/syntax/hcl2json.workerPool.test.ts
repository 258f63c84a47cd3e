// The pool's lifecycle, driven by tiny eval'd workers that speak the hcl2json worker's protocol, so hangs,
// crashes and failed starts are deterministic and fast. Replies carry the worker's threadId to show respawns.
import { strict as assert } from 'node:assert';
import type { PoolOutcome } from '../../server/src/core/syntax/hcl2json/pooledWorker';
import { WorkerPool } from '../../server/src/core/syntax/hcl2json/workerPool';

const ECHO_WORKER = `
const { parentPort, threadId } = require('worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text === 'hang') for (;;);
  if (text === 'exit') process.exit(3);
  if (text === 'fatal') {
    parentPort.postMessage({ type: 'output', text: 'goroutine 1\\nfatal error: malloc deadlock\\n' });
    parentPort.postMessage({ type: 'fatal', id, reason: 'RangeError: boom' });
    return;
  }
  if (text === 'slow') { const until = Date.now() + 300; while (Date.now() < until); }
  parentPort.postMessage({ type: 'result', id, value: { threadId, text } });
});
parentPort.postMessage({ type: 'ready' });
`;

const pools: WorkerPool[] = [];
function pool(options: { size?: number; jobMs?: number; startupMs?: number; source?: () => string } = {}): WorkerPool {
  const created = new WorkerPool({
    size: options.size ?? 1,
    jobMs: options.jobMs ?? 5_000,
    startupMs: options.startupMs ?? 5_000,
    source: options.source ?? (() => ECHO_WORKER),
  });
  pools.push(created);
  return created;
}

function threadOf(outcome: PoolOutcome): number {
  assert.equal(outcome.kind, 'done', JSON.stringify(outcome));
  return (outcome as { value: { threadId: number } }).value.threadId;
}

describe('hcl2json WorkerPool', () => {
  after(() => Promise.all(pools.map((p) => p.dispose())));

  it('answers jobs in order and reuses its worker', async () => {
    const p = pool();
    const outcomes = await Promise.all(['a', 'b', 'c'].map((text) => p.run(text, false)));
    assert.deepEqual(
      outcomes.map((o) => (o.kind === 'done' ? (o.value as { text: string }).text : o.kind)),
      ['a', 'b', 'c'],
    );
    assert.equal(new Set(outcomes.map(threadOf)).size, 1);
  });

  it('times out a hung job, terminates that worker and serves the next job from a new one', async () => {
    const p = pool({ jobMs: 200 });
    const before = threadOf(await p.run('x', false));
    assert.deepEqual(await p.run('hang', false), { kind: 'timeout' });
    assert.notEqual(threadOf(await p.run('x', false)), before);
  });

  it('fails only the in-flight job when the worker exits, then respawns', async () => {
    const p = pool();
    const before = threadOf(await p.run('x', false));
    const [crashed, next] = await Promise.all([p.run('exit', false), p.run('y', false)]);
    assert.deepEqual(crashed, { kind: 'crashed', reason: 'worker exited with code 3' });
    assert.notEqual(threadOf(next), before);
  });

  it('retires a worker that reports a fatal error, naming the Go runtime’s last words', async () => {
    const p = pool();
    const before = threadOf(await p.run('x', false));
    assert.deepEqual(await p.run('fatal', false), {
      kind: 'crashed',
      reason: 'RangeError: boom; fatal error: malloc deadlock',
    });
    assert.notEqual(threadOf(await p.run('x', false)), before);
  });

  it('recycles a worker after a job marked retireAfter', async () => {
    const p = pool();
    const first = threadOf(await p.run('big', true));
    assert.notEqual(threadOf(await p.run('x', false)), first);
  });

  it('runs jobs in parallel up to its size', async () => {
    const p = pool({ size: 2 });
    const outcomes = await Promise.all([p.run('slow', false), p.run('slow', false)]);
    assert.equal(new Set(outcomes.map(threadOf)).size, 2);
  });

  it('fails the queue once when the worker cannot start, and tries again on the next run', async () => {
    let spawns = 0;
    const p = pool({ source: () => (spawns++, "throw new Error('no wasm')") });
    const outcomes = await Promise.all([p.run('a', false), p.run('b', false), p.run('c', false)]);
    for (const outcome of outcomes) {
      assert.equal(outcome.kind, 'unavailable');
      assert.match((outcome as { reason: string }).reason, /Error: no wasm/);
    }
    assert.equal(spawns, 1);
    assert.equal((await p.run('d', false)).kind, 'unavailable');
    assert.equal(spawns, 2);
  });

  it('gives up on a worker that never becomes ready', async () => {
    const p = pool({ startupMs: 200, source: () => 'setInterval(() => {}, 1000)' });
    assert.deepEqual(await p.run('a', false), { kind: 'unavailable', reason: 'hcl2json did not start within 200 ms' });
  });

  it('settles queued and in-flight jobs as disposed, and refuses work afterwards', async () => {
    const p = pool();
    await p.run('warm', false);
    const inFlight = p.run('hang', false);
    const queued = p.run('x', false);
    await p.dispose();
    assert.deepEqual(await inFlight, { kind: 'disposed' });
    assert.deepEqual(await queued, { kind: 'disposed' });
    assert.deepEqual(await p.run('x', false), { kind: 'disposed' });
  });
});
