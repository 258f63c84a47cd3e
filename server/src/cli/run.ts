// The CLI as a function: argv and I/O in, exit code out. main.ts wires the real analyzer; tests inject fakes.
import { availableParallelism } from 'os';
import { dirname, resolve } from 'path';
import type { ModuleAnalysis } from '../core/results';
import type { Host, RuleMeta } from '../core/types';
import { tfVarEnv, type VariableInputs } from '../core/inputs/variableInputs';
import { parseArgs, type CliOptions, type VarOption } from './args';
import { EXIT_OK, EXIT_USAGE, exitCodeFor } from './exitCode';
import { findModuleDirs } from '../node/findModules';
import { workspaceBoundHost, type ReadScope } from '../node/workspaceBoundHost';
import type { ModuleWorkerData } from '../node/moduleWorker';
import type { Analyzer } from '../core/analyze';
import { inProcessRunner, RunnerAnalyzer, type ModuleRunner } from './parallel/moduleRunner';
import { CachedAnalyzer } from './cache/cachedAnalyzer';
import type { CacheStore } from './cache/cacheFile';
import { cacheFilePath, cacheSettings } from './cache/cacheSettings';
import type { FixFiles } from './fix/fixFiles';
import { analyzeAndFix } from './fix/fixLoop';
import { recordingHost } from './fix/recordingHost';
import { ANSI, PLAIN, useColor } from './format/colors';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatGithub } from './format/github';
import { formatGitlab } from './format/gitlab';
import { formatJunit } from './format/junit';
import { formatText, staleLine } from './format/text';
import { withEditorColumns } from './format/bomColumns';
import { helpText } from './helpText';
import { buildReport, displayPath, type RunReport } from './report';
import type { ToolInfo } from './toolInfo';

/** The options the CLI passes to the core's Analyzer (a subset of AnalyzeOptions & { parserWorkers }). */
export interface AnalyzerOptions {
  region?: string;
  configFile?: string;
  cost?: boolean;
  parserWorkers?: number;
  /** --var, --var-file (absolute paths) and the environment's TF_VAR_* values. */
  variables?: VariableInputs;
  /** The user's price cache (used when newer than the bundled table). */
  priceCacheFile?: string;
  /** --metrics FILE (absolute). */
  metricsFile?: string;
  /** The clock a metrics snapshot's age is counted to. */
  now?: Date;
}

export interface AnalyzerLike {
  analyzeModules(dirs: string[]): Promise<ModuleAnalysis[]>;
  /** A Terraform plan (absolute path) with its configuration directory, when given. */
  analyzePlan?(planFile: string, dir?: string): Promise<ModuleAnalysis>;
  dispose(): Promise<void>;
}

export interface CliDeps {
  createAnalyzer(host: Host, options: AnalyzerOptions): AnalyzerLike;
  /** Analyses in `jobs` worker threads reading the disk (node/moduleWorker.ts); absent: always in-process. */
  createWorkerRunner?(jobs: number, data: ModuleWorkerData): ModuleRunner;
  /** Reads and writes the --cache file; absent: --cache is ignored. */
  cacheStore?: CacheStore;
  /** True for the core's usage errors: ConfigFileError (--config) and VariableInputError (--var, --var-file, TF_VAR_). */
  isConfigFileError(error: unknown): boolean;
  rules: readonly RuleMeta[];
  host: Host;
  fixFiles: FixFiles;
  tool: ToolInfo;
}

export interface CliIO {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  /** The user's price cache (node/priceCache.ts), used when newer than the bundled table; absent: not used. */
  priceCacheFile?: string;
  /** The clock (main.ts passes the real one; tests fix it): a metrics snapshot's age. Absent: snapshots count as
   *  pulled today. */
  now?: Date;
}

export async function runCli(argv: readonly string[], io: CliIO, given: CliDeps): Promise<number> {
  const parsed = parseArgs(argv);
  if (!parsed.ok) return usageError(io, `${parsed.error}\nRun 'kinesis-lint --help' for usage.`);
  const options = parsed.options;
  if (options.help) return print(io, helpText(given.tool));
  if (options.version) return print(io, `${given.tool.version}\n`);
  const scope = options.untrusted ? await untrustedScope(options, io, given.host) : undefined;
  const deps = scope ? { ...given, host: workspaceBoundHost(given.host, () => scope) } : given;

  if (options.planFile !== undefined) return runPlan(options, options.planFile, io, deps);

  const search = await findModuleDirs(options.paths, io.cwd, deps.host);
  if (!search.ok) return usageError(io, search.error);
  for (const note of search.notes ?? []) io.stderr.write(`kinesis-lint: ${note}\n`);
  if (search.dirs.length === 0) io.stderr.write(`kinesis-lint: no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in ${options.paths.join(', ')}\n`);

  const analysedTexts = new Map<string, string>();
  const host = options.fix ? recordingHost(deps.host, analysedTexts) : deps.host;
  const analyzer = search.dirs.length > 0 ? await createAnalyzer(options, io, deps, host, scope, search.dirs.length) : undefined;
  return report(analyzer, async () => (analyzer ? analyzeWith(analyzer, search.dirs, options, io, deps, analysedTexts) : []), options, io, deps);
}

/** In-process, or in worker threads (--jobs), behind the --cache when asked for. */
async function createAnalyzer(options: CliOptions, io: CliIO, deps: CliDeps, host: Host, scope: ReadScope | undefined, dirCount: number): Promise<AnalyzerLike> {
  const jobs = jobCount(options, dirCount);
  const variables = variableInputs(options.variables, io);
  const workers = jobs > 1 && deps.createWorkerRunner ? deps.createWorkerRunner(jobs, { options: analyzerOptions(options, io, 1), scope, ...(/\bparser-pool\b/.test(io.env.KINESIS_LINT_DEBUG ?? '') ? { parser: 'pool' as const } : {}) }) : undefined;
  // --fix re-analyses what it changed and must see every file: its results are never cached.
  const store = options.cache && !options.fix ? deps.cacheStore : undefined;
  if (!store) return workers ? new RunnerAnalyzer(workers, variables) : deps.createAnalyzer(host, analyzerOptions(options, io, dirCount));
  const inProcess = workers ? undefined : deps.createAnalyzer(host, analyzerOptions(options, io, dirCount));
  const runner = workers ?? (inProcess && isPlanning(inProcess) ? inProcessRunner(inProcess) : undefined);
  if (!runner) return inProcess as AnalyzerLike; // an analyzer that cannot plan (a test's): no cache
  const debug = /\bcache\b/.test(io.env.KINESIS_LINT_DEBUG ?? '');
  return new CachedAnalyzer(runner, variables, {
    file: await cacheFilePath(options.cacheLocation, io.cwd, deps.host),
    settings: await cacheSettings(analyzerOptions(options, io, 1), scope, deps.host),
    store,
    host: deps.host,
    ...(io.now ? { now: io.now } : {}),
    warn: (message) => io.stderr.write(`kinesis-lint: ${message}\n`),
    ...(debug ? { stats: (reused: number, analysed: number) => io.stderr.write(`kinesis-lint: cache: ${reused} root module(s) reused, ${analysed} analysed\n`) } : {}),
  });
}

function isPlanning(analyzer: AnalyzerLike): analyzer is AnalyzerLike & Pick<Analyzer, 'planModules' | 'analyzeRoots'> {
  const a = analyzer as Partial<Analyzer>;
  return typeof a.planModules === 'function' && typeof a.analyzeRoots === 'function';
}

/** --plan FILE [DIR]: one analysis of the plan, placed in DIR's files where DIR declares the resources. */
async function runPlan(options: CliOptions, planFile: string, io: CliIO, deps: CliDeps): Promise<number> {
  const dir = options.paths.length > 0 ? await configurationDir(resolve(io.cwd, options.paths[0]), deps.host) : undefined;
  if (dir === null) return usageError(io, `${options.paths[0]}: no such directory`);
  const analyzer = deps.createAnalyzer(deps.host, analyzerOptions(options, io, 1));
  return report(analyzer, async () => {
    if (!analyzer.analyzePlan) throw new Error('this analyzer cannot read plans');
    return [await analyzer.analyzePlan(resolve(io.cwd, planFile), dir)];
  }, options, io, deps);
}

/** Runs the analyses, writes the report and returns the exit code; a bad --config or --plan file is a usage error. */
async function report(
  analyzer: AnalyzerLike | undefined, analyze: () => Promise<ModuleAnalysis[]>, options: CliOptions, io: CliIO, deps: CliDeps,
): Promise<number> {
  try {
    const analysed = buildReport(await analyze(), io.cwd, options.cost);
    const built = await withEditorColumns(analysed, async (file) => (await deps.host.readFile(file))?.charCodeAt(0) === 0xfeff);
    io.stdout.write(render(built, options, io, deps));
    // The text format says it in its report; the others on stderr, once per snapshot.
    if (options.format !== 'text') for (const m of built.metrics.filter((x) => x.stale)) io.stderr.write(`kinesis-lint: warning: ${staleLine(m, io.cwd)}\n`);
    return exitCodeFor(built.counts, options.failOn);
  } catch (error) {
    if (deps.isConfigFileError(error)) return usageError(io, (error as Error).message);
    io.stderr.write(`kinesis-lint: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_USAGE;
  } finally {
    await analyzer?.dispose(); // stops the parser workers; without it the process would not exit
  }
}

/**
 * --untrusted: the host reads nothing outside the PATHs (a file's directory), judged by real path, except what the
 * command line names itself (--config, --metrics, --var-file, --plan) and the user's price cache. Refusals are reported like
 * any unreadable file ("… outside the workspace folders in an untrusted workspace").
 */
export async function untrustedScope(options: CliOptions, io: CliIO, host: Host): Promise<ReadScope> {
  const roots = await Promise.all(options.paths.map(async (p) => (await configurationDir(resolve(io.cwd, p), host)) ?? resolve(io.cwd, p)));
  const named = [options.configFile, options.metricsFile, options.planFile, ...options.variables.map((v) => (v.kind === 'file' ? v.path : undefined))];
  const files = named.filter((f): f is string => f !== undefined).map((f) => resolve(io.cwd, f));
  if (io.priceCacheFile !== undefined) files.push(io.priceCacheFile);
  return { roots, files };
}

/**
 * Worker threads (--jobs N) by default only with 3 cores or more: an in-process run already keeps 2 cores busy (the
 * main thread's scan, model and rules, and the parser threads), and on 2 cores worker threads measured no faster,
 * each isolate paying its own start-up, JIT and GC (docs/cli-cache.md, "Measured"). Then one per core, at most
 * MAX_DEFAULT_JOBS (each holds its own hcl2json WASM and analyses: ~100–200 MB) and one per MIN_DIRS_PER_JOB module
 * directories (below, a thread's start-up costs more than it saves). --fix re-reads what the analysis read, which
 * only an in-process analysis records: it runs in-process.
 */
const MIN_CORES_FOR_WORKERS = 3;
const MIN_DIRS_PER_JOB = 4;
const MAX_DEFAULT_JOBS = 8;

function jobCount(options: CliOptions, dirCount: number, cores = availableParallelism()): number {
  if (options.fix) return 1;
  if (options.jobs !== undefined) return options.jobs;
  if (cores < MIN_CORES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores, MAX_DEFAULT_JOBS, Math.floor(dirCount / MIN_DIRS_PER_JOB)));
}

/** The directory itself, or a file's directory; null when neither exists. */
async function configurationDir(path: string, host: Host): Promise<string | null> {
  if (await host.readDir(path)) return path;
  return (await host.readFile(path)) === undefined ? null : dirname(path);
}

async function analyzeWith(
  analyzer: AnalyzerLike, dirs: string[], options: CliOptions, io: CliIO, deps: CliDeps, analysedTexts: Map<string, string>,
): Promise<ModuleAnalysis[]> {
  const analyze = () => analyzer.analyzeModules(dirs);
  if (!options.fix) return analyze();
  const outcome = await analyzeAndFix(analyze, deps.fixFiles, (file) => analysedTexts.get(file));
  for (const error of outcome.errors) io.stderr.write(`kinesis-lint: ${error}\n`);
  if (outcome.fixesApplied > 0) {
    const files = outcome.filesChanged.map((f) => displayPath(f, io.cwd)).join(', ');
    io.stderr.write(`kinesis-lint: applied ${outcome.fixesApplied} fix${outcome.fixesApplied === 1 ? '' : 'es'} to ${files}\n`);
  }
  return outcome.analyses;
}

export function analyzerOptions(options: CliOptions, io: CliIO, moduleCount: number): AnalyzerOptions {
  const { cwd } = io;
  return {
    region: options.region,
    configFile: options.configFile === undefined ? undefined : resolve(cwd, options.configFile),
    cost: options.cost,
    parserWorkers: parserWorkers(moduleCount),
    variables: variableInputs(options.variables, io),
    ...(io.priceCacheFile !== undefined ? { priceCacheFile: io.priceCacheFile } : {}),
    ...(options.metricsFile !== undefined ? { metricsFile: resolve(cwd, options.metricsFile) } : {}),
    ...(io.now !== undefined ? { now: io.now } : {}),
  };
}

/**
 * The core never reads the environment or the current directory: TF_VAR_* and var-file paths are passed in. Also
 * `metrics pull` and `metrics queries`' inputs (cli/metrics.ts), so that they find the same stream names.
 */
export function variableInputs(variables: readonly VarOption[], io: Pick<CliIO, 'cwd' | 'env'>): VariableInputs {
  return {
    env: tfVarEnv(io.env),
    args: variables.map((v) =>
      v.kind === 'var' ? v : { kind: 'file', path: resolve(io.cwd, v.path), label: `--var-file ${v.path}`, strict: true },
    ),
  };
}

// Each hcl2json worker costs ~110 MB and ~0.25 s to start (reference/parsing.md §3): one per core (parsing is most
// of the work; the main thread only scans and evaluates), never more than there are modules, and at most 4.
const MAX_PARSER_WORKERS = 4;

function parserWorkers(moduleCount: number): number {
  return Math.max(1, Math.min(availableParallelism(), moduleCount, MAX_PARSER_WORKERS));
}

function render(report: RunReport, options: CliOptions, io: CliIO, deps: CliDeps): string {
  if (options.format === 'json') return formatJson(report, deps.tool);
  if (options.format === 'sarif') return formatSarif(report, deps.tool, deps.rules);
  if (options.format === 'github') return formatGithub(report);
  if (options.format === 'gitlab') return formatGitlab(report);
  if (options.format === 'junit') return formatJunit(report, options.failOn);
  return formatText(report, useColor(io.env, io.stdout.isTTY) ? ANSI : PLAIN, options.verbose);
}

function print(io: CliIO, text: string): number {
  io.stdout.write(text);
  return EXIT_OK;
}

/** Exit 2: a bad argument, an unreadable path or an invalid --config file. */
function usageError(io: CliIO, message: string): number {
  io.stderr.write(`kinesis-lint: ${message}\n`);
  return EXIT_USAGE;
}
