// Turns the PATH arguments into module directories: every directory holding configuration files (.tf, .tf.json,
// .tofu, .tofu.json; core/model/configFiles.ts) is a module. File paths (what pre-commit passes) mean their
// directory's module, each once.
import { basename, dirname, resolve } from 'path';
import type { Host } from '../core/types';
import { isConfigFile, isIgnoredFile } from '../core/model/configFiles';

// Folders that never hold the user's own modules: Terraform's provider/module cache and npm packages.
// Hidden folders (.git, .terraform, ...) are skipped too, unless named on the command line.
const SKIPPED_FOLDERS = new Set(['node_modules', '.terraform']);

/** notes: paths that were named but lead to no module (a variables file beside no configuration), for stderr. */
export type ModuleSearch = { ok: true; dirs: string[]; notes?: string[] } | { ok: false; error: string };

const VARIABLES_FILE = /\.tfvars(\.json)?$/;

/** Absolute, sorted, de-duplicated module directories under `paths` (relative to `cwd`). */
export async function findModuleDirs(paths: readonly string[], cwd: string, host: Host): Promise<ModuleSearch> {
  const found = new Set<string>();
  const notes: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    const entries = await host.readDir(absolute);
    if (entries) {
      await walk(absolute, entries, host, found);
      continue;
    }
    const text = await host.readFile(absolute);
    if (text === undefined) {
      // A named FIFO, device or oversized file is refused before reading (nodeHost): say why.
      // A missing path keeps the familiar wording.
      const why = host.readProblem?.(absolute);
      const known = why && !why.endsWith(': ENOENT');
      return { ok: false, error: known ? `cannot use '${path}': ${why}` : `cannot read '${path}': no such file or directory` };
    }
    const name = basename(absolute);
    if (VARIABLES_FILE.test(name) && !isIgnoredFile(name)) {
      // A changed .tfvars: its directory's module, when that directory is one. A variables file elsewhere (e.g.
      // envs/prod.tfvars) only applies through -var-file, to a root module we cannot guess: said, not an error.
      const siblings = await host.readDir(dirname(absolute));
      if (siblings?.some((entry) => !entry.isDirectory && isConfigFile(entry.name))) found.add(dirname(absolute));
      else notes.push(`'${path}' is a variables file in a directory without Terraform files: skipped (apply it to its root module with --var-file)`);
      continue;
    }
    if (!isConfigFile(name)) return { ok: false, error: `'${path}' is neither a directory nor a Terraform or variables file (.tf, .tf.json, .tofu, .tofu.json, .tfvars, .tfvars.json)` };
    found.add(dirname(absolute));
  }
  return { ok: true, dirs: Array.from(found).sort(), ...(notes.length > 0 ? { notes } : {}) };
}

async function walk(
  dir: string,
  entries: { name: string; isDirectory: boolean }[],
  host: Host,
  found: Set<string>,
): Promise<void> {
  if (entries.some((entry) => !entry.isDirectory && isConfigFile(entry.name))) found.add(dir);
  for (const entry of entries) {
    if (!entry.isDirectory || isSkipped(entry.name)) continue;
    const child = resolve(dir, entry.name);
    const childEntries = await host.readDir(child);
    if (childEntries) await walk(child, childEntries, host, found);
  }
}

function isSkipped(folder: string): boolean {
  return SKIPPED_FOLDERS.has(folder) || basename(folder).startsWith('.');
}
