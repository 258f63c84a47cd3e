// Re-parse of an edited file that redoes only the top-level items the edit touched (docs/incremental-parsing.md).
// The previous SourceFile of the same path gives the scan, HclBlocks and values of every other item: those before
// the edit are kept as they are, those after it are kept with their offsets shifted. Only the touched region is
// scanned, joined and parsed again; the line index is updated, not rebuilt. The result equals parseSourceFile of the
// new text exactly (test/syntax/incrementalSourceFile.test.ts); where that cannot be guaranteed cheaply (the edit
// leaves something open, the previous scan needed its recovery pass) the file is parsed from scratch.
//
// The previous SourceFile is consumed: its kept HclBlocks (identity preserved, so later stages can memoize by
// object) now belong to the new file, with the new positions. It must not be used, nor updated from, again.
import { LineIndex } from '../text/lineIndex';
import { flatten } from '../text/flatten';
import { tick } from '../timeSlice';
import { parseBlocks, isBlockwise } from './blockwise';
import type { TextParser } from './parseCache';
import { detachScanStrings } from './detachScan';
import { commonPrefix, commonSuffix } from '../text/commonEnds';
import { scanFacts, scanRegion, setScanFacts, type RegionScan, type ScanFacts } from './scanner';
import type { ScannedItem, ScanResult, Span } from './scannerTypes';
import { Ch, isInlineSpace } from './chars';
import {
  applyValues,
  blockJson,
  dig,
  joinBody,
  parsedAlone,
  parseSourceFile,
  recoverBlockValues,
  type HclAttribute,
  type HclBlock,
  type SourceFile,
} from './sourceFile';

/** What the last update of a file did (for tests and docs: work proportional to the edit is asserted by counts). */
export interface UpdateStats {
  /** False when the file was parsed from scratch; `reason` says why. */
  incremental: boolean;
  reason?: string;
  /** Top-level items (blocks or attributes) scanned again; every other one was kept. */
  rescannedItems: number;
  keptItems: number;
  /** Kept items after the edit, whose offsets were shifted. */
  shiftedItems: number;
  /** Top-level blocks joined with values again (new ones and kept ones whose values had to be recomputed). */
  rejoinedBlocks: number;
  /** Top-level blocks whose text was asked of the parser (through the parse cache). */
  parsedBlocks: number;
  /** Whether the whole text was given to the parser (a broken or not blockwise file: the verdict comes from it). */
  wholeParse: boolean;
}

const stats = new WeakMap<SourceFile, UpdateStats>();
const consumed = new WeakSet<SourceFile>();

export function updateStats(file: SourceFile): UpdateStats | undefined {
  return stats.get(file);
}

/** Whether an update took this file's parts (it must then not be reused: its blocks carry another file's positions). */
export function isConsumed(file: SourceFile): boolean {
  return consumed.has(file);
}

/**
 * The SourceFile of `text`, made from `previous` (the same path's last SourceFile) where the edit allows it, from
 * scratch otherwise. Equal to parseSourceFile(path, text, parser) in every case.
 */
export async function reparseSourceFile(path: string, text: string, parser: TextParser, previous?: SourceFile): Promise<SourceFile> {
  if (previous) await tick();
  // Planned and committed without a pause between: nothing else can take the previous file's parts in the meantime.
  const plan = previous ? planUpdate(previous, path, text) : 'no previous file';
  if (typeof plan === 'string') {
    const file = await parseSourceFile(path, text, parser);
    stats.set(file, { incremental: false, reason: plan, rescannedItems: file.scan.body.items.length, keptItems: 0, shiftedItems: 0, rejoinedBlocks: file.blocks.length, parsedBlocks: file.blocks.length, wholeParse: true });
    return file;
  }
  const file = commit(plan);
  const s: UpdateStats = {
    incremental: true,
    rescannedItems: plan.region.items.length,
    keptItems: plan.prefixItems + plan.suffix.items.length,
    shiftedItems: plan.delta === 0 ? 0 : plan.suffix.items.length,
    rejoinedBlocks: plan.regionBlocks.length,
    parsedBlocks: 0,
    wholeParse: false,
  };
  if (isBlockwise(file.scan, text)) await blockwiseValues(file, new Set(plan.regionBlocks), parser, s);
  else await wholeFileValues(file, plan.regionBlocks, parser, s);
  stats.set(file, s);
  return file;
}

interface Plan {
  previous: SourceFile;
  path: string;
  text: string;
  lines: LineIndex;
  delta: number;
  /** Old top-level items kept before the region (items[0, prefixItems)). */
  prefixItems: number;
  /** The region starts at the start of the text (the text before the first item was rescanned too). */
  fromStart: boolean;
  prefixBlocks: HclBlock[];
  region: RegionScan;
  /** New HclBlocks of the region's blocks, joined without values. */
  regionBlocks: HclBlock[];
  /** Old items kept after the region (offsets to shift by delta) and their comments. */
  suffix: { items: ScannedItem[]; blocks: HclBlock[]; firstComment: number; firstUnit: number };
  /** Old comments before the region. */
  prefixComments: number;
  facts: ScanFacts;
}

/** Everything that can fail, without touching the previous file: a Plan, or why the file must be parsed whole. */
function planUpdate(previous: SourceFile, path: string, text: string): Plan | string {
  if (previous.path !== path) return 'another file';
  if (previous.syntax === 'json') return 'JSON syntax';
  if (consumed.has(previous)) return 'the previous file was already updated';
  const facts = scanFacts(previous.scan);
  if (!facts) return 'the previous scan needed its recovery pass';
  if (facts.heredocUnterminated) return 'the previous text has a heredoc without a closing line';
  const items = previous.scan.body.items;
  if (facts.unitDepths.length !== items.length + 1 || previous.lines !== previous.scan.lineIndex) return 'no scan facts';
  const old = flatten(previous.text);
  flatten(text);

  // The changed range: [start, oldEnd) of the old text became [start, newEnd) of the new one.
  let start = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - start);
  let oldEnd = old.length - suffix;
  let newEnd = text.length - suffix;
  // The unit holding the edit's start: the last item starting at or before it (-1: the text before the first item).
  let f = firstStartingAtOrAfter(items, start + 1) - 1; // the last item starting at or before `start`
  // A pure insertion or deletion of whole items often shows as starting inside the next item (`resource "` is common
  // to both): when the changed text can slide back to that item's start, it does, and that item is kept.
  if ((oldEnd === start || newEnd === start) && f >= 0 && items[f].span.start < start) {
    const changed = oldEnd === start ? text : old;
    const end = oldEnd === start ? newEnd : oldEnd;
    const t = start - items[f].span.start;
    let i = 1;
    while (i <= t && changed.charCodeAt(start - i) === changed.charCodeAt(end - i)) i++;
    if (i > t) {
      start -= t;
      oldEnd -= t;
      newEnd -= t;
    }
  }
  // Rescan from an item that begins its line: the unit before it then ended at a line break, so nothing of its scan
  // looked at the edited text.
  while (f >= 0 && !beginsLine(old, items[f].span.start)) f--;
  const from = f >= 0 ? items[f].span.start : 0;

  const lines = LineIndex.afterEdit(previous.lines, text, start, oldEnd, newEnd);
  const delta = newEnd - oldEnd;
  // Resynchronise at the first old item after the edit that the rescan reaches at the top level at the same
  // (shifted) place: scanning from there on is the old scan, shifted.
  let j = firstStartingAtOrAfter(items, oldEnd);
  const region = scanRegion(text, lines, from, (pos) => {
    while (j < items.length && items[j].span.start + delta < pos) j++;
    return j < items.length && items[j].span.start + delta === pos;
  });
  if (!region) return 'the edit leaves something open (the whole file is judged by the recovery pass)';
  detachScanStrings(region.items, region.comments);
  const resync = region.stop < text.length ? j : items.length;

  const prefixItems = Math.max(f, 0);
  const prefixBlocks: HclBlock[] = [];
  const suffixBlocks: HclBlock[] = [];
  let b = 0;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.kind !== 'block') continue;
    const block = previous.blocks[b++];
    if (block?.scanned !== item) return 'blocks out of step with the scan';
    if (i < prefixItems) prefixBlocks.push(block);
    else if (i >= resync) suffixBlocks.push(block);
  }
  if (b !== previous.blocks.length) return 'blocks out of step with the scan';
  const comments = previous.scan.comments;
  const prefixComments = firstStartingAtOrAfter(comments, from);
  const firstComment = resync < items.length ? firstStartingAtOrAfter(comments, items[resync].span.start) : comments.length;
  return {
    previous,
    path,
    text,
    lines,
    delta,
    prefixItems,
    fromStart: f < 0,
    prefixBlocks,
    region,
    regionBlocks: [],
    suffix: { items: items.slice(resync), blocks: suffixBlocks, firstComment, firstUnit: resync + 1 },
    prefixComments,
    facts,
  };
}

/** Builds the new file from the plan: from here on the previous file is consumed (its kept parts move over). */
function commit(plan: Plan): SourceFile {
  const { previous, text, delta, region, suffix, facts } = plan;
  consumed.add(previous);
  const oldComments = previous.scan.comments;
  const suffixComments = oldComments.slice(suffix.firstComment);
  if (delta !== 0) {
    for (const item of suffix.items) shiftItem(item, delta);
    for (const c of suffixComments) shiftSpan(c.span, delta);
  }
  // Unit depths: the region's leading text belongs to the unit before it (none when the region starts the text).
  const unitDepths = plan.fromStart ? [region.unitDepths[0]] : facts.unitDepths.slice(0, plan.prefixItems + 1);
  if (!plan.fromStart) unitDepths[unitDepths.length - 1] = Math.max(unitDepths[unitDepths.length - 1], region.unitDepths[0]);
  unitDepths.push(...region.unitDepths.slice(1), ...facts.unitDepths.slice(suffix.firstUnit));
  const scan: ScanResult = {
    body: { items: [...previous.scan.body.items.slice(0, plan.prefixItems), ...region.items, ...suffix.items] },
    comments: [...oldComments.slice(0, plan.prefixComments), ...region.comments, ...suffixComments],
    maxDepth: unitDepths.reduce((m, d) => Math.max(m, d), 0),
    lineIndex: plan.lines,
  };
  setScanFacts(scan, { unitDepths, heredocUnterminated: region.heredocUnterminated });
  const file: SourceFile = {
    path: plan.path,
    text,
    scan,
    lines: plan.lines,
    eol: text[text.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n',
    blocks: [],
    attributes: new Map(),
    syntaxErrors: [],
  };
  for (const block of plan.prefixBlocks) retarget(block, file);
  for (const block of suffix.blocks) retarget(block, file);
  joinBody(file, { items: region.items }, undefined, plan.regionBlocks, new Map());
  file.blocks = [...plan.prefixBlocks, ...plan.regionBlocks, ...suffix.blocks];
  // Top-level arguments (.tfvars) are few: rebuilt in order, as a from-scratch join sets them.
  for (const item of scan.body.items) {
    if (item.kind === 'attribute') file.attributes.set(item.name, { name: item.name, file, scanned: item, json: undefined });
  }
  return file;
}

/** A blockwise file: kept blocks keep values and verdicts; only blocks without a known verdict are parsed. */
async function blockwiseValues(file: SourceFile, fresh: Set<HclBlock>, parser: TextParser, s: UpdateStats): Promise<void> {
  const need = file.blocks.filter((b) => fresh.has(b) || !parsedAlone.has(b));
  s.parsedBlocks = need.length;
  const results = await Promise.all(need.map((b) => parser.parse(file.text.slice(b.scanned.span.start, b.scanned.span.end))));
  for (const [i, block] of need.entries()) {
    const r = results[i];
    const value = r.ok ? blockJson(r.json, block) : undefined;
    // A new block was joined without values; a kept one may hold values from a whole-file parse: joined again.
    if (value || !fresh.has(block)) applyValues(block, value);
    if (!fresh.has(block)) s.rejoinedBlocks++;
    parsedAlone.set(block, r.ok);
  }
  if (file.blocks.every((b) => parsedAlone.get(b))) return;
  // A broken file: its errors come from the same code as a from-scratch parse (the whole file's, as Terraform says).
  s.wholeParse = true;
  file.syntaxErrors = (await parseBlocks(file.text, file.blocks, file.lines, parser)).diagnostics;
}

/** Not blockwise: values and verdict come from the whole file, as parseSourceFile does; every block is joined again. */
async function wholeFileValues(file: SourceFile, fresh: HclBlock[], parser: TextParser, s: UpdateStats): Promise<void> {
  s.wholeParse = true;
  s.rejoinedBlocks = file.blocks.length;
  for (const block of file.blocks) parsedAlone.delete(block);
  const whole = await parser.parse(file.text);
  if (whole.ok) {
    const seen = new Map<string, number>();
    for (const block of file.blocks) {
      const key = [block.type, ...block.labels].join('\u0000');
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      applyValues(block, dig(whole.json[block.type], block.labels)?.[index]);
    }
    for (const attr of file.attributes.values()) attr.json = whole.json[attr.name];
    return;
  }
  file.syntaxErrors = whole.diagnostics;
  const isFresh = new Set(fresh);
  for (const block of file.blocks) if (!isFresh.has(block)) applyValues(block, undefined);
  s.parsedBlocks = file.blocks.length;
  await Promise.all(file.blocks.map((block) => recoverBlockValues(file, block, parser)));
}

/** Moves a scanned item and everything in it by `delta`, in place (the scanner shares no span between two fields). */
function shiftItem(root: ScannedItem, delta: number): void {
  const work: ScannedItem[] = [root];
  for (let item = work.pop(); item; item = work.pop()) {
    shiftSpan(item.span, delta);
    if (item.kind === 'attribute') {
      shiftSpan(item.nameSpan, delta);
      shiftSpan(item.valueSpan, delta);
      continue;
    }
    shiftSpan(item.typeSpan, delta);
    shiftSpan(item.headerSpan, delta);
    item.openBrace += delta;
    if (item.closeBrace !== null) item.closeBrace += delta;
    for (const label of item.labels) shiftSpan(label.span, delta);
    for (const child of item.body.items) work.push(child);
  }
}

function shiftSpan(span: Span, delta: number): void {
  span.start += delta;
  span.end += delta;
}

/** A kept block (and everything joined in it) now belongs to `file`. */
function retarget(root: HclBlock, file: SourceFile): void {
  const work: HclBlock[] = [root];
  for (let block = work.pop(); block; block = work.pop()) {
    block.file = file;
    for (const attr of block.attributes.values()) (attr as HclAttribute).file = file;
    for (const child of block.blocks) work.push(child);
  }
}

/** Whether only inline space (or nothing) precedes `pos` on its line, as the scanner sees lines (LF ends them). */
function beginsLine(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && isInlineSpace(text.charCodeAt(i - 1))) i--;
  return i === 0 || text.charCodeAt(i - 1) === Ch.LF;
}

/** The index of the first of `list` (sorted by start) that starts at or after `offset`; list.length when none does. */
function firstStartingAtOrAfter(list: { span: { start: number } }[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].span.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
