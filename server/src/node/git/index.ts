// The in-process, read-only git reader: the CLI's `diff --base REF` and the language server's base analysis read
// a revision's files from the repository's objects without ever starting git (a repository's config can run
// commands: core.fsmonitor, hooks, filters). docs/git-reader.md says what it reads and what it does not.
export { findRepository, findRepositoryProblem, locateRepository, releaseRepository } from './repository';
export type { GitRepository, FindOptions, Located } from './repository';
export { resolveRevision } from './revision';
export type { Resolved } from './revision';
export { commitTreeHost } from './commitTreeHost';
export { listRefs } from './refs';
