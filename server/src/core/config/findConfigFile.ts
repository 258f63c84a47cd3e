// The config that applies to a folder is the nearest .kinesis-lint.json in it or an ancestor (like .eslintrc).
import * as path from 'path';
import type { Host } from '../types';
import { CONFIG_FILE_NAME } from './config';

export async function findConfigFile(dir: string, host: Host): Promise<string | undefined> {
  let current = path.resolve(dir);
  for (;;) {
    const entries = await host.readDir(current);
    if (entries?.some((e) => e.name === CONFIG_FILE_NAME && !e.isDirectory)) return path.join(current, CONFIG_FILE_NAME);
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
