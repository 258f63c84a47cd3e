// Analyzer.analyzeModules in two steps that may run elsewhere (worker threads) and in part from a cache:
// 1. plan: load directories and say, per directory, what it calls and what variables it declares (calledDirs works
//    root by root, so the union over any split of the directories is the in-process set);
// 2. here: the root modules are the directories no other calls (all of them when every one is called), and --var is
//    checked against all of them, as checkDeclared does;
// 3. analyze: the chosen roots, results put back in directory order.
import { checkDeclared, type Analyzer, type ModulePlan } from '../../core/analyze';
import { VariableInputError, type VariableInputs } from '../../core/inputs/variableInputs';
import type { ModuleAnalysis } from '../../core/results';
import type { PlannedRoot } from '../../node/moduleWorker';
import type { AnalyzerLike } from '../run';

export type { PlannedRoot } from '../../node/moduleWorker';

export interface ModuleRunner {
  /** The loadable directories among `dirs`, with their calls and variables. */
  plan(dirs: string[]): Promise<PlannedRoot[]>;
  /** Analyses each directory as a root module, after reading --config and throwing `declaredProblem` if given; throws
   *  what Analyzer.analyzeModules would (the first error in `dirs` order). */
  analyze(dirs: string[], declaredProblem?: string): Promise<ModuleAnalysis[]>;
  dispose(): Promise<void>;
}

/** What an earlier run (the cache) knows about a directory: its plan, and its analysis when it was a root. */
export interface KnownModule {
  planned: PlannedRoot;
  analysis?: ModuleAnalysis;
}

export interface ModuleRun {
  analyses: ModuleAnalysis[];
  /** Every loadable directory's plan (known or new). */
  planned: Map<string, PlannedRoot>;
  /** The directories analysed in this run (not taken from `known`). */
  analysed: Set<string>;
}

/** Analyzer.analyzeModules(dirs), taking from `known` what it holds instead of loading or analysing it again. */
export async function runModules(runner: ModuleRunner, dirs: string[], variables: VariableInputs | undefined, known = new Map<string, KnownModule>()): Promise<ModuleRun> {
  const toPlan = dirs.filter((d) => !known.has(d));
  const planned = new Map<string, PlannedRoot>([...known].map(([dir, k]) => [dir, k.planned]));
  for (const root of toPlan.length > 0 ? await runner.plan(toPlan) : []) planned.set(root.dir, root);
  const roots = dirs.filter((d) => planned.has(d));
  const called = new Set(roots.flatMap((d) => planned.get(d)?.calls ?? []));
  const independent = roots.filter((d) => !called.has(d));
  const chosen = independent.length ? independent : roots;
  const declaredProblem = declaredCheck(variables, chosen.map((d) => new Set(planned.get(d)?.variables)));
  const toAnalyse = chosen.filter((d) => known.get(d)?.analysis === undefined);
  const fromCacheOnly = known.size > 0 && toAnalyse.length === 0;
  // Everything known: the --config file was valid when the cache was written (its text is part of the cache key).
  if (fromCacheOnly && declaredProblem !== undefined) throw new VariableInputError(declaredProblem);
  const fresh = fromCacheOnly ? [] : await runner.analyze(toAnalyse, declaredProblem);
  const byDir = new Map(fresh.map((a) => [a.dir, a]));
  const analyses = chosen.map((d) => byDir.get(d) ?? known.get(d)?.analysis).filter((a): a is ModuleAnalysis => a !== undefined);
  return { analyses, planned, analysed: new Set(byDir.keys()) };
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

/** The core's Analyzer as a runner, in this thread (--jobs 1, or a small run). */
export function inProcessRunner(analyzer: Pick<Analyzer, 'planModules' | 'analyzeRoots' | 'dispose'>): ModuleRunner {
  let plan: ModulePlan | undefined;
  return {
    async plan(dirs) {
      plan = await analyzer.planModules(dirs);
      const calls = plan.calls;
      return plan.roots.map((r) => ({ dir: r.dir, calls: [...(calls.get(r.dir) ?? [])], variables: [...r.variables.keys()] }));
    },
    analyze(dirs, declaredProblem) {
      return analyzer.analyzeRoots(dirs, plan, declaredProblem === undefined ? undefined : () => { throw new VariableInputError(declaredProblem); });
    },
    dispose: () => analyzer.dispose(),
  };
}

/** A runner as the CLI's analyzer. */
export class RunnerAnalyzer implements AnalyzerLike {
  constructor(readonly runner: ModuleRunner, private readonly variables: VariableInputs | undefined) {}

  async analyzeModules(dirs: string[]): Promise<ModuleAnalysis[]> {
    return (await runModules(this.runner, dirs, this.variables)).analyses;
  }

  dispose(): Promise<void> {
    return this.runner.dispose();
  }
}
