// Which repository a root module belongs to, within the bound of an untrusted workspace: the reader never runs
// anything, but in Restricted Mode it must not read outside the workspace folders either (the same bound as
// node/workspaceBoundHost.ts), so a git directory elsewhere (a linked worktree, a `.git` file pointing out,
// alternates outside) turns the delta off, with the reason.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { isWithin, realPathOf } from '../../node/workspaceBoundHost';
import type { GitAccess, GitRepository } from './gitAccess';

export type RepoLookup = { repo: GitRepository } | { off: string };

/** `folders` undefined: a trusted workspace (no bound). */
export async function repositoryOf(git: GitAccess, dir: string, folders: readonly string[] | undefined): Promise<RepoLookup> {
  if (!folders) {
    const repo = await git.findRepository(dir).catch(() => undefined);
    return repo ? { repo } : { off: 'not in a git repository' };
  }
  const roots = [...folders.map((f) => path.resolve(f)), ...(await Promise.all(folders.map(realPathOf)))];
  const allowed = (p: string) => roots.some((root) => isWithin(root, path.resolve(p)));
  const repo = await git.findRepository(dir, { allowed }).catch(() => undefined);
  if (repo) return { repo };
  // Not found inside the bound: say whether there is a repository whose git directory lies outside.
  const dotGit = await nearestDotGit(dir);
  if (dotGit) return { off: `the git data of ${path.dirname(dotGit)} lies outside the workspace folders (untrusted workspace)` };
  return { off: 'not in a git repository' };
}

/** The nearest `.git` (directory or file) from `dir` up, by its name alone: nothing is read. */
async function nearestDotGit(dir: string): Promise<string | undefined> {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const candidate = path.join(current, '.git');
    if (await fs.lstat(candidate).then(() => true, () => false)) return candidate;
    if (path.dirname(current) === current) return undefined;
  }
}
