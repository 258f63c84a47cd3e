// Rough heap sizes, for caches bounded by bytes of memory rather than by a count of entries (a count is either too
// small for a large module's working set or unbounded for large entries). Estimates follow V8's layout on 64-bit
// with pointer compression off (an upper bound): a header per object, 8 bytes per slot, strings one byte per
// character unless they hold a character above U+00FF.

const OBJECT_HEADER = 24;
const SLOT = 8;
const STRING_HEADER = 16;
/** Deeper values are rare (hcl2json refuses nesting over 500) and counted as one slot: the walk must not recurse forever. */
const MAX_DEPTH = 600;

/** Bytes of a string held on its own (not as a slice of a larger string). */
export function stringBytes(s: string): number {
  return STRING_HEADER + (/[^\u0000-\u00ff]/.test(s) ? 2 : 1) * s.length;
}

/** Bytes of a JSON-like value (objects, arrays, strings, numbers), counting shared parts once per reference. */
export function approxBytes(value: unknown, depth = 0): number {
  if (typeof value === 'string') return stringBytes(value);
  if (typeof value === 'number') return 16; // a heap number when not a small integer: the larger case
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return SLOT;
  if (Array.isArray(value)) {
    let n = OBJECT_HEADER + SLOT * value.length;
    for (const v of value) n += approxBytes(v, depth + 1);
    return n;
  }
  let n = OBJECT_HEADER;
  for (const key in value) {
    // A property costs its slot and, in a dictionary-mode object (hcl2json's keys are data), its key and details.
    n += 3 * SLOT + stringBytes(key) + approxBytes((value as Record<string, unknown>)[key], depth + 1);
  }
  return n;
}

/** A copy of `s` that does not keep alive the larger string it may have been sliced from (V8 shares the parent's
 *  characters with a slice of 13 characters or more: a cached block text would hold the whole file version). */
export function detached(s: string): string {
  return (' ' + s).slice(1);
}
