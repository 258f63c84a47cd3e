// The git reader the base analysis uses: the in-process, read-only reader of server/src/node/git (never a git
// process: a repository's config can run commands), behind this interface so tests can hand the server another.
import type { Host } from '../../core/types';
import { commitTreeHost, findRepository, findRepositoryProblem, resolveRevision, type GitRepository, type Resolved } from '../../node/git';

export type { GitRepository, Resolved };

export interface GitAccess {
  findRepository(dir: string, options?: { allowed?: (path: string) => boolean }): Promise<GitRepository | undefined>;
  /** Why the last findRepository(dir) found none, when the reader knows. */
  findRepositoryProblem?(dir: string): string | undefined;
  resolveRevision(repo: GitRepository, rev: string): Promise<Resolved>;
  /** `onDamage`: a read the repository itself failed (a corrupt or missing object), as opposed to a path the commit
   *  does not have. */
  commitTreeHost(repo: GitRepository, commit: string, disk: Host, onDamage?: (file: string, problem: string) => void): Host;
}

export const inProcessGit: GitAccess = { findRepository, findRepositoryProblem, resolveRevision, commitTreeHost };
