// The single entry point of the core: module directories in, findings and stream reports out. The CLI and the
// language server are thin adapters over this.
import type { Host } from './types';
import type { ModuleAnalysis } from './results';
import type { LoadedConfig } from './config/config';
import { findConfigFile, loadConfig } from './config/loadConfig';
import { applyEditorSettings, type EditorSettings } from './config/editorSettings';
import { loadDefaultPrices, type DefaultPrices } from './config/defaultPrices';
import { HclParser } from './syntax/hcl2json';
import { CachedParser, type TextParser } from './syntax/parseCache';
import type { SourceFile } from './syntax/sourceFile';
import { emptyModuleSource, loadModuleSource, type ModuleSource } from './model/moduleSource';
import type { ModuleLoader } from './model/moduleTree';
import { moduleCallTarget } from './model/moduleCallTarget';
import { readModuleManifest, type ModuleManifest } from './model/moduleManifest';
import { analyzeRoot } from './pipeline/analyzeRoot';
import type { ResultCache } from './pipeline/resultCache';
import { applyVariableInputs } from './inputs/rootInputs';
import { VariableInputError, type VariableArg, type VariableInputs } from './inputs/variableInputs';
import { readPlanFile } from './plan/planFile';
import { analyzePlanRoot } from './plan/analyzePlan';
import { dirName } from './model/paths';
import { realDir } from './model/moduleCycles';
import { MAX_EXPANDED_INSTANCES } from './model/iterations';
import { readSnapshotFile, withMetrics, type SnapshotFile } from './metrics/loadMetrics';

export interface AnalyzeOptions {
  /** The region assumed when Terraform's aws provider does not set one (overrides the config file's `region`). */
  region?: string;
  /** Use this config file instead of looking for .kinesis-lint.json. */
  configFile?: string;
  /** The editor's kinesisLint.* settings: they fill what the workspace's .kinesis-lint.json leaves unset. */
  editorSettings?: EditorSettings;
  /** Root-module variable values from the command line, the environment or a plan (docs/inputs.md). */
  variables?: VariableInputs;
  /** Abort to stop an analysis whose result is no longer wanted; analyzeModules then rejects. */
  signal?: AbortSignal;
  /** The user's price cache (found by the Node adapter); used instead of the bundled table when newer. */
  priceCacheFile?: string;
  /** Told the configuration (config file, price table) each root module is analysed with; the server logs it. */
  onConfig?: (dir: string, config: LoadedConfig) => void;
  /** --metrics FILE (absolute): the metrics snapshot, or raw get-metric-data output, for every root module instead of
   *  the config's "metrics.file" or the .kinesis-lint/metrics.json lookup. A missing file is a ConfigFileError. */
  metricsFile?: string;
  /** The clock (the core never reads one): a metrics snapshot's age is counted to it. Absent: every snapshot counts
   *  as pulled today. */
  now?: Date;
}

/** --config names a file that cannot be read or is invalid: a usage error, not a finding. */
/** Module calls nested deeper are not followed (a local module may call itself through a chain of paths). */
const MAX_CALL_DEPTH = 16;

export class ConfigFileError extends Error {}

/** Which listed directories are root modules: `calls` holds, per loaded directory, every directory it calls. */
export interface ModulePlan {
  loader: ModuleLoader;
  roots: ModuleSource[];
  calls: Map<string, Set<string>>;
  independent: ModuleSource[];
}

export class Analyzer {
  private readonly parser: Pick<HclParser, 'parse' | 'dispose'>;
  private readonly cached: TextParser;

  constructor(
    private readonly host: Host,
    private readonly options: AnalyzeOptions & { parserWorkers?: number; parser?: Pick<HclParser, 'parse' | 'dispose'>; parseCache?: CachedParser | null; resultCache?: ResultCache; sourceFiles?: Map<string, SourceFile> } = {},
  ) {
    // A long-lived host (the language server, a test suite) shares one parser and its warm workers.
    this.parser = options.parser ?? new HclParser({ workers: options.parserWorkers ?? 1 });
    // null: every file parsed whole, nothing remembered (the reference the incremental path is tested against).
    this.cached = options.parseCache === null ? this.parser : options.parseCache ?? new CachedParser(this.parser);
  }

  /**
   * Analyse module directories (absolute paths). A directory that another listed directory calls as a local module
   * (directly or through other modules) is analysed through its caller, with the caller's inputs, and not on its
   * own, so nothing is reported twice.
   */
  async analyzeModules(dirs: string[]): Promise<ModuleAnalysis[]> {
    // What this analysis parses is protected from eviction by its own later parses (parseCache.ts).
    if (this.cached instanceof CachedParser) this.cached.beginPass();
    const plan = await this.planModules(dirs);
    const analysed = plan.independent.length ? plan.independent : plan.roots;
    return this.analyzeRoots(analysed.map((r) => r.dir), plan, () => checkDeclared(this.options.variables, analysed));
  }

  /**
   * The first half of analyzeModules: loads the directories and finds which of them the others call. The CLI's
   * worker threads each plan a share of the directories and analyse the roots chosen from all shares.
   */
  async planModules(dirs: string[]): Promise<ModulePlan> {
    const loader = this.loader();
    // All directories at once: the parser pool works on several files while the main thread scans others.
    const loaded = await Promise.all(dirs.map((dir) => loader.load(dir, true)));
    const roots = loaded.filter((s): s is ModuleSource => s !== undefined);
    const calls = new Map<string, Set<string>>();
    for (const root of roots) calls.set(root.dir, await calledDirs([root], loader));
    const called = new Set([...calls.values()].flatMap((c) => [...c]));
    return { loader, roots, calls, independent: roots.filter((r) => !called.has(r.dir)) };
  }

  /** The second half of analyzeModules: each directory analysed as a root module, in order; `check` runs once the
   *  --config file is read (its errors come first). */
  async analyzeRoots(dirs: string[], plan: Pick<ModulePlan, 'loader'> = { loader: this.loader() }, check?: () => void): Promise<ModuleAnalysis[]> {
    const loader = plan.loader;
    const defaults = await loadDefaultPrices(this.options.priceCacheFile, this.host);
    const explicit = this.options.configFile ? await this.explicitConfig(this.options.configFile, defaults) : undefined;
    const metrics = await this.metricsReader();
    check?.();
    const results: ModuleAnalysis[] = [];
    for (const dir of dirs) {
      const root = await loader.load(dir, true);
      if (!root) continue;
      let config = explicit ?? (await loadConfig(await findConfigFile(root.dir, this.host), this.host, defaults));
      if (this.options.editorSettings) config = await applyEditorSettings(config, this.options.editorSettings, this.host);
      config = await metrics(config, root.dir);
      this.options.onConfig?.(root.dir, config);
      // The config's (or the editor's) var files come first, as if given before the command line's options.
      const fromConfig: VariableArg[] = (config.varFiles ?? []).map((f) => ({ kind: 'file', ...f, strict: false }));
      const variables = this.options.variables ?? {};
      const applied = await applyVariableInputs(root, { env: variables.env, args: [...fromConfig, ...(variables.args ?? [])] }, this.host, this.cached);
      if (applied.configProblems.length > 0) config = { ...config, problems: [...config.problems, ...applied.configProblems] };
      results.push(await analyzeRoot(applied.source, loader, config, { region: this.options.region, cache: this.options.resultCache, signal: this.options.signal }));
    }
    return results;
  }

  /**
   * Analyse a Terraform plan (`terraform show -json PLAN` output, absolute path), placing findings in `dir` (the
   * configuration directory, absolute) where it declares the resource. Throws PlanFileError for an unusable plan.
   */
  async analyzePlan(planFile: string, dir?: string): Promise<ModuleAnalysis> {
    const plan = readPlanFile(planFile, await this.host.readFile(planFile));
    const loader = this.loader();
    const root = (dir !== undefined ? await loader.load(dir, true) : undefined) ?? emptyModuleSource(dir ?? dirName(planFile));
    const defaults = await loadDefaultPrices(this.options.priceCacheFile, this.host);
    let config = this.options.configFile ? await this.explicitConfig(this.options.configFile, defaults) : await loadConfig(await findConfigFile(root.dir, this.host), this.host, defaults);
    if (this.options.editorSettings) config = await applyEditorSettings(config, this.options.editorSettings, this.host);
    config = await (await this.metricsReader())(config, root.dir);
    return analyzePlanRoot(plan, root, loader, config, { region: this.options.region, signal: this.options.signal });
  }

  /** Stops the parser workers, unless the parser was lent by the caller. */
  dispose(): Promise<void> {
    return this.options.parser ? Promise.resolve() : this.parser.dispose();
  }

  private async explicitConfig(file: string, defaults: DefaultPrices): Promise<LoadedConfig> {
    const loaded = await loadConfig(file, this.host, defaults);
    if (loaded.problems.length > 0) {
      const p = loaded.problems[0];
      // The core's messages end with "defaults used"; with --config the run stops instead.
      const message = p.message.replace(/[;,]\s*(built-in prices|defaults) used\.?$/, '');
      throw new ConfigFileError(`${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${message}`);
    }
    return loaded;
  }

  /**
   * Adds the metrics snapshot to each root's config; a snapshot file is read once per analysis however many roots use
   * it. --metrics FILE is read first: a missing one stops the run (ConfigFileError), as --config does.
   */
  private async metricsReader(): Promise<(config: LoadedConfig, rootDir: string) => Promise<LoadedConfig>> {
    const now = this.options.now;
    const reads = new Map<string, Promise<SnapshotFile>>();
    const read = (file: string) => {
      let p = reads.get(file);
      if (!p) reads.set(file, (p = readSnapshotFile(file, this.host, { now })));
      return p;
    };
    const file = this.options.metricsFile;
    const explicit = file !== undefined ? await read(file) : undefined;
    if (explicit?.status === 'missing') throw new ConfigFileError(`--metrics ${file}: ${explicit.problem ?? 'no such file'}`);
    return (config, rootDir) => withMetrics(config, rootDir, this.host, { explicit, now }, read);
  }

  /** Each directory is read and parsed once per analysis, however many roots call it. */
  private loader(): ModuleLoader {
    const cache = new Map<string, Promise<ModuleSource | undefined>>();
    const manifests = new Map<string, Promise<ModuleManifest | undefined>>();
    const realPaths = new Map<string, Promise<string | undefined>>();
    return {
      realPath: (dir) => {
        let p = realPaths.get(dir);
        if (!p) realPaths.set(dir, (p = this.host.realPath?.(dir) ?? Promise.resolve(undefined)));
        return p;
      },
      manifest: (rootDir) => {
        let p = manifests.get(rootDir);
        if (!p) manifests.set(rootDir, (p = readModuleManifest(rootDir, this.host)));
        return p;
      },
      load: (dir, asRoot) => {
        const key = `${asRoot}:${dir}`;
        let p = cache.get(key);
        if (!p) {
          p = loadModuleSource(dir, this.host, this.cached, { withTfvars: asRoot, files: this.options.sourceFiles });
          cache.set(key, p);
        }
        return p;
      },
      readProblem: (dir) => this.host.readProblem?.(dir),
    };
  }
}

/**
 * Terraform refuses a -var for a variable the root module does not declare (backendrun/unparsed_value.go,
 * "Value for undeclared variable"). Several roots may be analysed at once: a -var must fit at least one of them.
 */
export function checkDeclared(variables: VariableInputs | undefined, roots: readonly { variables: { has(name: string): boolean } }[]): void {
  for (const arg of variables?.args ?? []) {
    if (arg.kind !== 'var' || roots.some((r) => r.variables.has(arg.name))) continue;
    const which = roots.length === 1 ? 'the root module does not declare' : 'no root module analysed declares';
    throw new VariableInputError(`--var ${arg.name}: ${which} a variable "${arg.name}"; add a variable "${arg.name}" block to use this value`);
  }
}

/** Every directory the roots call as a module (local, or installed by terraform init), directly or through others.
 *  A cycle (by real path: symbolic links resolved) is not followed, and at most MAX_EXPANDED_INSTANCES calls are,
 *  as in the module tree (moduleTree.ts). */
async function calledDirs(roots: ModuleSource[], loader: ModuleLoader): Promise<Set<string>> {
  const called = new Set<string>();
  for (const root of roots) {
    const manifest = await loader.manifest?.(root.dir);
    // The manifest key of a call is its path of module names, so the same directory may be reached under two keys.
    const seen = new Set<string>();
    const pending: [ModuleSource, string[], string[]][] = [[root, [], [await realDir(loader, root.dir)]]];
    let followed = 0;
    for (let item = pending.pop(); item && followed < MAX_EXPANDED_INSTANCES; item = pending.pop()) {
      const [source, keys, chain] = item;
      if (keys.length > MAX_CALL_DEPTH) continue;
      for (const call of source.moduleCalls) {
        const key = [...keys, call.labels[0]];
        const dir = moduleCallTarget(call, source.dir, key.join('.'), manifest)?.dir;
        if (!dir || seen.has(`${dir}\u0000${key.join('.')}`)) continue;
        seen.add(`${dir}\u0000${key.join('.')}`);
        called.add(dir);
        const real = await realDir(loader, dir);
        if (chain.includes(real)) continue;
        const child = await loader.load(dir, false);
        followed++;
        if (child) pending.push([child, key, [...chain, real]]);
      }
    }
  }
  return called;
}
