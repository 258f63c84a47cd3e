// A memo of a pure function by text key, bounded by bytes, for the module-wide caches of the typing path (parsed
// expressions, type constraints). Clearing everything when full (what they did before) is a cliff once a module's
// working set exceeds the limit: each analysis then refills the cache and clears it again. Here a full memo stops
// admitting newcomers and keeps what it holds; once it has refused as many newcomers as it holds entries, it drops
// the entries not used since it became full (texts of earlier edits) and admits again. A working set above the
// budget is then served in part (the entries held keep hitting), never not at all.
import { stringBytes } from './approxBytes';

/** Map entry and record, counted per entry on top of the key and the value. */
const ENTRY_OVERHEAD = 96;

export interface MemoStats {
  hits: number;
  misses: number;
  /** Values computed but not kept because the memo was full. */
  refused: number;
  /** Entries dropped as unused. */
  evictions: number;
}

export class BoundedMemo<V> {
  private readonly entries = new Map<string, { value: V; bytes: number; used: boolean }>();
  private used = 0;
  private full = false;
  private refusedSinceFull = 0;
  readonly stats: MemoStats = { hits: 0, misses: 0, refused: 0, evictions: 0 };

  constructor(private readonly maxBytes: number, private readonly valueBytes: (value: V, key: string) => number) {}

  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit) {
      hit.used = true;
      this.stats.hits++;
      return hit.value;
    }
    this.stats.misses++;
    const value = compute();
    const bytes = ENTRY_OVERHEAD + stringBytes(key) + this.valueBytes(value, key);
    if (this.used + bytes > this.maxBytes) {
      if (!this.full) this.becomeFull();
      this.stats.refused++;
      if (++this.refusedSinceFull < Math.max(this.entries.size, 64)) return value;
      this.dropUnused();
      if (this.used + bytes > this.maxBytes) return value;
    }
    this.entries.set(key, { value, bytes, used: false });
    this.used += bytes;
    return value;
  }

  /** From now on, `used` marks what is still in use. */
  private becomeFull(): void {
    this.full = true;
    this.refusedSinceFull = 0;
    for (const entry of this.entries.values()) entry.used = false;
  }

  private dropUnused(): void {
    for (const [key, entry] of this.entries) {
      if (entry.used) continue;
      this.entries.delete(key);
      this.used -= entry.bytes;
      this.stats.evictions++;
    }
    this.full = false;
  }
}
