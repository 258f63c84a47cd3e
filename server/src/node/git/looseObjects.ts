// Loose objects: objects/xx/yyyy…, zlib-deflated "<type> <size>\0<data>" (gitformat-loose(5)).
import { createHash } from 'crypto';
import { closeSync, fstatSync, openSync, readSync } from 'fs';
import { readdir } from 'fs/promises';
import { join } from 'path';
import { inflateSync, constants } from 'zlib';
import { GitError, asGitError, short } from './gitError';
import { parseLooseHeader, type GitObject, type ObjectHeader, type TooLarge } from './objectTypes';

const looseKey = (objectsDir: string, oid: string) => join(objectsDir, oid.slice(0, 2), oid.slice(2));

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR';

/** The object, or undefined when there is no loose file for it; only its type and size when it is larger than
 *  maxBytes (read from the first inflated bytes, so a huge blob is never inflated whole). A file that does not
 *  inflate, or whose content does not hash to its name, is reported as corrupt. */
export async function readLoose(objectsDir: string, oid: string, maxBytes = Infinity): Promise<GitObject | TooLarge | undefined> {
  let raw: Buffer | TooLarge;
  try {
    raw = readLooseFile(looseKey(objectsDir, oid), oid, maxBytes);
  } catch (e) {
    if (missing(e)) return undefined;
    throw asGitError(e, `object ${short(oid)}`);
  }
  if (!Buffer.isBuffer(raw)) return raw;
  let inflated: Buffer;
  try {
    inflated = inflateSync(raw);
  } catch {
    throw corrupt(oid, 'it does not inflate');
  }
  const header = parseLooseHeader(inflated, short(oid));
  if (inflated.length - header.end !== header.size) throw corrupt(oid, 'its size does not match its header');
  if (createHash('sha1').update(inflated).digest('hex') !== oid) throw corrupt(oid, 'its content does not match its id');
  return { type: header.type, data: inflated.subarray(header.end) };
}

/** The compressed file, or the header alone when the object is over maxBytes. Synchronous: a loose object is a
 *  small file, and a few blocking calls cost less than a thread-pool hop each. */
function readLooseFile(path: string, oid: string, maxBytes: number): Buffer | TooLarge {
  const fd = openSync(path, 'r');
  try {
    const fileSize = fstatSync(fd).size;
    const head = Buffer.alloc(Math.min(HEAD_BYTES, fileSize));
    const headRead = readSync(fd, head, 0, head.length, 0);
    if (maxBytes !== Infinity) {
      const { type, size } = headerOf(head.subarray(0, headRead), oid);
      if (size > maxBytes) return { type, size, tooLarge: true };
    }
    if (headRead === fileSize) return head;
    const raw = Buffer.alloc(fileSize);
    head.copy(raw);
    let got = headRead;
    while (got < raw.length) {
      const n = readSync(fd, raw, got, raw.length - got, got);
      if (!n) break;
      got += n;
    }
    return raw.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/** Type and size from the first bytes only. */
export async function readLooseHeader(objectsDir: string, oid: string): Promise<ObjectHeader | undefined> {
  const found = await readLoose(objectsDir, oid, -1).catch((e) => {
    if (missing(e)) return undefined;
    throw e;
  });
  return found && { type: found.type, size: (found as TooLarge).size };
}

/** Compressed bytes read to find the header: more than a dynamic Huffman block's code tables (at most ~300 bytes)
 *  that precede the first output byte. */
const HEAD_BYTES = 1024;

function headerOf(start: Buffer, oid: string): ObjectHeader {
  let head: Buffer;
  try {
    head = inflateSync(start, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    throw corrupt(oid, 'it does not inflate');
  }
  const { type, size } = parseLooseHeader(head, short(oid));
  return { type, size };
}

/** Loose object ids starting with `prefix` (at least 2 hex digits). */
export async function looseWithPrefix(objectsDir: string, prefix: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(join(objectsDir, prefix.slice(0, 2)));
  } catch {
    return [];
  }
  const rest = prefix.slice(2);
  return names.filter((n) => n.length === 38 && n.startsWith(rest)).map((n) => prefix.slice(0, 2) + n);
}

function corrupt(oid: string, why: string): GitError {
  return new GitError(`object ${oid} is corrupt (${why}); \`git fsck\` tells more`);
}
