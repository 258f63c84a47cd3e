// Object types and the "<type> <size>\0" header of a loose object (gitformat-loose(5)).
import { GitError } from './gitError';

export type ObjectType = 'commit' | 'tree' | 'blob' | 'tag';

export interface GitObject {
  type: ObjectType;
  data: Buffer;
}

export interface ObjectHeader {
  type: ObjectType;
  size: number;
}

/** What a read limited to maxBytes gives for a larger object: its header only. */
export interface TooLarge extends ObjectHeader {
  tooLarge: true;
}

const TYPES = new Set<string>(['commit', 'tree', 'blob', 'tag']);

/** Parses "<type> <size>\0" at the start of an inflated loose object; `end` is the offset of the data. */
export function parseLooseHeader(buf: Buffer, what: string): ObjectHeader & { end: number } {
  const nul = buf.indexOf(0);
  const space = buf.indexOf(0x20);
  if (nul < 0 || space < 0 || space > nul) throw new GitError(`object ${what} is corrupt (no header)`);
  const type = buf.toString('latin1', 0, space);
  const size = Number(buf.toString('latin1', space + 1, nul));
  if (!TYPES.has(type) || !Number.isSafeInteger(size)) throw new GitError(`object ${what} is corrupt (bad header)`);
  return { type: type as ObjectType, size, end: nul + 1 };
}

export const isOid = (s: string): boolean => /^[0-9a-f]{40}$/.test(s);
