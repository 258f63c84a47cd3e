// In an untrusted workspace (VS Code's workspace trust) the workspace must not make the server read anything outside
// its folders: a module source "../../../etc" or "/etc", a symbolic link, a modules.json Dir, a price table or var
// file named by .kinesis-lint.json or a setting. This Host wrapper refuses such reads at one place, by real path (so
// a link cannot escape), and says why through readProblem: the core reports the refusal like any unreadable file
// (at the module call, the config entry, the file), and a module not read makes the total a lower bound.
import { realpath } from 'fs/promises';
import * as path from 'path';
import type { Host } from '../core/types';

export interface ReadScope {
  /** Directories (the workspace folders) whose contents may be read, wherever their own real path is. */
  roots: string[];
  /** Files the server itself chose, not the workspace (the user's price cache): read wherever they are. */
  files?: string[];
}

export const OUTSIDE = 'not read, outside the workspace folders in an untrusted workspace';
export const LINKS_OUTSIDE = 'not read, it leads outside the workspace folders in an untrusted workspace';

/**
 * `scope()` is asked on every read: undefined (a trusted workspace) passes everything through unchanged, so trust
 * granted later takes effect at the next analysis.
 */
export function workspaceBoundHost(inner: Host, scope: () => ReadScope | undefined): Host {
  const refused = new Map<string, string>();
  const realRoots = new Map<string, Promise<string[]>>();
  const rootsOf = (roots: string[]) => {
    const key = roots.join('\u0000');
    let real = realRoots.get(key);
    if (!real) realRoots.set(key, (real = Promise.all(roots.map(realPathOf))));
    return real;
  };
  /** Why `target` may not be read (named `label` in the message), or undefined when it may. */
  const refusal = async (target: string, label: string): Promise<string | undefined> => {
    const s = scope();
    if (!s) return undefined;
    const absolute = path.resolve(target);
    if (s.files?.some((f) => path.resolve(f) === absolute)) return undefined;
    const [roots, real] = await Promise.all([rootsOf(s.roots), realPathOf(absolute)]);
    if (roots.some((root) => isWithin(root, real))) return undefined;
    // Lexically inside but really outside: a symbolic link on the way leads out.
    const inside = s.roots.some((root) => isWithin(path.resolve(root), absolute)) || roots.some((root) => isWithin(root, absolute));
    return `${label}: ${inside ? LINKS_OUTSIDE : OUTSIDE}`;
  };
  return {
    async readFile(file, maxBytes) {
      const why = await refusal(file, path.basename(file));
      if (why) {
        refused.set(file, why);
        return undefined;
      }
      refused.delete(file);
      return inner.readFile(file, maxBytes);
    },
    readProblem: (file) => refused.get(file) ?? inner.readProblem?.(file),
    async readDir(dir) {
      const why = await refusal(dir, dir);
      if (why) {
        refused.set(dir, why);
        return undefined;
      }
      refused.delete(dir);
      return inner.readDir(dir);
    },
    // Resolving a link reads no file content; the module tree needs it to see cycles (`loop -> .`) in every mode.
    realPath: inner.realPath && ((p) => inner.realPath!(p)),
  };
}

/**
 * The real path of `p`; for a path that does not exist (or a looping link), the real path of its nearest existing
 * ancestor joined with the rest, so a missing file under a link that leads out is still judged by where it would be.
 */
export async function realPathOf(p: string): Promise<string> {
  const absolute = path.resolve(p);
  const rest: string[] = [];
  for (let current = absolute; ; ) {
    try {
      return path.join(await realpath(current), ...rest);
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      rest.unshift(path.basename(current));
      current = parent;
    }
  }
}

/** `p` is `root` or below it (both absolute and normalised). */
export function isWithin(root: string, p: string): boolean {
  const relative = path.relative(root, p);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}
