// The files whose change may move the base to another commit: HEAD (a checkout, a commit on a detached HEAD), the
// refs (a commit on a branch, a fetch) and packed-refs (git gc, git pack-refs). Watched per repository through the
// client (LSP 3.17 relative patterns, so a git directory outside the workspace glob is watched too), plus each
// workspace folder's own .git/HEAD and refs, so a folder that becomes a repository later is noticed.
import * as path from 'node:path';
import type { FileSystemWatcher } from 'vscode-languageserver';
import { pathToUri } from '../convert';
import { isWithin } from '../../node/workspaceBoundHost';
import type { GitRepository } from './gitAccess';

export function gitWatchers(repo: GitRepository): FileSystemWatcher[] {
  const watchers: FileSystemWatcher[] = [{ globPattern: { baseUri: pathToUri(repo.gitDir), pattern: 'HEAD' } }];
  for (const pattern of ['packed-refs', 'refs/**']) watchers.push({ globPattern: { baseUri: pathToUri(repo.commonDir), pattern } });
  return watchers;
}

/** A workspace folder's own `.git/HEAD` and refs, watched before any repository is found there. */
export function folderGitWatchers(folder: string): FileSystemWatcher[] {
  return ['.git/HEAD', '.git/refs/**'].map((pattern) => ({ globPattern: { baseUri: pathToUri(folder), pattern } }));
}

/** Registers the watchers (once per git directory) and tells git's files from Terraform's. */
export class GitWatch {
  private readonly dirs: string[] = [];
  private readonly repos = new Set<string>();

  constructor(private readonly register: (watchers: FileSystemWatcher[]) => void) {}

  folders(folders: readonly string[]): void {
    for (const folder of folders) this.dirs.push(path.join(folder, '.git'));
    if (folders.length > 0) this.register(folders.flatMap(folderGitWatchers));
  }

  repository(repo: GitRepository): void {
    if (this.repos.has(repo.gitDir)) return;
    this.repos.add(repo.gitDir);
    this.dirs.push(repo.gitDir, repo.commonDir);
    this.register(gitWatchers(repo));
  }

  /** A file under a watched git directory (nothing to analyse for it). */
  owns(file: string): boolean {
    return this.dirs.some((dir) => isWithin(path.resolve(dir), path.resolve(file)));
  }
}
