// --cache: results of unchanged root modules reused from a cache file, as ESLint's --cache (with
// --cache-strategy content): an entry per module directory, valid while everything it read has the same content
// (files, directory listings, the .kinesis-lint.json that applies) and the run's settings (tool version, price
// tables, --config text, --region, --var…) are those it was written with. Only directories whose entry is stale are
// loaded again, and only root modules without a valid analysis are analysed (docs/cli-cache.md).
import { dirname, join } from 'node:path';
import type { VariableInputs } from '../../core/inputs/variableInputs';
import type { ModuleAnalysis } from '../../core/results';
import type { Host } from '../../core/types';
import { configExtension } from '../../core/model/configFiles';
import type { AnalyzerLike } from '../run';
import { runModules, type KnownModule, type ModuleRunner, type PlannedRoot } from '../parallel/moduleRunner';
import { Fingerprints, type Dependencies } from './fingerprints';
import { readCacheFile, writeCacheFile, type CacheEntry, type CacheStore } from './cacheFile';
import { ageInDays } from '../../core/metrics/describe';

export interface CacheOptions {
  /** Absolute path of the cache file. */
  file: string;
  /** Everything of the run that changes results (cacheSettings.ts). */
  settings: string;
  store: CacheStore;
  /** The host the analysis reads through. */
  host: Host;
  warn(message: string): void;
  /** The run's clock: an analysis that used a metrics snapshot is reused only while the snapshot's age in days is the
   *  same (its stale flag and the stream reports carry it). */
  now?: Date;
  /** Told how many root modules were reused and analysed (KINESIS_LINT_DEBUG=cache). */
  stats?(reused: number, analysed: number): void;
}

export class CachedAnalyzer implements AnalyzerLike {
  constructor(private readonly runner: ModuleRunner, private readonly variables: VariableInputs | undefined, private readonly options: CacheOptions) {}

  async analyzeModules(dirs: string[]): Promise<ModuleAnalysis[]> {
    const { file, settings, host } = this.options;
    const { entries: cached, usable } = await readCacheFile(this.options.store, file, settings, this.options.warn);
    const prints = new Fingerprints(host);
    const known = new Map<string, KnownModule>();
    await Promise.all(dirs.map(async (dir) => {
      const entry = cached[dir];
      if (entry && sameAge(entry.analysis, this.options.now) && (await prints.unchanged(entry.deps, dir))) known.set(dir, { planned: entry.planned, ...(entry.analysis ? { analysis: entry.analysis } : {}) });
    }));
    const run = await runModules(this.runner, dirs, this.variables, known);
    this.options.stats?.(run.analyses.length - run.analysed.size, run.analysed.size);
    const entries: Record<string, CacheEntry> = { ...cached };
    let changed = !usable;
    const analysisOf = new Map(run.analyses.map((a) => [a.dir, a]));
    for (const dir of dirs) {
      const planned = run.planned.get(dir);
      if (!planned) {
        changed ||= dir in entries;
        delete entries[dir];
        continue;
      }
      if (known.has(dir) && !run.analysed.has(dir)) continue; // its entry is still valid
      const analysis = analysisOf.get(dir);
      changed = true;
      entries[dir] = { planned, deps: await dependencies(planned, analysis, prints), ...(analysis ? { analysis } : {}) };
    }
    // A run that reused everything leaves the file as it is.
    if (changed) {
      await writeCacheFile(this.options.store, file, settings, entries).catch((error: unknown) =>
        this.options.warn(`cannot write the cache file ${file}: ${(error as Error).message}`));
    }
    return run.analyses;
  }

  dispose(): Promise<void> {
    return this.runner.dispose();
  }
}

/** What the plan and the analysis of a directory read: its and its called modules' Terraform and tfvars files and
 *  listings, the module manifest, and every file the analysis names (config, price table, var files). */
async function dependencies(planned: PlannedRoot, analysis: ModuleAnalysis | undefined, prints: Fingerprints): Promise<Dependencies> {
  const dirs = new Set([planned.dir, ...planned.calls, ...(analysis?.files ?? []).map((f) => dirname(f))]);
  const files = new Set(analysis?.files ?? []);
  files.add(join(planned.dir, '.terraform', 'modules', 'modules.json'));
  for (const dir of [planned.dir, ...planned.calls]) {
    for (const name of (await prints.dir(dir)).names) if (configExtension(name) !== undefined || /\.tfvars(\.json)?$/.test(name)) files.add(join(dir, name));
  }
  const deps: Dependencies = { files: {}, dirs: {} };
  for (const f of [...files].sort()) deps.files[f] = await prints.file(f);
  for (const d of [...dirs].sort()) deps.dirs[d] = (await prints.dir(d)).digest;
  if (analysis) {
    deps.configFile = await prints.configFile(planned.dir);
    deps.metricsFile = await prints.metricsFile(planned.dir);
  }
  return deps;
}

/** The snapshot an analysis used is as many days old now as when it was analysed (none used: always). */
function sameAge(analysis: ModuleAnalysis | undefined, now: Date | undefined): boolean {
  const m = analysis?.metrics;
  return !m || !now || ageInDays(m.pulledAt, now) === m.ageDays;
}
