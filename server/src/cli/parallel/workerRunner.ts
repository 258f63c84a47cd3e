// The module runner (moduleRunner.ts) in worker threads (node/moduleWorker.ts): each worker plans a share of the
// directories, and each root is analysed by the worker that planned it (its parses are cached there). The first
// error in directory order is the run's error, as in-process.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ConfigFileError } from '../../core/analyze';
import type { ModuleAnalysis } from '../../core/results';
import type { ModuleWorkerData, PlannedRoot, WorkerRequest, WorkerResponse } from '../../node/moduleWorker';
import type { ModuleRunner } from './moduleRunner';

export class WorkerRunner implements ModuleRunner {
  private readonly workers: ModuleThread[] = [];
  /** Which worker planned each directory. */
  private readonly owner = new Map<string, number>();

  constructor(private readonly jobs: number, private readonly data: ModuleWorkerData) {}

  async plan(dirs: string[]): Promise<PlannedRoot[]> {
    const workers = this.started(dirs.length);
    // Round robin over the sorted directories: neighbours (often alike in size) go to different workers.
    const shares = workers.map((_, i) => dirs.filter((_d, j) => j % workers.length === i));
    const answers = await Promise.all(workers.map((w, i) => w.request({ type: 'plan', dirs: shares[i] })));
    return answers.flatMap((answer, worker) => {
      const roots = expect(answer, 'planned').roots;
      for (const root of roots) this.owner.set(root.dir, worker);
      return roots;
    });
  }

  async analyze(dirs: string[], declaredProblem?: string): Promise<ModuleAnalysis[]> {
    const workers = this.started(dirs.length);
    let next = 0;
    const assigned = dirs.map((d) => this.owner.get(d) ?? next++ % workers.length);
    // Every started worker reads --config and makes the --var check, even with no root to analyse, as in-process.
    const answers = await Promise.all(workers.map((w, i) => w.request({ type: 'analyze', dirs: dirs.filter((_d, j) => assigned[j] === i), declaredProblem })));
    const byDir = new Map<string, ModuleAnalysis>();
    let failure: { at: number; answer: Extract<WorkerResponse, { type: 'failed' }> } | undefined;
    for (const answer of answers) {
      if (answer.type === 'failed') {
        const at = answer.dir === undefined ? -1 : dirs.indexOf(answer.dir);
        if (!failure || at < failure.at) failure = { at, answer };
      } else for (const result of expect(answer, 'analysed').results) byDir.set(result.dir, result);
    }
    if (failure) throw rebuilt(failure.answer);
    return dirs.map((d) => byDir.get(d)).filter((r): r is ModuleAnalysis => r !== undefined);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }

  /** At least min(jobs, work) workers, 1 at the least; a worker, once started, keeps its loaded modules. */
  private started(work: number): ModuleThread[] {
    const count = Math.max(1, Math.min(this.jobs, work), this.workers.length);
    while (this.workers.length < count) this.workers.push(new ModuleThread(this.data));
    return this.workers;
  }
}

function expect<T extends WorkerResponse['type']>(response: WorkerResponse, type: T): Extract<WorkerResponse, { type: T }> {
  if (response.type === type) return response as Extract<WorkerResponse, { type: T }>;
  throw rebuilt(response.type === 'failed' ? response : { type: 'failed', usage: false, message: `unexpected worker answer ${response.type}` });
}

/** The worker's error as the CLI reports it: a usage error's message (exit 2), or an internal error's stack. */
function rebuilt(failed: Extract<WorkerResponse, { type: 'failed' }>): Error {
  const error = failed.usage ? new ConfigFileError(failed.message) : new Error(failed.message);
  if (failed.stack !== undefined && !failed.usage) error.stack = failed.stack;
  return error;
}

/** One worker thread; requests are answered in order, one at a time. */
class ModuleThread {
  private readonly worker: Worker;
  private pending: { settle: (r: WorkerResponse) => void } | undefined;
  private dead: string | undefined;

  constructor(data: ModuleWorkerData) {
    this.worker = new Worker(workerFile(), { workerData: data, ...workerExecArgv() });
    this.worker.on('message', (response: WorkerResponse) => this.settle(response));
    this.worker.on('error', (error) => this.die(error.stack ?? String(error)));
    this.worker.on('exit', (code) => this.die(`a worker thread exited with code ${code}`));
  }

  request(request: WorkerRequest): Promise<WorkerResponse> {
    if (this.dead !== undefined) return Promise.resolve({ type: 'failed', usage: false, message: this.dead });
    return new Promise((settle) => {
      this.pending = { settle };
      this.worker.postMessage(request);
    });
  }

  async terminate(): Promise<void> {
    this.dead ??= 'terminated';
    await this.worker.terminate();
  }

  private settle(response: WorkerResponse): void {
    const pending = this.pending;
    this.pending = undefined;
    pending?.settle(response);
  }

  private die(reason: string): void {
    this.dead ??= reason;
    this.settle({ type: 'failed', usage: false, message: reason, stack: reason });
  }
}

/** The compiled worker beside this file's compiled tree; under ts-node (tests) the .ts source with ts-node loaded. */
function workerFile(): string {
  return join(__dirname, '..', '..', 'node', `moduleWorker${__filename.endsWith('.ts') ? '.ts' : '.js'}`);
}

function workerExecArgv(): { execArgv?: string[] } {
  return __filename.endsWith('.ts') ? { execArgv: [...process.execArgv, '-r', 'ts-node/register'] } : {};
}
