// Which repository a root module belongs to, within the bound of an untrusted workspace: the reader never runs
// anything, but in Restricted Mode it must not read outside the workspace folders either (the same bound as
// node/workspaceBoundHost.ts: the folders, by lexical and by real path), so a git directory elsewhere (a linked
// worktree, a `.git` file pointing out, alternates outside) turns the delta off, with the reader's reason.
import * as path from 'node:path';
import { isWithin, realPathOf } from '../../node/workspaceBoundHost';
import type { GitAccess, GitRepository } from './gitAccess';

export type RepoLookup = { repo: GitRepository } | { off: string };

/** `folders` undefined: a trusted workspace (no bound). */
export async function repositoryOf(git: GitAccess, dir: string, folders: readonly string[] | undefined): Promise<RepoLookup> {
  let allowed: ((p: string) => boolean) | undefined;
  if (folders) {
    const roots = [...folders.map((f) => path.resolve(f)), ...(await Promise.all(folders.map(realPathOf)))];
    allowed = (p: string) => roots.some((root) => isWithin(root, path.resolve(p)));
  }
  const repo = await git.findRepository(dir, { allowed }).catch(() => undefined);
  return repo ? { repo } : { off: git.findRepositoryProblem?.(dir) ?? `${dir} is not inside a git repository` };
}
