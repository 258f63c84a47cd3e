// A core Host over a commit's tree: the module files as they were at a base revision, read from the object store.
// Paths outside the work tree and under a `.terraform/` directory (modules installed by `terraform init`, never
// committed) are read through `disk`. Symbolic links are followed inside the tree like the file system would, and
// realPath gives the path they lead to, so module-cycle detection by real path still works at the base.
import * as path from 'path';
import { MAX_SOURCE_BYTES, type Host } from '../../core/types';
import { tooLarge } from '../nodeHost';
import { ByteLru } from './byteLru';
import { GitError, short } from './gitError';
import { missingObjectError } from './missingObject';
import { MissingObjectError } from './objectStore';
import { parseCommit } from './objects';
import { repositoryState, type GitRepository } from './repository';
import { parseTree, type TreeEntry } from './tree';

/** Parsed trees kept per host (per commit): a module's directories, bounded for a huge monorepo. */
const TREE_CACHE_BYTES = 8 * 1024 * 1024;
/** Symbolic links followed on one path before giving up, as Linux's ELOOP (40). */
const MAX_LINKS = 40;

type Lookup =
  | { kind: 'disk'; path: string }
  | { kind: 'entry'; entry: TreeEntry; rel: string }
  | { kind: 'problem'; problem: string };

export function commitTreeHost(repo: GitRepository, commit: string, disk: Host): Host {
  const store = repositoryState(repo).store;
  const workTree = path.resolve(repo.workTree);
  const trees = new ByteLru<Map<string, TreeEntry>>(TREE_CACHE_BYTES);
  const problems = new Map<string, string>();
  let root: Promise<TreeEntry> | undefined;

  const rootTree = () => {
    root ??= store.read(commit).then((obj) => {
      if (obj.type !== 'commit') throw new GitError(`${short(commit)} is a ${obj.type}, not a commit`);
      return { kind: 'tree' as const, oid: parseCommit(commit, obj.data).tree };
    });
    return root;
  };

  const treeOf = async (oid: string) => {
    let tree = trees.get(oid);
    if (!tree) {
      const obj = await store.read(oid);
      if (obj.type !== 'tree') throw new GitError(`object ${short(oid)} is a ${obj.type}, not a tree`);
      tree = parseTree(oid, obj.data);
      trees.set(oid, tree, obj.data.length * 2);
    }
    return tree;
  };

  /** Where an absolute path leads: the disk, a tree entry (links followed; the last one too when followLast), or why
   *  neither. */
  const lookup = async (target: string, followLast: boolean): Promise<Lookup> => {
    let abs = path.resolve(target);
    for (let links = 0; ; ) {
      const rel = path.relative(workTree, abs);
      if (rel.startsWith('..') || path.isAbsolute(rel)) return { kind: 'disk', path: abs };
      const parts = rel === '' ? [] : rel.split(path.sep);
      if (parts.includes('.terraform')) return { kind: 'disk', path: abs };
      let entry = await rootTree();
      let redirected = false;
      for (let i = 0; i < parts.length; i++) {
        const here = parts.slice(0, i).join('/');
        if (entry.kind === 'gitlink') return { kind: 'problem', problem: `submodule ${here} is not read at the base (${short(commit)})` };
        if (entry.kind !== 'tree') return { kind: 'problem', problem: `cannot read ${parts[parts.length - 1]}: ENOTDIR` };
        const next = (await treeOf(entry.oid)).get(parts[i]);
        if (!next) return { kind: 'problem', problem: `cannot read ${parts[parts.length - 1]}: not in ${short(commit)} (ENOENT)` };
        if (next.kind === 'symlink' && (i < parts.length - 1 || followLast)) {
          if (++links > MAX_LINKS) return { kind: 'problem', problem: `cannot read ${parts[parts.length - 1]}: ELOOP` };
          const linkTarget = (await store.read(next.oid)).data.toString('utf8');
          abs = path.resolve(workTree, ...parts.slice(0, i), linkTarget, ...parts.slice(i + 1));
          redirected = true;
          break;
        }
        entry = next;
      }
      if (!redirected) return { kind: 'entry', entry, rel: parts.join('/') };
    }
  };

  const failed = (file: string, problem: string) => {
    problems.set(file, problem);
    return undefined;
  };

  /** A sentence for a failed read; a missing object explained (a partial clone leaves blobs on the server). */
  const problemOf = async (e: unknown, file: string): Promise<string> =>
    problemText(e instanceof MissingObjectError ? await missingObjectError(repo, e.oid, 'object') : e, file);

  return {
    async readFile(file, maxBytes = MAX_SOURCE_BYTES) {
      try {
        const found = await lookup(file, true);
        if (found.kind === 'disk') {
          problems.delete(file);
          const text = await disk.readFile(found.path, maxBytes);
          if (text === undefined) return failed(file, disk.readProblem?.(found.path) ?? `cannot read ${path.basename(file)}`);
          return text;
        }
        if (found.kind === 'problem') return failed(file, found.problem);
        const { entry } = found;
        const name = path.basename(file);
        if (entry.kind === 'tree') return failed(file, `cannot read ${name}: EISDIR`);
        if (entry.kind === 'gitlink') return failed(file, `submodule ${found.rel} is not read at the base (${short(commit)})`);
        // Limited by the size in the object's header: a blob over the limit is never inflated whole.
        const blob = await store.readLimited(entry.oid, maxBytes);
        if ('tooLarge' in blob) return failed(file, tooLarge(name, maxBytes));
        problems.delete(file);
        // As nodeHost: UTF-8, a BOM kept, invalid bytes replaced by U+FFFD.
        return blob.data.toString('utf8');
      } catch (e) {
        return failed(file, await problemOf(e, file));
      }
    },

    readProblem(file) {
      return problems.get(file);
    },

    async readDir(dir) {
      try {
        const found = await lookup(dir, true);
        if (found.kind === 'disk') return await disk.readDir(found.path);
        if (found.kind === 'problem') return failed(dir, found.problem);
        if (found.entry.kind === 'gitlink') return failed(dir, `submodule ${found.rel} is not read at the base (${short(commit)})`);
        if (found.entry.kind !== 'tree') return failed(dir, `cannot read ${path.basename(dir)}: ENOTDIR`);
        problems.delete(dir);
        // A symbolic link is a non-directory, as nodeHost reports it; a submodule is a directory, as on disk.
        return [...(await treeOf(found.entry.oid))].map(([name, e]) => ({ name, isDirectory: e.kind === 'tree' || e.kind === 'gitlink' }));
      } catch (e) {
        return failed(dir, await problemOf(e, dir));
      }
    },

    async realPath(file) {
      try {
        const found = await lookup(file, true);
        if (found.kind === 'disk') return disk.realPath ? await disk.realPath(found.path) : found.path;
        if (found.kind === 'problem') return undefined;
        return found.rel ? path.join(workTree, ...found.rel.split('/')) : workTree;
      } catch {
        return undefined;
      }
    },
  };
}

function problemText(e: unknown, file: string): string {
  if (e instanceof GitError) return `cannot read ${path.basename(file)} at the base: ${e.message}`;
  return `cannot read ${path.basename(file)} at the base: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
}
