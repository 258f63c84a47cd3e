// The metrics snapshot in the editor (issue #13): which snapshot files are inputs of which root (a change re-analyses
// them, as a change to .kinesis-lint.json does), and the stale-snapshot notice, shown once per snapshot — not per
// analysis, keystroke or file.
import * as path from 'node:path';
import type { ModuleAnalysis } from '../core/results';
import type { LoadedConfig } from '../core/config/config';
import { DEFAULT_SNAPSHOT_PATH, type SnapshotInfo } from '../core/metrics/snapshot';

const DEFAULT_TAIL = path.join(...DEFAULT_SNAPSHOT_PATH.split('/'));

/** `file` is at the default place (`<dir>/.kinesis-lint/metrics.json`): the directory it serves, else undefined. */
export function defaultSnapshotDir(file: string): string | undefined {
  return file.endsWith(path.sep + DEFAULT_TAIL) ? file.slice(0, -(DEFAULT_TAIL.length + 1)) || path.sep : undefined;
}

/** The snapshot file a root's config names (`metrics.file`, absolute after loading), if any. */
export function configuredSnapshot(config: LoadedConfig | undefined): string | undefined {
  return config?.config.metrics?.file;
}

function inside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The roots a created, changed or deleted snapshot file concerns: those whose config names it, and — for a file at
 * the default place — those without a configured file at or below the directory it serves (the analysis looks for
 * `.kinesis-lint/metrics.json` in the root's directory, then each parent). `readBy`: the roots whose last analysis
 * read it. Undefined: `file` is no snapshot (neither at the default place nor named by a config).
 */
export function snapshotRoots(file: string, roots: Iterable<string>, configOf: (root: string) => LoadedConfig | undefined, readBy: string[]): string[] | undefined {
  const served = defaultSnapshotDir(file);
  const found = new Set(readBy);
  let named = false;
  for (const root of roots) {
    const configured = configuredSnapshot(configOf(root));
    if (configured === file) {
      named = true;
      found.add(root);
    } else if (configured === undefined && served !== undefined && inside(served, root)) {
      found.add(root);
    }
  }
  if (served === undefined && !named) return undefined;
  return [...found].sort();
}


/** A snapshot older than metrics.max_age_days, once per file and pull. */
export interface StaleSnapshot {
  file: string;
  pulledAt: string;
  ageDays: number;
  maxAgeDays: number;
}

/** The stale snapshots the analyses used (ModuleAnalysis.metrics, or a stream's observation), distinct by file and pull. */
export function staleSnapshots(analyses: Iterable<ModuleAnalysis>): StaleSnapshot[] {
  const found = new Map<string, StaleSnapshot>();
  const add = (m: SnapshotInfo | undefined | null) => {
    if (!m?.stale) return;
    const key = `${m.file}\u0000${m.pulledAt}`;
    if (!found.has(key)) found.set(key, { file: m.file, pulledAt: m.pulledAt, ageDays: m.ageDays, maxAgeDays: m.maxAgeDays });
  };
  for (const a of analyses) {
    add(a.metrics);
    for (const s of a.streams) add(s.observed?.snapshot);
  }
  return [...found.values()];
}

/** Remembers which snapshots were flagged: each stale snapshot (file + pull) is announced once per server. */
export class StaleNotices {
  private readonly shown = new Set<string>();

  /** The stale snapshots among `analyses` not announced yet; they count as announced from now on. */
  take(analyses: Iterable<ModuleAnalysis>): StaleSnapshot[] {
    const fresh = staleSnapshots(analyses).filter((s) => !this.shown.has(`${s.file}\u0000${s.pulledAt}`));
    for (const s of fresh) this.shown.add(`${s.file}\u0000${s.pulledAt}`);
    return fresh;
  }
}

/** The notice: which file, how old, the limit, and the command that refreshes it. `where`: the file as the user knows it. */
export function staleMessage(s: StaleSnapshot, where: string): string {
  return `kinesis-lint: the metrics snapshot ${where} was pulled ${s.ageDays} day${s.ageDays === 1 ? '' : 's'} ago (${s.pulledAt.slice(0, 10)}), `
    + `more than metrics.max_age_days (${s.maxAgeDays}): the loads observed in it may no longer hold. `
    + 'Run "kinesis-lint: Pull metrics for streams in this workspace" to refresh it.';
}

/** A watched-file event for a `.kinesis-lint` folder (deleted or created whole) stands for the snapshot at its default
 *  place inside it; any other path is itself. */
export function snapshotEventFile(file: string): string {
  return path.basename(file) === '.kinesis-lint' ? path.join(file, 'metrics.json') : file;
}
