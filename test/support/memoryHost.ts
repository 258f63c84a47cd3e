// An in-memory Host for tests: files by absolute path; directories are implied by the paths. `links` are symbolic
// links to directories (absolute path → absolute target), followed as the disk would (`loop -> .` included).
import * as path from 'path';
import type { Host } from '../../server/src/core/types';

export function memoryHost(files: Record<string, string>, extraDirs: string[] = [], links: Record<string, string> = {}): Host {
  const dirs = new Set<string>(extraDirs);
  for (const file of [...Object.keys(files), ...extraDirs]) {
    for (let d = path.dirname(file); ; d = path.dirname(d)) {
      dirs.add(d);
      if (path.dirname(d) === d) break;
    }
  }
  /** The path with its links replaced by their targets; undefined past 40 links (the kernel's ELOOP). */
  const resolve = (p: string): string | undefined => {
    for (let hops = 0; hops < 40; hops++) {
      const link = Object.keys(links).find((l) => p === l || p.startsWith(l + '/'));
      if (link === undefined) return p;
      p = path.join(links[link], p.slice(link.length));
    }
    return undefined;
  };
  return {
    async readFile(p) {
      const real = resolve(p);
      return real !== undefined && Object.prototype.hasOwnProperty.call(files, real) ? files[real] : undefined;
    },
    async readDir(p) {
      const real = resolve(p);
      if (real === undefined || !dirs.has(real)) return undefined;
      const children = new Map<string, boolean>();
      for (const f of Object.keys(files)) if (path.dirname(f) === real) children.set(path.basename(f), false);
      for (const d of dirs) if (d !== real && path.dirname(d) === real) children.set(path.basename(d), true);
      // A link is listed as a non-directory, as readdir's Dirent says.
      for (const l of Object.keys(links)) if (path.dirname(l) === real) children.set(path.basename(l), false);
      return [...children].map(([name, isDirectory]) => ({ name, isDirectory }));
    },
    async realPath(p) {
      const real = resolve(p);
      return real !== undefined && (dirs.has(real) || Object.prototype.hasOwnProperty.call(files, real)) ? real : undefined;
    },
  };
}
