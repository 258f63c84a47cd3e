// hcl2json results by text. A language server re-analyses a module on every edit, but most of its files (and, when
// a file is broken, most of its blocks) did not change: their text is looked up here instead of being re-parsed.
import type { HclParseResult } from './hcl2json';
import { isParserFailure } from './hcl2json/failureDiagnostics';
import type { BlockCache } from './blockwise';

export interface TextParser {
  parse(text: string): Promise<HclParseResult>;
}

/** Enough for the files of a large workspace; the oldest entries go first. */
const MAX_ENTRIES = 2048;
/** Keep at most this many characters of source as keys (results are smaller than their text). */
const MAX_CHARS = 64 * 1024 * 1024;

export class CachedParser implements TextParser, BlockCache {
  private readonly entries = new Map<string, Promise<HclParseResult>>();
  private chars = 0;

  constructor(private readonly inner: TextParser) {}

  parse(text: string): Promise<HclParseResult> {
    const hit = this.entries.get(text);
    if (hit) {
      // Refresh its place: Map iteration order is insertion order, so the first key is the least recently used.
      this.entries.delete(text);
      this.entries.set(text, hit);
      return hit;
    }
    const result = this.inner.parse(text);
    this.entries.set(text, result);
    this.chars += text.length;
    void result.then((r) => {
      // A crash or time-out says nothing about the text: let the next request try again.
      if (!r.ok && r.diagnostics.some(isParserFailure)) this.forget(text);
    });
    this.evict();
    return result;
  }

  has(text: string): boolean {
    return this.entries.has(text);
  }

  /** Remember a result obtained another way (a block's share of a whole-file parse). */
  seed(text: string, result: HclParseResult): void {
    if (this.entries.has(text)) return;
    this.entries.set(text, Promise.resolve(result));
    this.chars += text.length;
    this.evict();
  }

  private evict(): void {
    while (this.entries.size > MAX_ENTRIES || this.chars > MAX_CHARS) this.forget(this.entries.keys().next().value as string);
  }

  private forget(text: string): void {
    if (this.entries.delete(text)) this.chars -= text.length;
  }
}
