// The diff of two analyses: streams matched by (root module dir, resource address), findings by their
// location-independent key; per stream its status, cost before → after, delta and drivers; then a total.
import { isExact, sumMoney, type Bound } from '../partial';
import { sumDeltas } from './sumDeltas';
import { costDelta } from './costDelta';
import type { Driver } from './drivers';
import { streamChange, type StreamStatus } from './streamChange';
import type { FindingSide } from './findingSide';
import { streamKey, type StreamSide } from './streamSide';
import { renamedAddress, type Rename } from './renames';
import { findingKey } from './findingSide';

export interface DiffSide {
  streams: StreamSide[];
  findings: FindingSide[];
  /** Terraform `moved` blocks of this side (read from head only): a renamed stream is paired with its old address. */
  renames?: Rename[];
}

export type { StreamStatus } from './streamChange';

export interface StreamDiff {
  root: string;
  address: string;
  status: StreamStatus;
  /** null for an added stream. */
  before: StreamSide | null;
  /** null for a removed stream. */
  after: StreamSide | null;
  /** streamChange's delta: exact, a lower bound, or null (unknown: never $0); exactly 0 when nothing it is priced from changed. */
  delta: Bound;
  /** Empty for added/removed streams. */
  drivers: Driver[];
  /**
   * When the delta is not exact but both sides are priced line by line (a load not declared: usage lines unknown):
   * the change of the lines known on both sides, and the labels of those unknown on either. Null otherwise.
   */
  pricedLines: { deltaUsd: number; unknownLines: string[] } | null;
  /** Findings on this stream (by address) new at head / gone at head. */
  introduced: FindingSide[];
  fixed: FindingSide[];
}

export interface DiffTotal {
  before: Bound;
  after: Bound;
  /** Sum of the streams' deltas: exact when all are; a lower bound when some are and the sum is an increase; else null. */
  delta: Bound;
  /** Sum of the known parts of the deltas that are not unknown (what --fail-on-increase compares). */
  knownDeltaUsd: number;
  /** Streams whose delta is unknown. */
  unknownStreams: number;
  /** Streams whose delta is a lower bound. */
  lowerBoundStreams: number;
}

export interface DiffResult {
  /** Every stream of either side, sorted by root, then address. */
  streams: StreamDiff[];
  /** All findings new at head / gone at head (with or without a resource), sorted by root, file, line. */
  introduced: FindingSide[];
  fixed: FindingSide[];
  total: DiffTotal;
  /** The estimate's assumptions of the streams that changed (head side, or base for a removed one), each once. */
  assumptions: string[];
}

export function diffSides(base: DiffSide, head: DiffSide): DiffResult {
  const renamed = renameBase(base, head);
  const { introduced, fixed } = diffFindings(renamed.findings, head.findings);
  const streams = pairStreams(renamed.streams, head.streams).map(([before, after]) => streamDiff(before, after, introduced, fixed));
  streams.sort((a, b) => compare(a.root, b.root) || compare(a.address, b.address));
  // What the changed streams' figures rest on; an unchanged stream's assumptions explain nothing in this diff.
  const assumptions = unique(streams.filter((s) => s.status !== 'unchanged').flatMap((s) => (s.after ?? s.before)!.assumptions ?? []));
  return { streams, introduced, fixed, total: diffTotal(streams, base.streams, head.streams), assumptions };
}

/**
 * The base as if head's `moved` blocks had been applied: a stream (and its findings) at a moved address takes the
 * new one, when head has a stream there and base has none (Terraform would refuse the move otherwise); the old
 * address is kept in `renamedFrom` so the diff can say it.
 */
function renameBase(base: DiffSide, head: DiffSide): DiffSide {
  const renames = head.renames ?? [];
  if (renames.length === 0) return base;
  const headKeys = new Set(head.streams.map((s) => streamKey(s.root, s.address)));
  const baseKeys = new Set(base.streams.map((s) => streamKey(s.root, s.address)));
  const moves = new Map<string, string>();
  for (const s of base.streams) {
    const to = renamedAddress(renames, s.root, s.address);
    if (to !== undefined && headKeys.has(streamKey(s.root, to)) && !baseKeys.has(streamKey(s.root, to)) && !headKeys.has(streamKey(s.root, s.address))) {
      moves.set(streamKey(s.root, s.address), to);
    }
  }
  const streams = base.streams.map((s) => {
    const to = moves.get(streamKey(s.root, s.address));
    return to === undefined ? s : { ...s, address: to, renamedFrom: s.address };
  });
  const findings = base.findings.map((f) => {
    const to = f.resource === null ? undefined : moves.get(streamKey(f.root, f.resource));
    return to === undefined ? f : { ...f, resource: to, key: findingKey(f.ruleId, to, f.file, f.message) };
  });
  return { streams, findings };
}

/** Same key on both sides → a pair (in order, should one side hold the address twice); the rest added or removed. */
function pairStreams(base: StreamSide[], head: StreamSide[]): [StreamSide | null, StreamSide | null][] {
  const waiting = groupBy(base, (s) => streamKey(s.root, s.address));
  const pairs: [StreamSide | null, StreamSide | null][] = head.map((after) => [waiting.get(streamKey(after.root, after.address))?.shift() ?? null, after]);
  for (const rest of waiting.values()) for (const before of rest) pairs.push([before, null]);
  return pairs;
}

function streamDiff(before: StreamSide | null, after: StreamSide | null, introduced: FindingSide[], fixed: FindingSide[]): StreamDiff {
  const { root, address } = (after ?? before)!;
  const on = (f: FindingSide) => f.root === root && f.resource === address;
  const mine = { introduced: introduced.filter(on), fixed: fixed.filter(on) };
  const { status, delta, drivers } = streamChange(before, after);
  if (!before || !after) return { root, address, status, before, after, delta, pricedLines: null, drivers, ...mine };
  if (before.renamedFrom !== undefined) drivers.unshift({ kind: 'address', before: before.renamedFrom, after: address, text: `renamed from ${before.renamedFrom} (moved block)` });
  // A stream whose figures did not change but whose findings did (a new annotation's advice) is "changed" at $0.
  const changed = status === 'changed' || before.renamedFrom !== undefined || mine.introduced.length > 0 || mine.fixed.length > 0;
  const pricedLines = isExact(delta) ? null : pricedLinesDelta(before, after);
  return { root, address, status: changed ? 'changed' : 'unchanged', before, after, delta, pricedLines, drivers, ...mine };
}

/** Line by line, by component id (a line one side lacks is $0 there): only when both totals are bounded. */
function pricedLinesDelta(before: StreamSide, after: StreamSide): StreamDiff['pricedLines'] {
  if (before.monthlyCost === null || after.monthlyCost === null || !before.components || !after.components) return null;
  const b = new Map(before.components.map((c) => [c.id, c]));
  const a = new Map(after.components.map((c) => [c.id, c]));
  let deltaUsd = 0;
  const unknownLines: string[] = [];
  for (const id of new Set([...b.keys(), ...a.keys()])) {
    const [x, y] = [b.get(id), a.get(id)];
    const [bx, ay] = [x ? x.monthlyUsd : 0, y ? y.monthlyUsd : 0];
    if (bx === null || ay === null) unknownLines.push((y ?? x)!.label);
    else deltaUsd += ay - bx;
  }
  return { deltaUsd: costDelta(0, deltaUsd) as number, unknownLines };
}

/**
 * Findings matched by root + key, as many times as the key occurs on both sides; the surplus at head is
 * introduced, the surplus at base fixed.
 */
export function diffFindings(base: FindingSide[], head: FindingSide[]): { introduced: FindingSide[]; fixed: FindingSide[] } {
  const key = (f: FindingSide) => `${f.root}\u0000${f.key}`;
  const waiting = groupBy(base, key);
  const introduced = head.filter((f) => waiting.get(key(f))?.shift() === undefined);
  const fixed = [...waiting.values()].flat();
  return { introduced: sortFindings(introduced), fixed: sortFindings(fixed) };
}

function diffTotal(streams: StreamDiff[], base: StreamSide[], head: StreamSide[]): DiffTotal {
  return { before: sumMoney(base.map((s) => s.monthlyCost)), after: sumMoney(head.map((s) => s.monthlyCost)), ...sumDeltas(streams.map((s) => s.delta)) };
}

function sortFindings(list: FindingSide[]): FindingSide[] {
  return list.sort((a, b) => compare(a.root, b.root) || compare(a.file, b.file) || a.range.start.line - b.range.start.line
    || a.range.start.character - b.range.start.character || compare(a.ruleId, b.ruleId));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

// Code-unit order, so the output is the same on every machine.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
