// A lazily started pool of PooledWorkers fed from one FIFO queue. Workers are spawned only when work is
// queued, and a retired worker (time-out, crash, recycling, idle shutdown) is replaced only when work is waiting
// again: a server that is not being typed into holds no parser memory.
import { type Job, type PoolOutcome, PooledWorker, type WorkerTimeouts } from './pooledWorker';

export interface WorkerPoolOptions extends WorkerTimeouts {
  size: number;
  /** Worker source for `new Worker(source, { eval: true })`; called per spawn so a failure counts as a failed start. */
  source: () => string;
}

/** Worker lifecycle counts, for tests, the log and the benchmark. */
export interface WorkerPoolStats {
  started: number;
  /** Retired for any reason, including idle shutdowns. */
  stopped: number;
  idleStops: number;
}

export class WorkerPool {
  readonly stats: WorkerPoolStats = { started: 0, stopped: 0, idleStops: 0 };
  private readonly workers: PooledWorker[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;
  /** Set after a failed start; no more spawning until a worker becomes ready or the queue is failed. */
  private startFailure: string | undefined;

  constructor(private readonly options: WorkerPoolOptions) {}

  /** Never rejects. */
  run(text: string, retireAfter: boolean): Promise<PoolOutcome> {
    if (this.disposed) return Promise.resolve({ kind: 'disposed' });
    return new Promise((settle) => {
      this.queue.push({ id: this.nextId++, text, retireAfter, settle });
      this.pump();
    });
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.failQueue({ kind: 'disposed' });
    await Promise.all([...this.workers].map((worker) => worker.retire({ kind: 'disposed' })));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.disposed) {
      const idle = this.workers.find((worker) => worker.state === 'idle');
      if (idle) {
        idle.dispatch(this.queue.shift() as Job);
        continue;
      }
      const starting = this.workers.filter((worker) => worker.state === 'starting').length;
      const mayStart = this.workers.length < this.options.size && starting < this.queue.length;
      if (mayStart && this.startFailure === undefined) {
        this.spawn();
        continue;
      }
      return;
    }
  }

  private spawn(): void {
    let source: string;
    try {
      source = this.options.source();
    } catch (error) {
      this.startFailure = error instanceof Error ? error.message : String(error);
      if (this.workers.length === 0) this.failQueue({ kind: 'unavailable', reason: this.startFailure });
      return;
    }
    this.stats.started++;
    this.workers.push(
      new PooledWorker(source, this.options, {
        onIdle: () => {
          this.startFailure = undefined;
          this.pump();
        },
        onRetired: (worker, startFailure) => this.onRetired(worker, startFailure),
      }),
    );
  }

  private onRetired(worker: PooledWorker, startFailure: string | undefined): void {
    this.workers.splice(this.workers.indexOf(worker), 1);
    this.stats.stopped++;
    if (worker.idleStopped) this.stats.idleStops++;
    if (startFailure !== undefined) this.startFailure = startFailure;
    if (this.startFailure !== undefined && this.workers.length === 0) {
      // Nobody left to serve the queue: fail it now; the next run() tries a fresh start.
      this.failQueue({ kind: 'unavailable', reason: this.startFailure });
      return;
    }
    // Deferred so that a job settled by this retirement is seen before the next one starts.
    queueMicrotask(() => this.pump());
  }

  private failQueue(outcome: PoolOutcome): void {
    const jobs = this.queue.splice(0);
    this.startFailure = undefined;
    for (const job of jobs) job.settle(outcome);
  }
}
