// Which files the server watches on disk, and which module directories a change to one of them concerns.
import * as path from 'path';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { pathToUri } from './convert';
import { isConfigFile } from '../core/model/configFiles';
import { isInstalledModuleFile } from '../core/model/moduleManifest';

/**
 * Configuration files of every syntax Terraform and OpenTofu read (.tf, .tf.json, .tofu, .tofu.json), variable
 * files, the config, `terraform init`'s module manifest (it decides which directory a registry module is read
 * from), and the metrics snapshot at its default place (metricsSnapshots.ts; one the config names elsewhere is
 * watched by path), and its folder: deleting `.kinesis-lint/` is reported for the folder, not the file in it. The client registers the same list (client/src/clientOptions.ts WATCHED_FILES).
 */
export const WATCHED_GLOBS = [
  '**/*.tf', '**/*.tf.json', '**/*.tofu', '**/*.tofu.json', '**/*.tfvars', '**/*.tfvars.json', '**/.kinesis-lint.json',
  '**/.terraform/modules/modules.json', '**/.kinesis-lint/metrics.json', '**/.kinesis-lint',
];

const MANIFEST = path.join('.terraform', 'modules', 'modules.json');

/**
 * The directory to analyse as a root because `file` changed, if any: a module file's own directory, the root
 * module of a manifest; never a directory inside .terraform (installed modules are analysed through their caller,
 * and the caller is found from the files its last analysis read).
 */
export function rootDirFor(file: string): string | undefined {
  if (file.endsWith(path.sep + MANIFEST)) return path.dirname(path.dirname(path.dirname(file)));
  return isInstalledModuleFile(file) ? undefined : path.dirname(file);
}

/** A JSON file the server treats as settings (a price table named by the config), not as Terraform. */
export function isSettingsJson(file: string): boolean {
  const name = path.basename(file);
  if (name === '.kinesis-lint.json') return true;
  return name.endsWith('.json') && !name.endsWith('.tfvars.json') && !isConfigFile(name) && !file.endsWith(path.sep + MANIFEST);
}

/** Whether one of WATCHED_GLOBS matches `file` (each is a file name or a name suffix under any folder). */
function matchesWatchedGlob(file: string): boolean {
  const normal = file.split(path.sep).join('/');
  return WATCHED_GLOBS.some((glob) => {
    const tail = glob.slice('**/'.length);
    return tail.startsWith('*') ? normal.endsWith(tail.slice(1)) : normal.endsWith(`/${tail}`);
  });
}

/**
 * The files an analysis read that the fixed globs do not cover: a variables file named by kinesisLint.varFiles or
 * var_files (e.g. ../env/prod.tfvars, vars.hcl) may lie outside the workspace or have another name. Sorted.
 */
export function unwatchedFiles(read: string[], folders: string[]): string[] {
  const inside = (file: string) => folders.some((f) => !path.relative(f, file).startsWith('..') && !path.isAbsolute(path.relative(f, file)));
  return [...new Set(read.filter((f) => !(matchesWatchedGlob(f) && inside(f))))].sort();
}

/** One watcher per file, relative to its folder (LSP 3.17 RelativePattern), so files outside the workspace work too. */
export function fileWatchers(files: string[]): FileSystemWatcher[] {
  return files.map((f) => ({ globPattern: { baseUri: pathToUri(path.dirname(f)), pattern: path.basename(f) } }));
}
