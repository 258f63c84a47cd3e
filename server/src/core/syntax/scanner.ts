// Position layer for HCL native syntax. hcl2json gives values but no positions; this scanner gives the
// exact span of every block, label, attribute and comment (UTF-16 offsets), never throws and is linear.
// Design and validation against tree-sitter: reference/parsing.md §4a.
//
// Two passes: a strict pass reads the text the way HCL does. If it finds the text broken in a way that can
// hide later items (a bracket, block or block comment left open at EOF, or a '}' ending a value whose
// brackets are still open), a second, recovering pass uses indentation to end what was left open, so a
// half-typed value in one block does not swallow the blocks after it (see recovery.ts).
import { LineIndex } from '../text/lineIndex';
import { Ch, identifierEnd, isInlineSpace, skipInlineSpace } from './chars';
import { scanExpression } from './expression';
import { quotedLabelEnd, unquoteLabel } from './labels';
import { equalsFollows } from './recovery';
import { ScanContext } from './scanContext';
import type { ScannedBlock, ScannedBody, ScannedComment, ScannedItem, ScannedLabel, ScanResult } from './scannerTypes';

export type {
  ScannedAttribute,
  ScannedBlock,
  ScannedBody,
  ScannedComment,
  ScannedItem,
  ScannedLabel,
  ScanResult,
  Span,
} from './scannerTypes';

/** Scans HCL native syntax. Never throws; any text (half-typed, binary, hostile) gives a well-formed result. */
export function scan(text: string): ScanResult {
  const lineIndex = new LineIndex(text);
  const strict = new ScanContext(text, lineIndex, false);
  const { body } = scanBodies(strict, 0);
  if (!strict.needsRecovery) {
    const result: ScanResult = { body, comments: strict.comments, maxDepth: strict.maxDepth, lineIndex };
    facts.set(result, { unitDepths: strict.unitDepths, heredocUnterminated: strict.heredocs.unterminated });
    return result;
  }
  const recovering = new ScanContext(text, lineIndex, true);
  const { body: recovered } = scanBodies(recovering, 0);
  // Depth is what HCL itself would see, so it comes from the strict pass.
  return { body: recovered, comments: recovering.comments, maxDepth: Math.max(strict.maxDepth, recovering.maxDepth), lineIndex };
}

/**
 * What an incremental rescan (updateSourceFile.ts) needs to know of a strict scan. A top-level unit is the text
 * before the first item, or an item and what follows it up to the next item.
 */
export interface ScanFacts {
  /** Deepest nesting per unit: the text before the first item, then one per top-level item. */
  unitDepths: number[];
  /** A heredoc without a closing line: its extent depends on the rest of the text, so no part may be kept. */
  heredocUnterminated: boolean;
}

/** Only strict scans (no recovery pass) have facts: a recovered scan is a whole-file judgement. */
const facts = new WeakMap<ScanResult, ScanFacts>();

export function scanFacts(result: ScanResult): ScanFacts | undefined {
  return facts.get(result);
}

export function setScanFacts(result: ScanResult, value: ScanFacts): void {
  facts.set(result, value);
}

/** A strict rescan of part of a text: top-level units from `from` (a unit's start) until `resync` accepts a place. */
export interface RegionScan extends ScanFacts {
  items: ScannedItem[];
  comments: ScannedComment[];
  /** Where the rescan stopped: a place `resync` accepted, or the end of the text. */
  stop: number;
}

/**
 * Scans `text` (whose line index is `lines`) as scan() would, but from `from`, stopping at the first top-level place
 * `resync` accepts. Undefined when the strict pass finds the text broken in a way that needs the recovering pass
 * (something left open), which judges the whole file.
 */
export function scanRegion(text: string, lines: LineIndex, from: number, resync: (pos: number) => boolean): RegionScan | undefined {
  const ctx = new ScanContext(text, lines, false);
  const { body, stop } = scanBodies(ctx, from, resync);
  if (ctx.needsRecovery) return undefined;
  return { items: body.items, comments: ctx.comments, unitDepths: ctx.unitDepths, heredocUnterminated: ctx.heredocs.unterminated, stop };
}

/** An open body: the file's, or a block's until its '}'. */
interface Frame {
  block: ScannedBlock | null;
  body: ScannedBody;
  /** Indentation of the block header's line (-1 for the file). */
  headerIndent: number;
  /** Indentation of the first item that starts a line, or headerIndent + 1 while there is none. */
  itemIndent: number;
  itemIndentKnown: boolean;
}

function scanBodies(ctx: ScanContext, from: number, resync?: (pos: number) => boolean): { body: ScannedBody; stop: number } {
  const text = ctx.text;
  const root: Frame = { block: null, body: { items: [] }, headerIndent: -1, itemIndent: 0, itemIndentKnown: true };
  const frames: Frame[] = [root];
  let pos = from;
  while (true) {
    pos = skipSpaceAndComments(ctx, pos);
    if (pos >= text.length) break;
    if (resync && frames.length === 1 && resync(pos)) break;
    const lineIndent = ctx.indentIfFirstOnLine(pos);
    const c = text.charCodeAt(pos);
    if (ctx.recovering && lineIndent >= 0) closeByIndentation(ctx, frames, pos, lineIndent, c === Ch.RBrace);
    const frame = frames[frames.length - 1];
    if (c === Ch.RBrace) {
      if (frame.block) closeBlock(ctx, frames.pop()!, pos);
      pos++; // a stray '}' at the top level is skipped
      continue;
    }
    if (lineIndent >= 0 && !frame.itemIndentKnown) {
      frame.itemIndent = lineIndent;
      frame.itemIndentKnown = true;
    }
    if (frames.length > 1) {
      pos = scanItem(ctx, frames, pos);
      continue;
    }
    // A top-level item starts a new unit; top-level garbage belongs to the unit it follows.
    const items = root.body.items.length;
    const unitSoFar = ctx.unitDepth;
    ctx.unitDepth = 0;
    pos = scanItem(ctx, frames, pos);
    if (root.body.items.length > items) ctx.unitDepths.push(unitSoFar);
    else ctx.unitDepth = Math.max(unitSoFar, ctx.unitDepth);
  }
  ctx.unitDepths.push(ctx.unitDepth);
  for (let k = frames.length - 1; k > 0; k--) {
    ctx.needsRecovery = true;
    endUnclosed(frames[k], text.length);
  }
  return { body: root.body, stop: Math.min(pos, text.length) };
}

/** Scans an attribute, a block header (pushing its frame) or a garbage line; returns where to go on. */
function scanItem(ctx: ScanContext, frames: Frame[], start: number): number {
  const text = ctx.text;
  const frame = frames[frames.length - 1];
  const depth = frames.length - 1;
  const nameEnd = identifierEnd(text, start);
  if (nameEnd === start) return skipGarbage(ctx, start, depth);
  let p = skipInlineSpace(text, nameEnd);
  const name = text.slice(start, nameEnd);
  const nameSpan = { start, end: nameEnd };
  if (equalsFollows(text, nameEnd)) {
    const afterEquals = p + 1;
    const value = scanExpression(ctx, afterEquals, ctx.indentOfLine(start), depth);
    const valueSpan = value.first < 0 ? { start: afterEquals, end: afterEquals } : { start: value.first, end: value.last };
    frame.body.items.push({ kind: 'attribute', name, nameSpan, valueSpan, span: { start, end: valueSpan.end } });
    return value.stop;
  }
  const labels: ScannedLabel[] = [];
  while (true) {
    const c = text.charCodeAt(p);
    if (c === Ch.LBrace) break;
    const quoted = c === Ch.Quote;
    const end = quoted ? quotedLabelEnd(text, p) : identifierEnd(text, p);
    if (end === p) return skipGarbage(ctx, p, depth);
    const source = text.slice(p, end);
    labels.push({ value: quoted ? unquoteLabel(source) : source, span: { start: p, end }, quoted });
    p = skipInlineSpace(text, end);
  }
  const block: ScannedBlock = {
    kind: 'block',
    type: name,
    typeSpan: nameSpan,
    labels,
    headerSpan: { start, end: p + 1 },
    openBrace: p,
    closeBrace: null,
    span: { start, end: p + 1 },
    oneLine: false,
    body: { items: [] },
  };
  frame.body.items.push(block);
  const headerIndent = ctx.indentOfLine(start);
  frames.push({ block, body: block.body, headerIndent, itemIndent: headerIndent + 1, itemIndentKnown: false });
  ctx.noteDepth(frames.length - 1);
  return p + 1;
}

/** Skips what cannot start an item, as if it were an expression, so its brackets and strings stay balanced. */
function skipGarbage(ctx: ScanContext, start: number, depth: number): number {
  const { stop } = scanExpression(ctx, start, ctx.indentOfLine(start), depth);
  return Math.max(stop, start + 1);
}

function closeBlock(ctx: ScanContext, frame: Frame, closeBrace: number): void {
  const block = frame.block!;
  block.closeBrace = closeBrace;
  block.span = { start: block.span.start, end: closeBrace + 1 };
  const lines = ctx.lines;
  block.oneLine = lines.positionAt(closeBrace).line === lines.positionAt(block.openBrace).line;
}

function endUnclosed(frame: Frame, end: number): void {
  const block = frame.block!;
  block.span = { start: block.span.start, end: Math.max(end, block.headerSpan.end) };
}

/**
 * Recovering pass only: a line indented less than a block's items cannot belong to that block, so blocks
 * left open are ended there. A '}' closes the block whose header is indented like it.
 */
function closeByIndentation(ctx: ScanContext, frames: Frame[], pos: number, indent: number, isBrace: boolean): void {
  let end = -1; // computed once: many blocks can end at the same line
  while (frames.length > 1) {
    const frame = frames[frames.length - 1];
    const outdented = isBrace ? indent < frame.headerIndent : indent <= frame.headerIndent && indent < frame.itemIndent;
    if (!outdented) return;
    if (end < 0) end = ctx.lastContentBefore(pos);
    endUnclosed(frames.pop()!, end);
  }
}

/** Skips whitespace, newlines and comments (recording them). */
function skipSpaceAndComments(ctx: ScanContext, pos: number): number {
  const text = ctx.text;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === Ch.LF || isInlineSpace(c)) pos++;
    else {
      const end = ctx.comment(pos);
      if (end < 0) return pos;
      pos = end;
    }
  }
  return pos;
}
