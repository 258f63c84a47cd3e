// What the server writes to the editor's log (window/logMessage), at levels an editor can filter on (issue #10
// item 6): who is running, what it found, which configuration and price table each module uses, how long analyses
// take and which files it skipped and why. Lines that would repeat on every keystroke are logged once per change.
import * as path from 'node:path';
import type { LoadedConfig } from '../core/config/config';
import { configExtension, configFileNames, isIgnoredFile } from '../core/model/configFiles';

export interface ServerLog {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

/** The price table a module is priced with, as the client's language status shows it. */
export interface PriceTableInUse {
  /** "built-in list prices", "price cache", or the file's name. */
  label: string;
  /** The table's priceDate (YYYY-MM-DD or YYYY-MM). */
  date: string;
  /** Absolute path of the table, null for the built-in one. */
  file: string | null;
  /** Root modules priced with it. */
  modules: number;
}

export const PRICE_TABLES_NOTIFICATION = 'kinesisLint/priceTables';

export function priceTableOf(config: LoadedConfig, priceCacheFile: string | undefined): Omit<PriceTableInUse, 'modules'> {
  const file = config.pricesFile;
  // A pricesFile whose table failed to load falls back to the built-in prices (LoadedConfig.prices says which).
  const label = file === null ? 'built-in list prices' : file === priceCacheFile ? 'price cache' : path.basename(file);
  return { label, date: config.prices.priceDate, file };
}

/** One line per module: its configuration file and price table. */
export function describeConfig(dir: string, config: LoadedConfig, priceCacheFile: string | undefined): string {
  const table = priceTableOf(config, priceCacheFile);
  const problems = config.problems.length === 0 ? '' : `; ${config.problems.length} configuration problem(s), see the Problems panel`;
  const prices = table.file === null ? `${table.label} dated ${table.date}` : `${table.label} dated ${table.date} (${table.file})`;
  return `module ${dir}: config ${config.file ?? 'none (defaults and editor settings)'}; prices: ${prices}${problems}`;
}

/** The distinct tables in use, with how many modules use each (most used first). */
export function priceTablesInUse(configs: Iterable<LoadedConfig>, priceCacheFile: string | undefined): PriceTableInUse[] {
  const byKey = new Map<string, PriceTableInUse>();
  for (const config of configs) {
    const table = priceTableOf(config, priceCacheFile);
    const key = `${table.file}\u0000${table.date}`;
    const seen = byKey.get(key);
    if (seen) seen.modules++;
    else byKey.set(key, { ...table, modules: 1 });
  }
  return [...byKey.values()].sort((a, b) => b.modules - a.modules || a.label.localeCompare(b.label));
}

/** Logs `line` under `key` only when it differs from the last line logged under that key. */
export class ChangeLog {
  private readonly last = new Map<string, string>();

  constructor(private readonly write: (line: string) => void) {}

  log(key: string, line: string): void {
    if (this.last.get(key) === line) return;
    this.last.set(key, line);
    this.write(line);
  }
}

/** "3 modules: ., modules/ingest, envs/prod" with paths relative to the first folder that holds them. */
export function describeModules(dirs: readonly string[], folders: readonly string[]): string {
  if (dirs.length === 0) return 'no module folder (no .tf, .tf.json, .tofu or .tofu.json file) in the workspace';
  const shown = dirs.map((dir) => {
    const folder = folders.find((f) => dir === f || dir.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
    return folder === undefined ? dir : path.relative(folder, dir) || '.';
  });
  return `${dirs.length} module folder${dirs.length === 1 ? '' : 's'}: ${shown.join(', ')}`;
}

/**
 * Configuration-looking files of a directory that Terraform/OpenTofu do not read, and why (core/model/configFiles.ts
 * chooses the same way): hidden files, and x.tf / x.tf.json replaced by x.tofu / x.tofu.json.
 */
export function skippedConfigFiles(names: readonly string[]): { name: string; why: string }[] {
  const chosen = configFileNames([...names]);
  const read = new Set([...chosen.primary, ...chosen.override]);
  const skipped: { name: string; why: string }[] = [];
  for (const name of [...names].sort()) {
    if (read.has(name) || configExtension(name) === undefined) continue;
    if (isIgnoredFile(name)) skipped.push({ name, why: 'files whose name starts with "." are ignored, as Terraform ignores them' });
    else skipped.push({ name, why: `${name.replace(/\.tf(\.json)?$/, '.tofu$1')} replaces it (OpenTofu reads the .tofu file instead)` });
  }
  return skipped;
}
