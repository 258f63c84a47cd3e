// The config that applies to a folder is the nearest .kinesis-lint.json in it or an ancestor (like .eslintrc); the
// metrics snapshot is found the same way (.kinesis-lint/metrics.json).
import * as path from 'path';
import type { Host } from '../types';
import { CONFIG_FILE_NAME } from './config';

export function findConfigFile(dir: string, host: Host): Promise<string | undefined> {
  return findNearest(dir, CONFIG_FILE_NAME, host);
}

/**
 * `relative` (a file, possibly in a subfolder: `.kinesis-lint/metrics.json`) in `dir` or its nearest ancestor that has
 * it. The file's own folder is listed, not the ancestor: a base revision's Host lists `.kinesis-lint/` from the disk.
 */
export async function findNearest(dir: string, relative: string, host: Host): Promise<string | undefined> {
  const name = path.basename(relative);
  let current = path.resolve(dir);
  for (;;) {
    const folder = path.join(current, path.dirname(relative));
    const entries = await host.readDir(folder);
    if (entries?.some((e) => e.name === name && !e.isDirectory)) return path.join(folder, name);
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
