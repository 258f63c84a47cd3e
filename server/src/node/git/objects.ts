// The few fields of commits and tags the reader needs (gitformat-commit: "tree <oid>", "parent <oid>"…; tag:
// "object <oid>", "type <type>"), read from the header lines before the first blank line.
import { GitError, short } from './gitError';

export interface Commit {
  tree: string;
  parents: string[];
}

function headerLines(data: Buffer): string[] {
  const end = data.indexOf('\n\n');
  return data.toString('utf8', 0, end < 0 ? data.length : end).split('\n');
}

export function parseCommit(oid: string, data: Buffer): Commit {
  let tree: string | undefined;
  const parents: string[] = [];
  for (const line of headerLines(data)) {
    if (line.startsWith('tree ')) tree = line.slice(5);
    else if (line.startsWith('parent ')) parents.push(line.slice(7));
  }
  if (!tree || !/^[0-9a-f]{40}$/.test(tree) || parents.some((p) => !/^[0-9a-f]{40}$/.test(p))) {
    throw new GitError(`commit ${short(oid)} is corrupt (no valid tree line); \`git fsck\` tells more`);
  }
  return { tree, parents };
}

export function parseTagTarget(oid: string, data: Buffer): string {
  const line = headerLines(data).find((l) => l.startsWith('object '));
  const target = line?.slice(7);
  if (!target || !/^[0-9a-f]{40}$/.test(target)) throw new GitError(`tag ${short(oid)} is corrupt (no object line)`);
  return target;
}
