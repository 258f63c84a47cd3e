// Revisions (gitrevisions(7)), the subset a base for a diff needs: a full or abbreviated object name, HEAD and @,
// a ref name by the documented lookup order, then any run of ~N, ^N, ^ and ^{commit}/^{} suffixes; the result is
// peeled to a commit. Every failure is returned as a sentence.
import { GitError, short } from './gitError';
import { missingObjectError, SHALLOW_HINT, shallowCommits } from './missingObject';
import { MissingObjectError } from './objectStore';
import { parseCommit, parseTagTarget } from './objects';
import { editDistance, isValidRefName, refCandidates, shortRefName } from './refNames';
import { listRefs, readRef, UnbornRefError } from './refs';
import { repositoryState, type GitRepository } from './repository';

export type Resolved = { ok: true; commit: string } | { ok: false; error: string };

export async function resolveRevision(repo: GitRepository, rev: string): Promise<Resolved> {
  try {
    return { ok: true, commit: await resolveCommit(repo, rev.trim()) };
  } catch (e) {
    if (e instanceof GitError) return { ok: false, error: e.message };
    return { ok: false, error: `cannot resolve '${rev}': ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
}

async function resolveCommit(repo: GitRepository, rev: string): Promise<string> {
  const state = repositoryState(repo);
  const format = await state.format;
  if (format.unsupported) throw new GitError(format.unsupported);
  const split = /^([^~^]*)(.*)$/s.exec(rev)!;
  const base = split[1] === '@' ? 'HEAD' : split[1];
  if (!base) throw new GitError(`'${rev}' names no revision`);
  if (base.includes('@{') || base.includes(':')) {
    throw new GitError(`'${rev}': reflog (@{…}) and path (:) forms are not supported; give a branch, tag or commit`);
  }
  const objects = new ObjectReader(repo);
  let oid = await resolveBase(repo, base, objects);
  let rest = split[2];
  while (rest) {
    const m = /^(?:~(\d*)|\^\{(commit|)\}|\^(\d*))/.exec(rest);
    if (!m) throw new GitError(`'${rev}': cannot read the suffix '${rest}' (supported: ~N, ^N, ^{commit})`);
    rest = rest.slice(m[0].length);
    let commit = await objects.peelToCommit(oid, rev);
    if (m[1] !== undefined) {
      for (let n = m[1] === '' ? 1 : Number(m[1]); n > 0; n--) commit = await objects.parent(commit, 1, rev);
    } else if (m[3] !== undefined) {
      const n = m[3] === '' ? 1 : Number(m[3]);
      if (n > 0) commit = await objects.parent(commit, n, rev);
    }
    oid = commit;
  }
  return objects.peelToCommit(oid, rev);
}

async function resolveBase(repo: GitRepository, base: string, objects: ObjectReader): Promise<string> {
  if (/^[0-9a-f]{40}$/i.test(base)) return base.toLowerCase();
  if (isValidRefName(base)) {
    for (const name of refCandidates(base)) {
      try {
        const ref = await readRef(repo, name);
        if (ref) return ref.oid;
      } catch (e) {
        if (e instanceof UnbornRefError && name === 'HEAD') {
          throw new GitError(`'${base}': this repository has no commits yet (${e.target.replace(/^refs\/heads\//, 'branch ')} is unborn)`);
        }
        throw e;
      }
    }
  }
  if (/^[0-9a-f]{4,39}$/i.test(base)) {
    const found = await objects.byPrefix(base.toLowerCase());
    if (found) return found;
  }
  throw new GitError(`unknown revision '${base}'${await didYouMean(repo, base)}`);
}

async function didYouMean(repo: GitRepository, name: string): Promise<string> {
  const names = [...new Set((await listRefs(repo).catch(() => [])).map(shortRefName))];
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.min(2, Math.floor(name.length / 2)));
  for (const n of names) {
    // Cheap first: a name whose length differs by more than the bound cannot be close (thousands of refs).
    if (Math.abs(n.length - name.length) > bestDistance) continue;
    const d = editDistance(name, n);
    if (d > 0 && d <= bestDistance && (best === undefined || d < bestDistance)) [best, bestDistance] = [n, d];
  }
  return best ? ` (did you mean '${best}'?)` : '';
}

/** Object reads with the messages a user can act on when an object is not there. */
class ObjectReader {
  private readonly state;
  private shallow?: Promise<Set<string>>;

  constructor(private readonly repo: GitRepository) {
    this.state = repositoryState(repo);
  }

  async peelToCommit(oid: string, rev: string): Promise<string> {
    for (let hops = 0; hops < 20; hops++) {
      const obj = await this.read(oid);
      if (obj.type === 'commit') return oid;
      if (obj.type !== 'tag') throw new GitError(`'${rev}' is a ${obj.type}, not a commit`);
      oid = parseTagTarget(oid, obj.data);
    }
    throw new GitError(`'${rev}' is a chain of more than 20 tags`);
  }

  async parent(commit: string, n: number, rev: string): Promise<string> {
    const { parents } = parseCommit(commit, (await this.read(commit)).data);
    if ((await this.shallowCommits()).has(commit) && parents.length) {
      throw new GitError(`commit ${parents[n - 1] ?? parents[0]} (a parent of ${short(commit)}, asked by '${rev}') is not in this clone ${SHALLOW_HINT(parents[n - 1] ?? parents[0])}`);
    }
    if (parents.length < n) {
      throw new GitError(
        parents.length === 0
          ? `'${rev}': commit ${short(commit)} has no parent (it is the first commit)`
          : `'${rev}': commit ${short(commit)} has ${parents.length} parent${parents.length > 1 ? 's' : ''}, not ${n}`,
      );
    }
    return parents[n - 1];
  }

  /** The one commit or tag (or, failing those, the one object) named by an abbreviation; undefined when none. */
  async byPrefix(prefix: string): Promise<string | undefined> {
    const all = await this.state.store.withPrefix(prefix);
    if (all.length <= 1) return all[0];
    const types = await Promise.all(all.map((oid) => this.state.store.header(oid).then((h) => h.type, () => 'unreadable')));
    const committish = all.filter((_, i) => types[i] === 'commit' || types[i] === 'tag');
    if (committish.length === 1) return committish[0];
    const list = all.map((oid, i) => `${oid.slice(0, 12)} ${types[i]}`).join(', ');
    throw new GitError(`short object ID ${prefix} is ambiguous (${list}); give more digits`);
  }

  private async read(oid: string) {
    try {
      return await this.state.store.read(oid);
    } catch (e) {
      if (e instanceof MissingObjectError) throw await missingObjectError(this.repo, oid, 'commit');
      throw e;
    }
  }

  private shallowCommits(): Promise<Set<string>> {
    this.shallow ??= shallowCommits(this.repo);
    return this.shallow;
  }
}
