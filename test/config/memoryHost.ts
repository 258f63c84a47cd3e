// An in-memory Host for tests: files by absolute path; directories are implied by the paths.
// Array.from rather than spread/for-of over Map and Set: ts-node may compile the tests to ES5 without downlevelIteration.
import * as path from 'path';
import type { Host } from '../../server/src/core/types';

export function memoryHost(files: Record<string, string>, extraDirs: string[] = []): Host {
  const dirs = new Set<string>(extraDirs);
  for (const file of [...Object.keys(files), ...extraDirs]) {
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      dirs.add(d);
      if (path.dirname(d) === d) break;
    }
  }
  return {
    async readFile(p) {
      return Object.prototype.hasOwnProperty.call(files, p) ? files[p] : undefined;
    },
    async readDir(p) {
      if (!dirs.has(p)) return undefined;
      const children = new Map<string, boolean>();
      for (const f of Object.keys(files)) if (path.dirname(f) === p) children.set(path.basename(f), false);
      for (const d of Array.from(dirs)) if (d !== p && path.dirname(d) === p) children.set(path.basename(d), true);
      return Array.from(children).map(([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}
