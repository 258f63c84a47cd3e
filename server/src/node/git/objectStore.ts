// All objects of a repository: loose objects and packs of its object directory and of every alternate
// (objects/info/alternates, followed recursively like git does). One store per object directory, reused across
// calls; packs are re-listed once when an object is not found (a fetch or gc may have replaced them).
import { readdir, readFile } from 'fs/promises';
import { isAbsolute, join, resolve } from 'path';
import { ByteLru } from './byteLru';
import { GitError, short } from './gitError';
import { looseWithPrefix, readLoose, readLooseHeader } from './looseObjects';
import type { GitObject, ObjectHeader, TooLarge } from './objectTypes';
import { PackFile } from './packFile';
import { PackIndex } from './packIndex';

/** Delta bases kept per store: enough for the chains of a module's files, bounded for a long server session. */
const DELTA_CACHE_BYTES = 32 * 1024 * 1024;
const MAX_ALTERNATE_DEPTH = 5;

export class MissingObjectError extends GitError {
  constructor(readonly oid: string) {
    super(`object ${short(oid)} is not in this repository`);
  }
}

export class ObjectStore {
  private packs?: Promise<PackFile[]>;
  private readonly cache = new ByteLru<GitObject>(DELTA_CACHE_BYTES);
  private dirs?: Promise<string[]>;

  constructor(readonly objectsDir: string) {}

  /** The object directories: this one, then its alternates (depth first, as git reads them). */
  objectDirs(): Promise<string[]> {
    this.dirs ??= alternatesOf(this.objectsDir, 0, new Set());
    return this.dirs;
  }

  async read(oid: string): Promise<GitObject> {
    return (await this.readLimited(oid, Infinity)) as GitObject;
  }

  /** The object, or only its type and size when it is larger than maxBytes (never inflated whole then). */
  async readLimited(oid: string, maxBytes: number): Promise<GitObject | TooLarge> {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (const pack of await this.packList(attempt > 0)) {
        const offset = pack.index.find(oid);
        if (offset !== undefined) return pack.read(offset, (base) => this.read(base), (base) => this.header(base), maxBytes);
      }
      for (const dir of await this.objectDirs()) {
        const loose = await readLoose(dir, oid, maxBytes);
        if (loose) return loose;
      }
    }
    throw new MissingObjectError(oid);
  }

  async header(oid: string): Promise<ObjectHeader> {
    for (let attempt = 0; attempt < 2; attempt++) {
      for (const pack of await this.packList(attempt > 0)) {
        const offset = pack.index.find(oid);
        if (offset !== undefined) return pack.header(offset, (base) => this.header(base));
      }
      for (const dir of await this.objectDirs()) {
        const loose = await readLooseHeader(dir, oid);
        if (loose) return loose;
      }
    }
    throw new MissingObjectError(oid);
  }

  /** Every object whose name starts with the hex prefix (4 to 39 digits), without duplicates. */
  async withPrefix(prefix: string): Promise<string[]> {
    const found = new Set<string>();
    for (const pack of await this.packList(true)) for (const oid of pack.index.withPrefix(prefix)) found.add(oid);
    for (const dir of await this.objectDirs()) for (const oid of await looseWithPrefix(dir, prefix)) found.add(oid);
    return [...found].sort();
  }

  /** Whether any pack was written for a partial clone (a `.promisor` file beside it). */
  async hasPromisorPacks(): Promise<boolean> {
    for (const dir of await this.objectDirs()) {
      const names = await readdir(join(dir, 'pack')).catch(() => [] as string[]);
      if (names.some((n) => n.endsWith('.promisor'))) return true;
    }
    return false;
  }

  async close(): Promise<void> {
    const packs = await this.packs?.catch(() => []);
    this.packs = undefined;
    await Promise.all((packs ?? []).map((p) => p.close()));
  }

  private packList(refresh: boolean): Promise<PackFile[]> {
    if (refresh || !this.packs) {
      const previous = this.packs;
      this.packs = (async () => {
        const old = new Map((await previous?.catch(() => []))?.map((p) => [p.path, p]) ?? []);
        const list: PackFile[] = [];
        for (const dir of await this.objectDirs()) {
          const names = await readdir(join(dir, 'pack')).catch(() => [] as string[]);
          const set = new Set(names);
          for (const name of names.filter((n) => n.endsWith('.idx')).sort()) {
            const packPath = join(dir, 'pack', name.slice(0, -4) + '.pack');
            if (!set.has(name.slice(0, -4) + '.pack')) continue;
            const kept = old.get(packPath);
            if (kept) {
              old.delete(packPath);
              list.push(kept);
            } else {
              list.push(new PackFile(packPath, await PackIndex.open(join(dir, 'pack', name)), this.cache));
            }
          }
        }
        // Packs that disappeared (gc): close their handles.
        for (const gone of old.values()) await gone.close();
        return list;
      })();
    }
    return this.packs;
  }
}

async function alternatesOf(dir: string, depth: number, seen: Set<string>): Promise<string[]> {
  const abs = resolve(dir);
  if (seen.has(abs)) return [];
  seen.add(abs);
  const out = [abs];
  if (depth >= MAX_ALTERNATE_DEPTH) return out;
  let text: string;
  try {
    text = await readFile(join(abs, 'info', 'alternates'), 'utf8');
  } catch {
    return out;
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const path = line.startsWith('"') ? JSON.parse(line) as string : line;
    out.push(...(await alternatesOf(isAbsolute(path) ? path : join(abs, path), depth + 1, seen)));
  }
  return out;
}
