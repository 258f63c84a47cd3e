// Finding and reading the metrics snapshot through the Host: `--metrics FILE`, else the config's "metrics.file",
// else .kinesis-lint/metrics.json in the root module's folder or the nearest parent that has one. A missing snapshot
// is silent; an unreadable or invalid one is a problem (invalid-config) at its exact place, and the analysis goes
// on without observations.
import type { Host, Range } from '../types';
import type { ConfigProblem, LoadedConfig } from '../config/config';
import { DEFAULT_SNAPSHOT_PATH, type MetricsSnapshot, type SnapshotInfo, type StreamMetrics } from './snapshot';
import { readSnapshot, type SnapshotRead } from './readSnapshot';
import { ageInDays } from './describe';
import { stringBytes } from '../memory/approxBytes';
import { findNearest } from '../config/findConfigFile';

/**
 * A snapshot holds statistics only (a few hundred bytes per stream), but raw get-metric-data output holds every data
 * point: ~60 bytes × 20,160 minutes (14 days) ≈ 1.2 MB per metric, so a dozen streams with their shards reach
 * ~100 MB. Larger output: use `metrics pull`, or fewer days.
 */
export const MAX_METRICS_BYTES = 128 * 1024 * 1024;

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A valid snapshot, ready for matching. */
export interface LoadedMetrics {
  /** Absolute path of the snapshot file. */
  file: string;
  snapshot: MetricsSnapshot;
  info: SnapshotInfo;
  /** sha1 of the file's text (the result cache's key). */
  digest: string;
  /** Entries by stream name. */
  byName: ReadonlyMap<string, readonly StreamMetrics[]>;
}

/** A snapshot file read and checked (its age is the config's business: see withMetrics). */
export type SnapshotFile =
  | { status: 'ok'; file: string; snapshot: MetricsSnapshot; digest: string; byName: ReadonlyMap<string, readonly StreamMetrics[]> }
  | { status: 'missing'; file: string; problem?: string }
  | { status: 'invalid'; file: string; problems: ConfigProblem[] };

/** `.kinesis-lint/metrics.json` in `dir` or its nearest ancestor that has one (like findConfigFile). */
export function findSnapshotFile(dir: string, host: Host): Promise<string | undefined> {
  return findNearest(dir, DEFAULT_SNAPSHOT_PATH, host);
}

/**
 * The last read of each snapshot file, by its text: the language server reads the file on every pass, and parsing
 * with positions costs ~100 ms a MB (docs/metrics-benchmark.md). Bounded by memory, not by a count: the text plus
 * the parsed snapshot, estimated at 3 × the text's bytes, within `maxBytes`; the least recently used file goes first,
 * and a snapshot larger than the whole budget is read again on each pass rather than kept.
 */
export class SnapshotReads {
  private readonly entries = new Map<string, { text: string; read: SnapshotRead; bytes: number }>();
  private used = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.used;
  }

  get(file: string, text: string): SnapshotRead | undefined {
    const hit = this.entries.get(file);
    if (!hit || hit.text !== text) return undefined;
    this.entries.delete(file);
    this.entries.set(file, hit);
    return hit.read;
  }

  set(file: string, text: string, read: SnapshotRead): void {
    this.delete(file);
    const bytes = 3 * stringBytes(text);
    if (bytes > this.maxBytes) return;
    for (const [oldest, entry] of this.entries) {
      if (this.used + bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
    this.entries.set(file, { text, read, bytes });
    this.used += bytes;
  }

  delete(file: string): void {
    const hit = this.entries.get(file);
    if (!hit) return;
    this.entries.delete(file);
    this.used -= hit.bytes;
  }
}

/** 256 MiB: a 5,000-stream snapshot with 8 shards a stream (15 MB) takes ~45 MB. Raw output is not kept (its pull
 *  time is the clock's, and it may be large). */
const lastRead = new SnapshotReads(256 * 1024 * 1024);

export async function readSnapshotFile(file: string, host: Host, options: { now?: Date }): Promise<SnapshotFile> {
  const text = await host.readFile(file, MAX_METRICS_BYTES);
  if (text === undefined) {
    const why = host.readProblem?.(file);
    return why && !why.endsWith(': ENOENT') ? { status: 'missing', file, problem: why } : { status: 'missing', file };
  }
  let read = lastRead.get(file, text);
  if (!read) {
    read = readSnapshot(text, { now: options.now ?? new Date(0) });
    if (read.raw) lastRead.delete(file);
    else lastRead.set(file, text, read);
  }
  if (!read.snapshot) {
    return { status: 'invalid', file, problems: read.problems.map((p) => ({ file, range: p.range, message: `${p.message}; observed metrics not used`, ...(p.jsonSyntax ? { jsonSyntax: true as const } : {}) })) };
  }
  const byName = new Map<string, StreamMetrics[]>();
  for (const m of read.snapshot.streams) {
    const list = byName.get(m.stream);
    if (list) list.push(m);
    else byName.set(m.stream, [m]);
  }
  return { status: 'ok', file, snapshot: read.snapshot, digest: read.digest, byName };
}

/** What the analysis knows of a snapshot: its range, source and age at `now` (without a clock: pulled today). */
export function snapshotInfo(file: string, snapshot: MetricsSnapshot, now: Date | undefined, maxAgeDays: number): SnapshotInfo {
  const ageDays = now ? ageInDays(snapshot.pulledAt, now) : 0;
  return {
    file,
    start: snapshot.range.start,
    end: snapshot.range.end,
    pulledAt: snapshot.pulledAt,
    tool: snapshot.source.tool,
    ageDays,
    stale: ageDays > maxAgeDays,
    maxAgeDays,
  };
}

export interface MetricsOptions {
  /** --metrics FILE (absolute): read by the caller, which treats a missing one as a usage error. */
  explicit?: SnapshotFile;
  now?: Date;
}

/**
 * The config with the snapshot that applies to `rootDir`: `metrics` set when a valid one is found, its problems
 * added to `problems` otherwise. `read` memoises reads by file within one analysis (roots share a snapshot).
 */
export async function withMetrics(
  loaded: LoadedConfig, rootDir: string, host: Host, options: MetricsOptions, read: (file: string) => Promise<SnapshotFile> = (file) => readSnapshotFile(file, host, { now: options.now }),
): Promise<LoadedConfig> {
  let found = options.explicit;
  if (!found) {
    const file = loaded.config.metrics.file ?? (await findSnapshotFile(rootDir, host));
    if (file === undefined) return loaded;
    found = await read(file);
  }
  if (found.status === 'ok') {
    const { file, snapshot, digest, byName } = found;
    const info = snapshotInfo(file, snapshot, options.now, loaded.config.metrics.maxAgeDays);
    return { ...loaded, metrics: { file, snapshot, info, digest, byName }, metricsFile: file };
  }
  if (found.status === 'invalid') return { ...loaded, metricsFile: found.file, problems: [...loaded.problems, ...found.problems] };
  // A snapshot not pulled yet is silent, but its file is an input: once pulled, it changes the analysis (the editor
  // watches it, the CLI cache keys on it). One that exists but cannot be read (too large, a FIFO) is a problem.
  if (found.problem === undefined) return { ...loaded, metricsFile: found.file };
  const problem: ConfigProblem = { file: found.file, range: FILE_START, message: `metrics snapshot not read: ${found.problem}; observed metrics not used` };
  return { ...loaded, metricsFile: found.file, problems: [...loaded.problems, problem] };
}
