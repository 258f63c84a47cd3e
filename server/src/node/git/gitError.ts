// Every failure the reader reports is a GitError whose message is a sentence a user can act on; callers turn it
// into `{ ok: false, error }` or a readProblem, never a stack trace.
export class GitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GitError';
  }
}

/** The first 7 hex digits, as git abbreviates in messages. */
export function short(oid: string): string {
  return oid.slice(0, 7);
}

/** An unexpected failure (I/O, zlib) as a sentence naming what was being read. */
export function asGitError(e: unknown, what: string): GitError {
  if (e instanceof GitError) return e;
  const err = e as NodeJS.ErrnoException;
  return new GitError(`cannot read ${what}: ${err.code ?? err.message}`);
}
