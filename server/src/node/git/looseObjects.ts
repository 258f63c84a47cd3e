// Loose objects: objects/xx/yyyy…, zlib-deflated "<type> <size>\0<data>" (gitformat-loose(5)).
import { createHash } from 'crypto';
import { open, readdir, readFile } from 'fs/promises';
import { join } from 'path';
import { inflateSync, constants } from 'zlib';
import { GitError, asGitError, short } from './gitError';
import { parseLooseHeader, type GitObject, type ObjectHeader } from './objectTypes';

const looseKey = (objectsDir: string, oid: string) => join(objectsDir, oid.slice(0, 2), oid.slice(2));

const missing = (e: unknown) => (e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR';

/** The object, or undefined when there is no loose file for it. A file that does not inflate, or whose content does
 *  not hash to its name, is reported as corrupt. */
export async function readLoose(objectsDir: string, oid: string): Promise<GitObject | undefined> {
  let raw: Buffer;
  try {
    raw = await readFile(looseKey(objectsDir, oid));
  } catch (e) {
    if (missing(e)) return undefined;
    throw asGitError(e, `object ${short(oid)}`);
  }
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

/** Type and size from the first bytes only, so a huge blob is refused before it is inflated. */
export async function readLooseHeader(objectsDir: string, oid: string): Promise<ObjectHeader | undefined> {
  let handle;
  try {
    handle = await open(looseKey(objectsDir, oid), 'r');
  } catch (e) {
    if (missing(e)) return undefined;
    throw asGitError(e, `object ${short(oid)}`);
  }
  try {
    const buf = Buffer.alloc(512);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    let head: Buffer;
    try {
      head = inflateSync(buf.subarray(0, bytesRead), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      throw corrupt(oid, 'it does not inflate');
    }
    const { type, size } = parseLooseHeader(head, short(oid));
    return { type, size };
  } finally {
    await handle.close().catch(() => undefined);
  }
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
