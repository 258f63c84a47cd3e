// `diff --base REF`: the module directories under the PATHs as they are at REF, read from the repository's objects
// by the in-process git reader (never a git process: a repository's config can run commands). The Terraform and
// tfvars files are the commit's; .kinesis-lint.json and price tables are today's (node/sameConfigHost.ts).
import { dirname, relative, resolve, sep } from 'path';
import type { DiffSide } from '../../core/diff';
import type { Host } from '../../core/types';
import { commitTreeHost, locateRepository, releaseRepository, resolveRevision } from '../../node/git';
import { findModuleDirs } from '../../node/findModules';
import { analysisSide } from './analysisSide';
import { sameConfigHost } from '../../node/sameConfigHost';

export interface GitBase {
  ref: string;
  commit: string;
}

export type GitBaseResult = { ok: true; side: DiffSide; base: GitBase } | { ok: false; error: string };

export interface GitBaseInput {
  ref: string;
  paths: readonly string[];
  cwd: string;
  /** The disk as the head side reads it (bound to the PATHs with --untrusted). */
  disk: Host;
  /** Wraps the base host as the head's is wrapped (--untrusted), or returns it. */
  bind(host: Host): Host;
  /** Analyses the module dirs through `host` with the head's options (same config, region, price table). */
  analyze(host: Host, dirs: string[]): Promise<import('../../core/results').ModuleAnalysis[]>;
}

export async function gitBaseSide(input: GitBaseInput): Promise<GitBaseResult> {
  const { ref, paths, cwd, disk } = input;
  const absolute = paths.map((p) => resolve(cwd, p));
  const start = (await disk.readDir(absolute[0])) ? absolute[0] : dirname(absolute[0]);
  const located = await locateRepository(start);
  if (!located.repo) return { ok: false, error: `--base needs a git repository: ${located.problem}` };
  const repo = located.repo;
  try {
    const outside = paths.find((_, i) => isOutside(repo.workTree, absolute[i]));
    if (outside !== undefined) return { ok: false, error: `--base: '${outside}' is outside the repository ${repo.workTree}` };
    const resolved = await resolveRevision(repo, ref);
    if (!resolved.ok) return { ok: false, error: `--base: ${resolved.error}` };
    const damaged: string[] = [];
    const tree = commitTreeHost(repo, resolved.commit, disk, (file, problem) => damaged.push(`${relative(cwd, file) || '.'}: ${problem}`));
    const host = input.bind(sameConfigHost(tree, disk));
    // A PATH that does not exist at the base (a module added by the change) has no streams there: all "added".
    const dirs = new Set<string>();
    for (const path of paths) {
      const search = await findModuleDirs([path], cwd, host);
      if (search.ok) search.dirs.forEach((d) => dirs.add(d));
    }
    const analyses = dirs.size > 0 ? await input.analyze(host, [...dirs].sort()) : [];
    // A base with a file missing would show that file's streams as added and its findings as fixed: no diff at all.
    if (damaged.length > 0) return { ok: false, error: `--base: the repository could not give ${ref} whole; ${damaged[0]}${damaged.length > 1 ? ` (and ${damaged.length - 1} more)` : ''}` };
    return { ok: true, side: analysisSide(analyses, cwd), base: { ref, commit: resolved.commit } };
  } finally {
    await releaseRepository(repo); // closes the pack files, or the process would wait on them
  }
}

function isOutside(root: string, path: string): boolean {
  const rel = relative(resolve(root), path);
  return rel === '..' || rel.startsWith(`..${sep}`) || resolve(rel) === rel;
}
