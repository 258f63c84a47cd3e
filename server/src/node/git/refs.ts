// Refs in the "files" backend (gitrepository-layout(5)): a loose file `<gitdir>/<name>` holding an object name or
// `ref: <target>` (a symbolic ref), else a line of `packed-refs` ("<oid> <name>", then "^<oid>" when the ref is an
// annotated tag: the object it peels to). HEAD, pseudo-refs and refs/{bisect,worktree,rewritten}/ belong to the
// worktree's git directory; everything else to the common directory.
import { readdir, readFile, stat } from 'fs/promises';
import { join } from 'path';
import { GitError } from './gitError';
import type { GitRepository } from './repository';

export interface RefValue {
  oid: string;
  /** The packed-refs peeled object (an annotated tag's target), when recorded. */
  peeled?: string;
}

/** A symbolic ref whose target does not exist yet: an unborn branch (HEAD of an empty repository). */
export class UnbornRefError extends GitError {
  constructor(readonly ref: string, readonly target: string) {
    super(`${ref} points to ${target.replace(/^refs\/heads\//, 'branch ')}, which has no commits yet`);
  }
}

const PER_WORKTREE = /^(refs\/(bisect|worktree|rewritten)\/.*|[A-Z_]+)$/;

function refFile(repo: GitRepository, name: string): string {
  return join(PER_WORKTREE.test(name) ? repo.gitDir : repo.commonDir, ...name.split('/'));
}

/** The ref's object, following symbolic refs; undefined when no such ref exists. */
export async function readRef(repo: GitRepository, name: string): Promise<RefValue | undefined> {
  let current = name;
  for (let hops = 0; hops < 10; hops++) {
    const text = await readFile(refFile(repo, current), 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const symbolic = /^ref:\s*(\S+)/.exec(text);
      if (symbolic) {
        const target = symbolic[1];
        const next = await exists(repo, target);
        if (!next) throw new UnbornRefError(name, target);
        current = target;
        continue;
      }
      // FETCH_HEAD has "<oid>\t<flags>\t<description>" lines: its value is the first one's object.
      const oid = /^([0-9a-f]{40})(\s|$)/.exec(text);
      if (!oid) throw new GitError(`ref ${current} is corrupt (${JSON.stringify(text.slice(0, 60))})`);
      return { oid: oid[1] };
    }
    return (await packedRefs(repo)).get(current);
  }
  throw new GitError(`ref ${name} is a chain of more than 10 symbolic refs`);
}

async function exists(repo: GitRepository, name: string): Promise<boolean> {
  const st = await stat(refFile(repo, name)).catch(() => undefined);
  if (st?.isFile()) return true;
  return (await packedRefs(repo)).has(name);
}

const packedCache = new Map<string, { stamp: string; refs: Map<string, RefValue> }>();

export async function packedRefs(repo: GitRepository): Promise<Map<string, RefValue>> {
  const path = join(repo.commonDir, 'packed-refs');
  const st = await stat(path).catch(() => undefined);
  if (!st) return new Map();
  const stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
  const cached = packedCache.get(path);
  if (cached?.stamp === stamp) return cached.refs;
  const refs = new Map<string, RefValue>();
  const text = await readFile(path, 'utf8').catch(() => '');
  let last: RefValue | undefined;
  for (const line of text.split('\n')) {
    const peeled = /^\^([0-9a-f]{40})/.exec(line);
    if (peeled && last) last.peeled = peeled[1];
    const m = /^([0-9a-f]{40}) (\S+)/.exec(line);
    if (m) refs.set(m[2], (last = { oid: m[1] }));
  }
  packedCache.set(path, { stamp, refs });
  return refs;
}

/** Every ref name (loose and packed) under refs/, plus HEAD: for did-you-mean and for validation. */
export async function listRefs(repo: GitRepository): Promise<string[]> {
  const names = new Set<string>((await packedRefs(repo)).keys());
  const walk = async (root: string, prefix: string) => {
    const entries = await readdir(join(root, ...prefix.split('/')), { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const name = `${prefix}/${e.name}`;
      if (e.isDirectory()) await walk(root, name);
      else if (e.isFile() && !e.name.endsWith('.lock')) names.add(name);
    }
  };
  await walk(repo.commonDir, 'refs');
  if (repo.gitDir !== repo.commonDir) {
    for (const sub of ['refs/bisect', 'refs/worktree', 'refs/rewritten']) await walk(repo.gitDir, sub);
  }
  return [...names].sort();
}
