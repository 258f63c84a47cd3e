// Finding a repository from a directory, as git's discovery does without running git: walk up to the first `.git`,
// a directory or a file `gitdir: <path>` (linked worktrees, submodules); a linked worktree's git directory names
// the shared one in its `commondir` file. Environment variables (GIT_DIR, GIT_CEILING_DIRECTORIES) are not read.
import { lstat, readFile, stat } from 'fs/promises';
import { dirname, join, resolve } from 'path';
import { ObjectStore } from './objectStore';
import { readRepositoryFormat, type RepositoryFormat } from './repositoryFormat';

export interface GitRepository {
  workTree: string;
  gitDir: string;
  commonDir: string;
}

export interface FindOptions {
  /** Whether the reader may read this directory (the git directory, the shared one, each alternate object
   *  directory); an untrusted workspace refuses those outside its folders. */
  allowed?: (path: string) => boolean;
}

export type Located = { repo: GitRepository; problem?: undefined } | { repo?: undefined; problem: string };

/** Why the last findRepository(dir) gave undefined, per resolved dir; cleared when it finds one. */
const problems = new Map<string, string>();

/** Walks up from dir to the first .git (directory or `gitdir:` file, worktrees, commondir); undefined if none,
 *  and then findRepositoryProblem(dir) says why. */
export async function findRepository(dir: string, options: FindOptions = {}): Promise<GitRepository | undefined> {
  const located = await locateRepository(dir, options);
  if (located.repo) problems.delete(resolve(dir));
  else problems.set(resolve(dir), located.problem);
  return located.repo;
}

export function findRepositoryProblem(dir: string): string | undefined {
  return problems.get(resolve(dir));
}

/** findRepository with the reason when there is none. */
export async function locateRepository(dir: string, options: FindOptions = {}): Promise<Located> {
  const start = resolve(dir);
  for (let cur = start; ; cur = dirname(cur)) {
    const dotGit = join(cur, '.git');
    const info = await lstat(dotGit).catch(() => undefined);
    if (info) {
      const found = await fromDotGit(cur, dotGit, info.isDirectory());
      if (typeof found === 'string') return { problem: found };
      if (found) return checkAllowed(found, options);
    }
    if (dirname(cur) === cur) return { problem: `${start} is not inside a git repository (no .git found above it)` };
  }
}

async function fromDotGit(workTree: string, dotGit: string, isDir: boolean): Promise<GitRepository | string | undefined> {
  let gitDir = dotGit;
  if (!isDir) {
    const text = await readFile(dotGit, 'utf8').catch(() => '');
    const m = /^gitdir:\s*(.+?)\s*$/m.exec(text);
    if (!m) return `${dotGit} is neither a git directory nor a \`gitdir:\` file`;
    gitDir = resolve(workTree, m[1]);
  }
  // git's own test for a git directory: HEAD, plus objects/ and refs/ (in the common directory for a worktree).
  if (!(await exists(join(gitDir, 'HEAD')))) {
    return isDir ? undefined : `${dotGit} points to ${gitDir}, which is not a git directory (moved or deleted worktree?)`;
  }
  const commonText = await readFile(join(gitDir, 'commondir'), 'utf8').catch(() => undefined);
  const commonDir = commonText === undefined ? gitDir : resolve(gitDir, commonText.trim());
  if (!(await exists(join(commonDir, 'objects')))) return `${commonDir} has no objects directory; it is not a git directory`;
  return { workTree, gitDir, commonDir };
}

async function checkAllowed(repo: GitRepository, options: FindOptions): Promise<Located> {
  const allowed = options.allowed;
  if (!allowed) return { repo };
  const dirs = [repo.gitDir, repo.commonDir, ...(await repositoryState(repo).store.objectDirs())];
  const refused = dirs.find((d) => !allowed(d));
  if (refused) {
    return { problem: `the git directory ${refused} is not read: it is outside the workspace folders in an untrusted workspace` };
  }
  return { repo };
}

const exists = (p: string) => stat(p).then(() => true, () => false);

export interface RepositoryState {
  store: ObjectStore;
  format: Promise<RepositoryFormat>;
}

const states = new Map<string, RepositoryState>();

/** The object store and format of a repository, shared by every call on the same common directory. */
export function repositoryState(repo: GitRepository): RepositoryState {
  const key = resolve(repo.commonDir);
  let state = states.get(key);
  if (!state) {
    state = { store: new ObjectStore(join(key, 'objects')), format: readRepositoryFormat(key) };
    states.set(key, state);
  }
  return state;
}

/** Closes the pack files of a repository (a language server whose workspace folder was removed). */
export async function releaseRepository(repo: GitRepository): Promise<void> {
  const key = resolve(repo.commonDir);
  const state = states.get(key);
  states.delete(key);
  await state?.store.close();
}
