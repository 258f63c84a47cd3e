// The files whose change may move the base to another commit: HEAD (a checkout, a commit on a detached HEAD), the
// refs (a commit on a branch, a fetch) and packed-refs (git gc, git pack-refs). Registered per repository as LSP
// 3.17 relative patterns, so a git directory outside the workspace glob (a linked worktree's) is watched too.
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

/** A file under one of the watched git directories (not Terraform: nothing to analyse for it). */
export function isGitFile(file: string, gitDirs: readonly string[]): boolean {
  return gitDirs.some((dir) => isWithin(path.resolve(dir), path.resolve(file)));
}

/** A workspace folder's own `.git/HEAD` and refs, watched before any repository is found there. */
export function folderGitWatchers(folder: string): FileSystemWatcher[] {
  return ['.git/HEAD', '.git/refs/**'].map((pattern) => ({ globPattern: { baseUri: pathToUri(folder), pattern } }));
}
