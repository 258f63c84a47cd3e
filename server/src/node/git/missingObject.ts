// Why an object is not in the repository, in words a user can act on: a shallow clone cut the history there, a
// partial clone left the blob on the server (git would fetch it; this reader never does), or it is simply absent.
import { readFile } from 'fs/promises';
import { join } from 'path';
import { GitError } from './gitError';
import { repositoryState, type GitRepository } from './repository';

/** Commits whose parents a shallow clone does not have (`shallow`, one object name a line). */
export function shallowCommits(repo: GitRepository): Promise<Set<string>> {
  return readFile(join(repo.commonDir, 'shallow'), 'utf8').then(
    (t) => new Set(t.split('\n').filter((l) => /^[0-9a-f]{40}$/.test(l))),
    () => new Set<string>(),
  );
}

export const SHALLOW_HINT = (oid: string) =>
  `(shallow clone: fetch it with \`git fetch --depth=1 origin ${oid}\`, or check out with \`fetch-depth: 0\` in actions/checkout)`;

export async function missingObjectError(repo: GitRepository, oid: string, kind: 'commit' | 'object'): Promise<GitError> {
  if (kind === 'commit' && (await shallowCommits(repo)).size) return new GitError(`commit ${oid} is not in this clone ${SHALLOW_HINT(oid)}`);
  const state = repositoryState(repo);
  if ((await state.format).partialClone || (await state.store.hasPromisorPacks())) {
    return new GitError(`${kind} ${oid} is not in this partial clone (git fetches it on demand; this reader does not): run \`git fetch origin ${oid}\``);
  }
  return new GitError(`${kind} ${oid} is not in this repository`);
}
