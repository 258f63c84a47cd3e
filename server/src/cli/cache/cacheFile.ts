// The --cache file: JSON, one entry per module directory, under a header that says which tool, format version and
// settings wrote it. A file that is not valid JSON, another tool's, another version's or another format's is
// ignored with a warning and rewritten; one with other settings is ignored silently (as ESLint does when the config
// changes). Written atomically (a temporary file, then a rename), so a crash never leaves half a file.
import type { ModuleAnalysis } from '../../core/results';
import { TOOL_NAME, VERSION } from '../../core/version';
import type { PlannedRoot } from '../parallel/moduleRunner';
import type { Dependencies } from './fingerprints';

/** Bumped when an entry's shape or meaning changes. */
export const CACHE_FORMAT = 1;

export interface CacheEntry {
  planned: PlannedRoot;
  deps: Dependencies;
  /** The module's analysis as a root; absent when another listed module calls it. */
  analysis?: ModuleAnalysis;
}

interface CacheFileJson {
  tool: string;
  format: number;
  version: string;
  settings: string;
  entries: Record<string, CacheEntry>;
}

export interface CacheStore {
  read(file: string): Promise<string | undefined>;
  write(file: string, text: string): Promise<void>;
}

// Results may hold numbers JSON cannot (a zero-shard stream's peak utilisation is Infinity).
const NUMBER_MARK = '\u0000number:';

/** The entries usable with `settings`; {} (with a warning when the file exists but cannot be used) otherwise.
 *  `usable`: the file was read and holds entries for these settings. */
export async function readCacheFile(store: CacheStore, file: string, settings: string, warn: (message: string) => void): Promise<{ entries: Record<string, CacheEntry>; usable: boolean }> {
  const unusable = { entries: {}, usable: false };
  const text = await store.read(file);
  if (text === undefined) return unusable;
  let json: Partial<CacheFileJson>;
  try {
    json = text.includes(NUMBER_MARK) ? JSON.parse(text, revive) : JSON.parse(text);
  } catch {
    warn(`the cache file ${file} is corrupt (not JSON); it is ignored and will be rewritten`);
    return unusable;
  }
  if (typeof json !== 'object' || json === null || json.tool !== TOOL_NAME || typeof json.entries !== 'object' || json.entries === null) {
    warn(`${file} is not a ${TOOL_NAME} cache file; it is ignored and will be overwritten`);
    return unusable;
  }
  if (!Object.values(json.entries).every(isEntry)) {
    warn(`the cache file ${file} is corrupt (an entry of an unknown shape); it is ignored and will be rewritten`);
    return unusable;
  }
  if (json.version !== VERSION || json.format !== CACHE_FORMAT) {
    warn(`the cache file ${file} was written by ${TOOL_NAME} ${String(json.version)} (cache format ${String(json.format)}); it is ignored and will be rewritten`);
    return unusable;
  }
  return json.settings === settings ? { entries: json.entries, usable: true } : unusable;
}

export function writeCacheFile(store: CacheStore, file: string, settings: string, entries: Record<string, CacheEntry>): Promise<void> {
  const json: CacheFileJson = { tool: TOOL_NAME, format: CACHE_FORMAT, version: VERSION, settings, entries };
  return store.write(file, JSON.stringify(json, replace));
}

function isEntry(value: unknown): value is CacheEntry {
  const e = value as Partial<CacheEntry> | null;
  const isRecord = (r: unknown) => typeof r === 'object' && r !== null && !Array.isArray(r);
  return isRecord(e) && isRecord(e?.deps?.files) && isRecord(e?.deps?.dirs) && typeof e?.planned?.dir === 'string'
    && Array.isArray(e.planned.calls) && Array.isArray(e.planned.variables) && (e.analysis === undefined || isRecord(e.analysis));
}

function replace(_key: string, value: unknown): unknown {
  return typeof value === 'number' && !Number.isFinite(value) ? `${NUMBER_MARK}${value}` : value;
}

function revive(_key: string, value: unknown): unknown {
  return typeof value === 'string' && value.startsWith(NUMBER_MARK) ? Number(value.slice(NUMBER_MARK.length)) : value;
}
