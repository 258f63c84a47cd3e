// The git reader the base analysis uses: i12-git's in-process, read-only reader (server/src/node/git), behind this
// interface so the server can be tested with a stand-in and so a build without the reader turns the delta off with
// a reason instead of failing. The product never starts a git process (docs/editor-delta.md).
import type { Host } from '../../core/types';

export interface GitRepository { workTree: string; gitDir: string; commonDir: string }

export type Resolved = { ok: true; commit: string } | { ok: false; error: string };

export interface GitAccess {
  findRepository(dir: string, options?: { allowed?: (path: string) => boolean }): Promise<GitRepository | undefined>;
  resolveRevision(repo: GitRepository, rev: string): Promise<Resolved>;
  commitTreeHost(repo: GitRepository, commit: string, disk: Host): Host;
}

/** The in-process reader, or undefined when this build does not have it (the delta is then off, with that reason). */
export function inProcessGit(): GitAccess | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const git = require('../../node/git') as Partial<GitAccess>;
    if (typeof git.findRepository !== 'function' || typeof git.resolveRevision !== 'function' || typeof git.commitTreeHost !== 'function') return undefined;
    return { findRepository: git.findRepository, resolveRevision: git.resolveRevision, commitTreeHost: git.commitTreeHost };
  } catch {
    return undefined;
  }
}
