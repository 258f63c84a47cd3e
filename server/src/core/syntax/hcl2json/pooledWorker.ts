// One worker thread running one job at a time, with the lifecycle the pool needs: a startup self-test, a
// time-out per job, and retirement (terminate) on time-out, crash or request. It never respawns itself;
// the pool decides that, lazily.
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './workerSource';

export type PoolOutcome =
  | { kind: 'done'; value: unknown }
  | { kind: 'timeout' }
  | { kind: 'crashed'; reason: string }
  | { kind: 'unavailable'; reason: string }
  | { kind: 'disposed' };

export interface Job {
  id: number;
  text: string;
  /** Retire the worker once this job is done (big inputs leave WASM memory grown for good). */
  retireAfter: boolean;
  settle(outcome: PoolOutcome): void;
}

export interface WorkerEvents {
  /** The worker can take a job. */
  onIdle(worker: PooledWorker): void;
  /** The worker is gone; `startFailure` is set when it never became ready. */
  onRetired(worker: PooledWorker, startFailure?: string): void;
}

export interface WorkerTimeouts {
  startupMs: number;
  jobMs: number;
  /** An idle worker terminates itself after this long without a job (its WASM heap is freed); Infinity: never. */
  idleMs?: number;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Enough of the worker's output to find a Go `fatal error:` / `panic:` line (its stack dump runs to ~20 KB). */
const OUTPUT_TAIL_CHARS = 64 * 1024;

export class PooledWorker {
  state: 'starting' | 'idle' | 'busy' | 'retired' = 'starting';
  /** Retired for having been idle idleMs (not for a failure or a request). */
  idleStopped = false;
  private readonly worker: Worker | undefined;
  private job: Job | undefined;
  private timer: NodeJS.Timeout | undefined;
  private output = '';
  private exited: Promise<void> = Promise.resolve();

  constructor(source: string, private readonly timeouts: WorkerTimeouts, private readonly events: WorkerEvents) {
    try {
      this.worker = new Worker(source, { eval: true });
    } catch (error) {
      queueMicrotask(() => this.fail(`worker could not be created: ${describe(error)}`));
      return;
    }
    const worker = this.worker;
    this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (error) => this.fail(describe(error)));
    worker.on('exit', (code) => this.fail(`worker exited with code ${code}`));
    this.arm(timeouts.startupMs, () => this.fail(`hcl2json did not start within ${timeouts.startupMs} ms`));
  }

  dispatch(job: Job): void {
    this.state = 'busy';
    this.job = job;
    this.worker?.ref();
    this.arm(this.timeouts.jobMs, () => this.retire({ kind: 'timeout' }));
    this.worker?.postMessage({ id: job.id, text: job.text });
  }

  /** Terminates the worker; an in-flight job settles with `outcome`. Resolves once the thread is gone. */
  retire(outcome: PoolOutcome, startFailure?: string): Promise<void> {
    if (this.state === 'retired') return this.exited;
    this.state = 'retired';
    clearTimeout(this.timer);
    const job = this.job;
    this.job = undefined;
    job?.settle(outcome);
    void this.worker?.terminate();
    this.events.onRetired(this, startFailure);
    return this.exited;
  }

  private onReply(reply: WorkerReply): void {
    if (reply.type === 'output') {
      this.collect(reply.text);
      return;
    }
    if (this.state === 'retired') return;
    if (reply.type === 'ready') {
      clearTimeout(this.timer);
      this.becomeIdle();
      return;
    }
    const job = this.job;
    if (!job || job.id !== reply.id) return;
    if (reply.type === 'fatal') {
      void this.retire({ kind: 'crashed', reason: this.withGoFatal(reply.reason) });
      return;
    }
    clearTimeout(this.timer);
    this.job = undefined;
    job.settle({ kind: 'done', value: reply.value });
    if (job.retireAfter) void this.retire({ kind: 'disposed' }); // no job in flight: the outcome goes unused
    else this.becomeIdle();
  }

  /** An unexpected error or exit: fail the job in flight, or report a failed start. */
  private fail(reason: string): void {
    if (this.state === 'retired') return;
    const why = this.withGoFatal(reason);
    if (this.state === 'starting') void this.retire({ kind: 'unavailable', reason: why }, why);
    else void this.retire({ kind: 'crashed', reason: why });
  }

  private becomeIdle(): void {
    this.state = 'idle';
    this.worker?.unref(); // an idle parser must not keep a CLI alive
    this.events.onIdle(this);
    const idleMs = this.timeouts.idleMs ?? Infinity;
    // Beyond setTimeout's range (2^31 - 1 ms) Node would fire at once: such periods mean never.
    if (this.state === 'idle' && idleMs <= MAX_TIMER_MS) {
      // dispatch() replaces this timer, so a job is never cut short by it; unref'd like the idle worker itself.
      this.arm(idleMs, () => {
        this.idleStopped = true;
        void this.retire({ kind: 'disposed' });
      }).unref();
    }
  }

  private arm(ms: number, onExpiry: () => void): NodeJS.Timeout {
    clearTimeout(this.timer);
    this.timer = setTimeout(onExpiry, ms);
    return this.timer;
  }

  private collect(text: string): void {
    this.output = (this.output + text).slice(-OUTPUT_TAIL_CHARS);
  }

  /** Appends the Go runtime's own last words (e.g. `fatal error: malloc deadlock`) when it printed any. */
  private withGoFatal(reason: string): string {
    const goFatal = /^(?:fatal error|panic): .*$/m.exec(this.output);
    return goFatal ? `${reason}; ${goFatal[0]}` : reason;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
