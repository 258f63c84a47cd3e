// Parsing a file block by block, so that an edit re-parses only the block it touched (the others are answered
// from the parse cache by their text). It is used only where it cannot change hcl2json's verdict: a file made
// of closed top-level blocks, each starting on its own line, with only blank space and comments between them —
// such a file is valid exactly when each of its blocks is. A broken file's errors come from the whole-file parse.
import type { LineIndex } from '../text/lineIndex';
import type { HclDiagnostic, HclParseResult } from './hcl2json';
import type { TextParser } from './parseCache';
import type { ScanResult, ScannedBlock } from './scannerTypes';
import { blockJson } from './sourceFile';

export interface BlockCache {
  has(text: string): boolean;
  seed(text: string, result: HclParseResult): void;
}

interface BlockRef {
  type: string;
  labels: string[];
  scanned: ScannedBlock;
}

/** Whether the file's verdict can be assembled from its top-level blocks. */
export function isBlockwise(scan: ScanResult, text: string): boolean {
  const items = scan.body.items;
  if (items.length === 0 || items.some((i) => i.kind !== 'block' || i.closeBrace === null)) return false;
  const lines = scan.lineIndex;
  let at = 0;
  let lastLine = -1;
  let c = 0;
  const comments = scan.comments;
  for (const item of items) {
    // Only whitespace and comments between the previous block and this one.
    while (c < comments.length && comments[c].span.end <= item.span.start) {
      if (comments[c].span.start >= at && text.slice(at, comments[c].span.start).trim() !== '') return false;
      if (comments[c].span.start >= at) at = comments[c].span.end;
      c++;
    }
    if (text.slice(at, item.span.start).trim() !== '') return false;
    const startLine = lines.positionAt(item.span.start).line;
    if (startLine <= lastLine) return false;
    lastLine = lines.positionAt(item.span.end).line;
    at = item.span.end;
    while (c < comments.length && comments[c].span.start < at) c++;
  }
  for (; c < comments.length; c++) {
    if (text.slice(at, comments[c].span.start).trim() !== '') return false;
    at = comments[c].span.end;
  }
  return text.slice(at).trim() === '';
}

/**
 * Values per block (undefined where a block does not parse), whether each block parses on its own, and the file's
 * syntax errors. When most blocks are new
 * (a file seen for the first time) one whole-file parse is faster; its result is split per block and remembered, so
 * the next edit finds every untouched block in the cache. A failing whole-file parse falls back to block by block,
 * so the errors are the same whichever way a file is parsed.
 */
export async function parseBlocks(
  text: string,
  blocks: BlockRef[],
  lines: LineIndex,
  parser: TextParser & Partial<BlockCache>,
): Promise<{ values: unknown[]; ok: boolean[]; diagnostics: HclDiagnostic[] }> {
  const texts = blocks.map((b) => text.slice(b.scanned.span.start, b.scanned.span.end));
  // Without a cache (a one-off run) block by block has nothing to reuse. A large file is always parsed block by
  // block: one whole-file parse would grow hcl2json's WASM heap for good (reference/parsing.md §1).
  const misses = parser.has ? texts.filter((t) => !parser.has!(t)).length : Infinity;
  // A file none of whose blocks is known (seen for the first time) is parsed whole too: one call, not one per block.
  const fresh = misses >= texts.length || misses > MAX_MISSES_FOR_BLOCKWISE;
  if (fresh && (!parser.has || text.length <= MAX_WHOLE_PARSE_CHARS)) {
    const whole = await parser.parse(text);
    if (whole.ok) return { values: splitWhole(whole.json, blocks, texts, parser), ok: blocks.map(() => true), diagnostics: [] };
  }
  const results = await Promise.all(texts.map((t) => parser.parse(t)));
  const values = results.map((r, i) => (r.ok ? blockJson(r.json, blocks[i]) : undefined));
  const ok = results.map((r) => r.ok);
  if (ok.every(Boolean)) return { values, ok, diagnostics: [] };
  // The errors are hcl2json's for the whole file, as Terraform reports them (it lists fewer than block by block
  // would: the seed's two bad one-line blocks give one error). Only a broken file pays for this parse.
  const whole = await parser.parse(text);
  const diagnostics = !whole.ok
    ? whole.diagnostics
    : results.flatMap((r, i) => (r.ok ? [] : r.diagnostics.map((d) => shift(d, lines.positionAt(blocks[i].scanned.span.start)))));
  return { values, ok, diagnostics };
}

/** More new blocks than this and one whole-file parse beats one round trip per block (about 1 ms each). */
const MAX_MISSES_FOR_BLOCKWISE = 8;
/** A 20,000-line file (450 KB) parsed whole took the server's RSS from ~110 MB to ~270 MB (docs/benchmarks.md). */
const MAX_WHOLE_PARSE_CHARS = 128 * 1024;

function splitWhole(json: Record<string, unknown>, blocks: BlockRef[], texts: string[], cache: Partial<BlockCache>): unknown[] {
  const seen = new Map<string, number>();
  return blocks.map((b, i) => {
    const key = [b.type, ...b.labels].join('\u0000');
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const value = blockJson(json, b, occurrence);
    // What hcl2json would return for this block's text alone.
    cache.seed?.(texts[i], { ok: true, json: nest(b, value) });
    return value;
  });
}

function nest(b: BlockRef, value: unknown): Record<string, unknown> {
  let node: unknown = [value];
  for (let i = b.labels.length - 1; i >= 0; i--) node = { [b.labels[i]]: node };
  return { [b.type]: node };
}

/** Move a diagnostic of a block's text to the block's place in the file (also the positions quoted in its detail). */
function shift(d: HclDiagnostic, origin: { line: number; character: number }): HclDiagnostic {
  const move = (p: { line: number; character: number }) => ({
    line: p.line + origin.line,
    character: p.line === 0 ? p.character + origin.character : p.character,
  });
  const detail = d.detail.replace(/\b(main\.tf:)(\d+),(\d+)(-(?:(\d+),)?(\d+))?/g, (_m, file: string, l: string, col: string, rest?: string, l2?: string, c2?: string) => {
    const line = (n: string) => String(Number(n) + origin.line);
    return `${file}${line(l)},${col}${rest ? `-${l2 ? `${line(l2)},` : ''}${c2}` : ''}`;
  });
  return { summary: d.summary, detail, range: { start: move(d.range.start), end: move(d.range.end) } };
}
