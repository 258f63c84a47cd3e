// A CLI worker thread: the whole core (read, scan, parse, model, rules, pricing) for the module directories the main
// thread hands it, in two steps (cli/parallel/workerAnalyzer.ts): `plan` loads its share of the directories and says
// what each calls; `analyze` analyses the root modules chosen from every share. Its hcl2json runs in the thread
// (inThreadParser.ts): the thread is already off the main thread, and a second thread per worker would cost another
// ~100 MB of WASM and a postMessage of every parse.
import { parentPort, workerData } from 'node:worker_threads';
import { Analyzer, ConfigFileError, type ModulePlan } from '../core/analyze';
import { VariableInputError } from '../core/inputs/variableInputs';
import { PlanFileError } from '../core/plan/planFile';
import type { ModuleAnalysis } from '../core/results';
import type { AnalyzerOptions } from '../cli/run';
import { nodeHost } from './nodeHost';
import { workspaceBoundHost, type ReadScope } from './workspaceBoundHost';
import { InThreadHclParser } from './inThreadParser';

export interface ModuleWorkerData {
  options: AnalyzerOptions;
  /** --untrusted: the read scope of workspaceBoundHost. */
  scope?: ReadScope;
  /** 'pool': hcl2json in a parser thread of the worker's own, as in-process (KINESIS_LINT_DEBUG=parser-pool, to
   *  compare); default: in the worker's thread. */
  parser?: 'thread' | 'pool';
}

/** What a worker knows about one loaded directory after `plan`. */
export interface PlannedRoot {
  dir: string;
  /** Every directory it calls as a module, directly or through others. */
  calls: string[];
  /** The variables it declares (for checkDeclared). */
  variables: string[];
}

export type WorkerRequest =
  | { type: 'plan'; dirs: string[] }
  /** `declaredProblem`: the --var check failed over all shares; thrown once the --config file is read, as in-process. */
  | { type: 'analyze'; dirs: string[]; declaredProblem?: string };

export type WorkerResponse =
  | { type: 'planned'; roots: PlannedRoot[] }
  | { type: 'analysed'; results: ModuleAnalysis[] }
  /** `usage`: a ConfigFileError, VariableInputError or PlanFileError (exit 2 with the message). */
  | { type: 'failed'; usage: boolean; message: string; stack?: string; dir?: string };

if (parentPort) serve(parentPort, workerData as ModuleWorkerData);

function serve(port: NonNullable<typeof parentPort>, data: ModuleWorkerData): void {
  const host = data.scope ? workspaceBoundHost(nodeHost, () => data.scope) : nodeHost;
  const parser = data.parser === 'pool' ? undefined : new InThreadHclParser();
  const analyzer = new Analyzer(host, { ...data.options, parserWorkers: 1, ...(parser ? { parser } : {}) });
  let plan: ModulePlan | undefined;
  port.on('message', (request: WorkerRequest) => {
    void handle(request).then((response) => port.postMessage(response), (error: unknown) => port.postMessage(failure(error, undefined)));
  });

  async function handle(request: WorkerRequest): Promise<WorkerResponse> {
    if (request.type === 'plan') {
      plan = await analyzer.planModules(request.dirs);
      const calls = plan.calls;
      return { type: 'planned', roots: plan.roots.map((r) => ({ dir: r.dir, calls: [...(calls.get(r.dir) ?? [])], variables: [...r.variables.keys()] })) };
    }
    const problem = request.declaredProblem;
    // The --config file and the --var check first, as in-process; then root by root, so that an error names its root.
    await analyzer.analyzeRoots([], plan, problem === undefined ? undefined : () => { throw new VariableInputError(problem); });
    const results: ModuleAnalysis[] = [];
    for (const dir of request.dirs) {
      try {
        results.push(...(await analyzer.analyzeRoots([dir], plan)));
      } catch (error) {
        return failure(error, dir);
      }
    }
    return { type: 'analysed', results };
  }
}

function failure(error: unknown, dir: string | undefined): WorkerResponse {
  const usage = error instanceof ConfigFileError || error instanceof VariableInputError || error instanceof PlanFileError;
  const e = error instanceof Error ? error : new Error(String(error));
  return { type: 'failed', usage, message: e.message, stack: e.stack, ...(dir !== undefined ? { dir } : {}) };
}
