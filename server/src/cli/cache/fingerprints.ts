// What a cached analysis depended on, as content hashes: files (their text, or that they could not be read) and
// directory listings (a file added to a module, a terraform.tfvars that appears). Read through the CLI's host, so
// --untrusted refuses here what it refuses to the analysis. Each path is read once per run.
import { createHash } from 'node:crypto';
import type { Host } from '../../core/types';
import { findConfigFile } from '../../core/config/loadConfig';
import { findSnapshotFile } from '../../core/metrics/loadMetrics';

/** A content hash, or null for a file or directory that cannot be read. */
export type Digest = string | null;

export interface Dependencies {
  files: Record<string, Digest>;
  /** Entry names of each directory (hashed). */
  dirs: Record<string, Digest>;
  /** The .kinesis-lint.json that applies to the module (the nearest in it or an ancestor), or null. */
  configFile?: string | null;
  /** The .kinesis-lint/metrics.json the lookup finds for the module (nearest in it or an ancestor), or null: a
   *  snapshot pulled since is a change. */
  metricsFile?: string | null;
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64');
}

export class Fingerprints {
  private readonly files = new Map<string, Promise<Digest>>();
  private readonly dirs = new Map<string, Promise<{ digest: Digest; names: string[] }>>();
  private readonly configs = new Map<string, Promise<string | null>>();
  private readonly snapshots = new Map<string, Promise<string | null>>();

  constructor(private readonly host: Host) {}

  file(path: string): Promise<Digest> {
    let p = this.files.get(path);
    if (!p) this.files.set(path, (p = this.host.readFile(path).then((text) => (text === undefined ? null : digest(text)))));
    return p;
  }

  dir(path: string): Promise<{ digest: Digest; names: string[] }> {
    let p = this.dirs.get(path);
    if (!p) {
      p = this.host.readDir(path).then((entries) => {
        if (!entries) return { digest: null, names: [] };
        const names = entries.map((e) => `${e.isDirectory ? 'd' : 'f'}:${e.name}`).sort();
        return { digest: digest(names.join('\n')), names: entries.filter((e) => !e.isDirectory).map((e) => e.name) };
      });
      this.dirs.set(path, p);
    }
    return p;
  }

  configFile(dir: string): Promise<string | null> {
    let p = this.configs.get(dir);
    if (!p) this.configs.set(dir, (p = findConfigFile(dir, this.host).then((f) => f ?? null)));
    return p;
  }

  metricsFile(dir: string): Promise<string | null> {
    let p = this.snapshots.get(dir);
    if (!p) this.snapshots.set(dir, (p = findSnapshotFile(dir, this.host).then((f) => f ?? null)));
    return p;
  }

  /** True when every recorded dependency still has the recorded content. */
  async unchanged(deps: Dependencies, moduleDir: string): Promise<boolean> {
    const checks: Promise<boolean>[] = [
      ...Object.entries(deps.files).map(async ([path, d]) => (await this.file(path)) === d),
      ...Object.entries(deps.dirs).map(async ([path, d]) => (await this.dir(path)).digest === d),
    ];
    if (deps.configFile !== undefined) checks.push(this.configFile(moduleDir).then((f) => f === deps.configFile));
    if (deps.metricsFile !== undefined) checks.push(this.metricsFile(moduleDir).then((f) => f === deps.metricsFile));
    return (await Promise.all(checks)).every(Boolean);
  }
}
