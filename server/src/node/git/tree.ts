// Tree objects: entries "<octal mode> <name>\0<20-byte object name>", sorted by name (gitformat-tree). Modes:
// 40000 a directory, 100644/100755 a file, 120000 a symbolic link (the blob is its target), 160000 a gitlink
// (a submodule's commit, whose objects live in another repository).
import { GitError, short } from './gitError';

export type EntryKind = 'tree' | 'blob' | 'symlink' | 'gitlink';

export interface TreeEntry {
  kind: EntryKind;
  oid: string;
}

export function parseTree(oid: string, data: Buffer): Map<string, TreeEntry> {
  const entries = new Map<string, TreeEntry>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const nul = data.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 21 > data.length) throw new GitError(`tree ${short(oid)} is corrupt; \`git fsck\` tells more`);
    const mode = data.toString('latin1', at, space);
    const name = data.toString('utf8', space + 1, nul);
    entries.set(name, { kind: kindOf(mode), oid: data.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return entries;
}

function kindOf(mode: string): EntryKind {
  if (mode === '40000' || mode === '040000') return 'tree';
  if (mode === '120000') return 'symlink';
  if (mode === '160000') return 'gitlink';
  return 'blob';
}
