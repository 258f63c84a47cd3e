// hcl2json results by text. A language server re-analyses a module on every edit, but most of its files (and, when
// a file is broken or new, most of its blocks) did not change: their text is looked up here instead of re-parsed.
//
// Bounded by bytes (key text + an estimate of the result), not by a count of entries: a count is the cliff of
// issue 11 (2,048 entries, and a 2,100-block module re-parsed most of itself on every keystroke). Eviction is LRU
// except within a pass: an analysis scans its module's blocks in the same order every time, and for such a cyclic
// scan larger than the cache LRU evicts exactly the block needed next. So an entry used in the current pass
// (beginPass) is never evicted for a newcomer of the same pass; the newcomer is not kept instead. A module whose
// working set is 1.5× the budget then re-parses about a third of its blocks per pass, not all of them.
import { approxBytes, detached, stringBytes } from '../memory/approxBytes';
import type { HclParseResult } from './hcl2json';
import { isParserFailure } from './hcl2json/failureDiagnostics';
import type { BlockCache } from './blockwise';

export interface TextParser {
  parse(text: string): Promise<HclParseResult>;
}

/**
 * Default budget. The largest module we claim, 100,000 lines (bench/generate.js moduleText(100000), 8,875 blocks,
 * 2.5 MB), has a working set estimated at 11.8 MB (9.3 MB measured on the heap; docs/memory.md); 32 MB leaves room
 * for the rest of a workspace and the previous versions of the blocks being edited.
 */
export const DEFAULT_PARSE_CACHE_BYTES = 32 * 1024 * 1024;
/** Map entry, entry object and promise: counted per entry on top of the key and the result. */
const ENTRY_OVERHEAD = 160;

interface Entry {
  result: Promise<HclParseResult>;
  bytes: number;
  /** The pass that last used it. */
  pass: number;
}

export interface ParseCacheStats {
  /** Texts sent to the inner parser. */
  parses: number;
  hits: number;
  /** Entries dropped to make room. */
  evictions: number;
  /** Results not kept because everything in the cache was in use by the current pass. */
  refused: number;
}

export class CachedParser implements TextParser, BlockCache {
  /** In LRU order: Map iteration order is insertion order, so the first key is the least recently used. */
  private readonly entries = new Map<string, Entry>();
  private used = 0;
  private pass = 0;
  readonly stats: ParseCacheStats = { parses: 0, hits: 0, evictions: 0, refused: 0 };

  constructor(private readonly inner: TextParser, private readonly maxBytes = DEFAULT_PARSE_CACHE_BYTES) {}

  /** Estimated bytes held. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  /** An analysis starts: what it uses from now on is protected from eviction by its own newcomers. Without calls the
   *  cache fills up to its budget and then keeps what it has (bounded, merely no longer learning). */
  beginPass(): void {
    this.pass++;
  }

  parse(text: string): Promise<HclParseResult> {
    const hit = this.entries.get(text);
    if (hit) {
      this.entries.delete(text);
      this.entries.set(text, hit);
      hit.pass = this.pass;
      this.stats.hits++;
      return hit.result;
    }
    this.stats.parses++;
    const result = this.inner.parse(text);
    const key = detached(text);
    // Counted once the result is in: a pending entry holds only its key, which its caller holds too.
    const entry: Entry = { result, bytes: 0, pass: this.pass };
    this.entries.set(key, entry);
    void result.then((r) => {
      if (this.entries.get(key) !== entry) return;
      // A crash or time-out says nothing about the text: let the next request try again.
      if (!r.ok && r.diagnostics.some(isParserFailure)) this.forget(key);
      else this.grow(key, entry, ENTRY_OVERHEAD + stringBytes(key) + approxBytes(r));
    });
    return result;
  }

  has(text: string): boolean {
    return this.entries.has(text);
  }

  /** Remember a result obtained another way (a block's share of a whole-file parse). */
  seed(text: string, result: HclParseResult): void {
    if (this.entries.has(text)) return;
    const key = detached(text);
    const entry: Entry = { result: Promise.resolve(result), bytes: 0, pass: this.pass };
    this.entries.set(key, entry);
    this.grow(key, entry, ENTRY_OVERHEAD + stringBytes(key) + approxBytes(result));
  }

  /** Counts `bytes` for `entry` and makes room: older passes' entries go first, else the entry itself. */
  private grow(key: string, entry: Entry, bytes: number): void {
    entry.bytes += bytes;
    this.used += bytes;
    while (this.used > this.maxBytes) {
      const [oldestKey, oldest] = this.entries.entries().next().value as [string, Entry];
      if (oldest === entry || oldest.pass === this.pass) {
        // Everything older is in use by this pass: keeping the newcomer would evict a block the pass needs again.
        this.forget(key);
        this.stats.refused++;
        return;
      }
      this.forget(oldestKey);
      this.stats.evictions++;
    }
  }

  private forget(text: string): void {
    const entry = this.entries.get(text);
    if (!entry) return;
    this.entries.delete(text);
    this.used -= entry.bytes;
  }
}
