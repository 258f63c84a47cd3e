// Analyzer.analyzeModules spread over worker threads (node/moduleWorker.ts), with the same result as in-process:
// 1. plan: each worker loads a share of the directories and says, per directory, what it calls and what variables it
//    declares (calledDirs works root by root, so the union over shares is the in-process set);
// 2. here: the root modules are the directories no other calls (all of them when every one is called), and --var is
//    checked against all of them, as checkDeclared does;
// 3. analyze: each root is analysed by the worker that loaded it (its parses are cached there), and the results are
//    put back in directory order. The first error in that order is the run's error, as in-process.
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { checkDeclared, ConfigFileError } from '../../core/analyze';
import { VariableInputError, type VariableInputs } from '../../core/inputs/variableInputs';
import type { ModuleAnalysis } from '../../core/results';
import type { ModuleWorkerData, PlannedRoot, WorkerRequest, WorkerResponse } from '../../node/moduleWorker';
import type { AnalyzerLike } from '../run';

export class WorkerAnalyzer implements AnalyzerLike {
  private readonly workers: ModuleThread[] = [];

  constructor(private readonly jobs: number, private readonly data: ModuleWorkerData, private readonly variables?: VariableInputs) {}

  async analyzeModules(dirs: string[]): Promise<ModuleAnalysis[]> {
    const count = Math.max(1, Math.min(this.jobs, dirs.length));
    while (this.workers.length < count) this.workers.push(new ModuleThread(this.data));
    const workers = this.workers.slice(0, count);
    // Round robin over the sorted directories: neighbours (often alike in size) go to different workers.
    const shares = workers.map((_, i) => dirs.filter((_d, j) => j % count === i));
    const planned = await Promise.all(workers.map((w, i) => w.request({ type: 'plan', dirs: shares[i] })));
    const owner = new Map<string, { root: PlannedRoot; worker: number }>();
    planned.forEach((response, worker) => {
      for (const root of expect(response, 'planned').roots) owner.set(root.dir, { root, worker });
    });
    const roots = dirs.filter((d) => owner.has(d));
    const called = new Set(roots.flatMap((d) => owner.get(d)?.root.calls ?? []));
    const independent = roots.filter((d) => !called.has(d));
    const analysed = independent.length ? independent : roots;
    const declaredProblem = declaredCheck(this.variables, analysed.map((d) => new Set(owner.get(d)?.root.variables)));
    const answers = await Promise.all(workers.map((w, i) => w.request({
      type: 'analyze', dirs: analysed.filter((d) => owner.get(d)?.worker === i), declaredProblem,
    })));
    const byDir = new Map<string, ModuleAnalysis>();
    let failure: { at: number; response: Extract<WorkerResponse, { type: 'failed' }> } | undefined;
    for (const answer of answers) {
      if (answer.type === 'failed') {
        const at = answer.dir === undefined ? -1 : analysed.indexOf(answer.dir);
        if (!failure || at < failure.at) failure = { at, response: answer };
      } else for (const result of expect(answer, 'analysed').results) byDir.set(result.dir, result);
    }
    if (failure) throw rebuilt(failure.response);
    return analysed.map((d) => byDir.get(d)).filter((r): r is ModuleAnalysis => r !== undefined);
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.splice(0).map((w) => w.terminate()));
  }
}

/** The message checkDeclared would throw for these roots' declared variables, or undefined. */
function declaredCheck(variables: VariableInputs | undefined, roots: Set<string>[]): string | undefined {
  try {
    checkDeclared(variables, roots.map((declared) => ({ variables: declared })));
    return undefined;
  } catch (error) {
    if (error instanceof VariableInputError) return error.message;
    throw error;
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
