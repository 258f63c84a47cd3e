// What a stream resource's analysis produced, remembered by a fingerprint of everything it can depend on
// (fingerprint.ts), so that after an edit only the streams it can affect are analysed again (issue: "model, rules
// and pricing recomputed only for what depends on what changed").
// Bounded two ways (docs/incremental-analysis.md): entries not used by the last KEEP_GENERATIONS analyses of their
// root are dropped, and the entries together stay under a number of bytes (an estimate of each entry's size). When a
// module's results do not fit, the entries the current analyses use are kept and new ones are not admitted: a pass
// then reuses as many results as fit and recomputes the rest, so the hit rate falls gradually with the module's
// size instead of to zero (evicting the least recently used entry would evict exactly what the next pass needs
// first, since every pass visits the streams in the same order).
import type { StreamReport } from '../results';
import type { Placed } from './findings';
import { BlockDigests } from './fingerprint';
import { indexOf, reuseConsumers, snapshotConsumers, type ConsumerIndex, type ConsumerSnapshot } from '../model/consumers';
import type { ModuleInstance } from '../model/moduleInstance';
import type { StreamInstance } from '../model/streams';

export interface CachedResult {
  placed: Placed[];
  report: StreamReport;
}

/** Entries older than this many analyses of their root are dropped (a root re-analysed on every keystroke). */
const KEEP_GENERATIONS = 2;

/**
 * The default bound (docs/incremental-analysis.md). A stream's result is ~5–10 KB by the estimate below (findings with
 * messages and fixes, the cost report): the benchmark's 100,000-line module (1,968 streams) needs 13.8 MB, so 64 MB
 * holds over four times the largest module we claim. (It was 320 MB while every stream of a module with more than
 * 1,000 readers repeated the list of readers past the instance budget, ~240 MB at 100k lines; blocks without
 * count/for_each are no longer charged to that budget.)
 */
export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

interface Entry {
  value: CachedResult;
  root: string;
  generation: number;
  bytes: number;
}

export class ResultCache {
  private readonly entries = new Map<string, Entry>();
  private readonly generations = new Map<string, number>();
  private readonly digests = new Map<string, BlockDigests>();
  private readonly strings = new Map<string, number>();
  /** Each root's last consumer index with the context key it was built under (one per root, small: its links). */
  private readonly consumerIndexes = new Map<string, { context: string; snapshot: ConsumerSnapshot }>();
  private totalBytes = 0;
  /** Reuse counts, for tests and the benchmark; `refused`: results not kept because the bound was reached. */
  readonly stats = { hits: 0, misses: 0, refused: 0 };

  constructor(readonly maxBytes: number = DEFAULT_MAX_BYTES) {}

  /** Estimated bytes held by the entries. */
  get bytes(): number {
    return this.totalBytes;
  }

  get size(): number {
    return this.entries.size;
  }

  /** Start an analysis of `root`; returns its generation number. */
  begin(root: string): number {
    const g = (this.generations.get(root) ?? 0) + 1;
    this.generations.set(root, g);
    for (const [key, e] of this.entries) if (e.root === root && e.generation < g - KEEP_GENERATIONS) this.delete(key, e);
    return g;
  }

  /** The block-text digests of a root's files (fingerprint.ts), kept between its analyses. */
  digestsOf(root: string): BlockDigests {
    let d = this.digests.get(root);
    if (!d) this.digests.set(root, (d = new BlockDigests()));
    return d;
  }

  /** The consumer index of a pass of `root` under `context` (fingerprint.ts's contextKey): the previous pass's when
   *  its context key was the same (no reader target evaluated again), built otherwise. */
  consumers(root: string, context: string, modules: ModuleInstance[], streams: StreamInstance[]): ConsumerIndex {
    const kept = this.consumerIndexes.get(root);
    const reused = kept && kept.context === context ? reuseConsumers(kept.snapshot, modules, streams) : undefined;
    if (reused) {
      this.consumerIndexes.set(root, { context, snapshot: reused.snapshot });
      return reused.index;
    }
    const snapshot = snapshotConsumers(modules, streams);
    this.consumerIndexes.set(root, { context, snapshot });
    return indexOf(snapshot, streams);
  }

  get(key: string, root: string): CachedResult | undefined {
    const e = this.entries.get(key);
    if (e) e.generation = this.generations.get(root) ?? 0;
    if (e) this.stats.hits++;
    else this.stats.misses++;
    return e?.value;
  }

  set(key: string, root: string, value: CachedResult): void {
    const old = this.entries.get(key);
    if (old) this.delete(key, old);
    const added: string[] = [];
    const bytes = 16 + 2 * key.length + estimateBytes(value, (s) => {
      if (!this.strings.has(s)) added.push(s);
    });
    const newStrings = new Set(added);
    let needed = bytes;
    for (const s of newStrings) needed += 16 + 2 * s.length;
    if (this.totalBytes + needed > this.maxBytes) this.evictStale(needed);
    if (this.totalBytes + needed > this.maxBytes) {
      this.stats.refused++;
      return;
    }
    this.entries.set(key, { value, root, generation: this.generations.get(root) ?? 0, bytes });
    this.totalBytes += bytes;
    this.countStrings(value, +1);
  }

  /** Reference counts of the strings the entries hold: each distinct string's bytes are counted once. */
  private countStrings(value: CachedResult, delta: 1 | -1): void {
    estimateBytes(value, (s) => {
      const n = (this.strings.get(s) ?? 0) + delta;
      if (n === 0) {
        this.strings.delete(s);
        this.totalBytes -= 16 + 2 * s.length;
      } else {
        if (n === 1 && delta === 1) this.totalBytes += 16 + 2 * s.length;
        this.strings.set(s, n);
      }
    });
  }

  /** Makes room by dropping entries the current analysis of their root has not used (oldest generations first). */
  private evictStale(needed: number): void {
    const stale = [...this.entries].filter(([, e]) => e.generation < (this.generations.get(e.root) ?? 0));
    stale.sort((a, b) => a[1].generation - b[1].generation);
    for (const [key, e] of stale) {
      if (this.totalBytes + needed <= this.maxBytes) break;
      this.delete(key, e);
    }
  }

  private delete(key: string, e: Entry): void {
    this.entries.delete(key);
    this.totalBytes -= e.bytes;
    this.countStrings(e.value, -1);
  }
}

/**
 * A rough size of a JSON-like value as V8 holds it on 64 bits, without its strings: an object 24 bytes plus 8 per
 * field, an array 48 plus 8 per element, a number that is not a small integer 16. Strings are reported to
 * `onString`: the cache counts each distinct string once (2 bytes per character, the worst case), however many
 * entries hold it. An estimate: the bound is about memory, not exact.
 */
export function estimateBytes(value: unknown, onString: (s: string) => void = () => {}, depth = 0): number {
  switch (typeof value) {
    case 'string':
      onString(value);
      return 0;
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 30 ? 0 : 16;
    case 'object': {
      // Results are plain data; the depth limit only guards against a cycle.
      if (value === null || depth > 64) return 0;
      let n = 0;
      if (Array.isArray(value)) {
        n = 48;
        for (const v of value) n += 8 + estimateBytes(v, onString, depth + 1);
      } else {
        n = 24;
        for (const k in value) n += 8 + estimateBytes((value as Record<string, unknown>)[k], onString, depth + 1);
      }
      return n;
    }
    default:
      return 0;
  }
}
