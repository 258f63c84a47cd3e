// How a delta against the base is written on each surface: the stream hover's line, the code lens suffix and the
// status bar's workspace figure. Money through core/pricing/format.ts; a decrease with a minus sign; a lower bound
// says "at least"; unknown says why, never $0.
import type { Bound } from '../../core/partial';
import { formatDelta, sumDeltas } from '../../core/diff';
import type { StreamDelta } from './streamDelta';

/** "+$21.90/mo", "-$10.95/mo", "at least +$21.90/mo" (the diff's words); null for unknown. */
export function deltaMoney(b: Bound, per = '/mo'): string | null {
  return b === null ? null : formatDelta(b, per);
}

const isZero = (b: Bound) => b === 0;

/** The hover's line, or undefined when there is nothing to say (no change, or a change that costs nothing). */
export function hoverDeltaLine(d: StreamDelta, against: string): string | undefined {
  if (d.kind === 'unchanged') return undefined;
  const drivers = d.drivers.length ? ` (${d.drivers.join(', ')})` : '';
  if (d.kind === 'added') {
    const money = deltaMoney(d.delta);
    return `**new since ${against}**${money ? ` (${money})` : ''}`;
  }
  if (d.delta === null) return `cost change vs ${against} unknown: ${d.unknownWhy ?? 'cost unknown'}${drivers}`;
  if (isZero(d.delta)) return undefined;
  return `**${deltaMoney(d.delta)} vs ${against}**${drivers}`;
}

/** Appended to the stream's code lens title: " · +$21.90/mo vs HEAD", " · new since HEAD"; '' when unchanged. */
export function lensDeltaSuffix(d: StreamDelta, against: string): string {
  if (d.kind === 'unchanged') return '';
  if (d.kind === 'added') return ` · new since ${against}`;
  if (d.delta === null) return ` · cost change vs ${against} unknown`;
  if (isZero(d.delta)) return '';
  return ` · ${deltaMoney(d.delta)} vs ${against}`;
}

/** The workspace's delta: the sum of every stream's (removed ones included), as the CLI's diff sums them. */
export function workspaceDelta(deltas: readonly StreamDelta[]): Bound {
  return sumDeltas(deltas.map((d) => d.delta)).delta;
}

/** One tooltip line per stream that changed: "aws_kinesis_stream.s: +$21.90/mo (2 → 4 shards)". */
export function changeLine(d: StreamDelta, against: string): string {
  const drivers = d.drivers.length ? ` (${d.drivers.join(', ')})` : '';
  const money = deltaMoney(d.delta) ?? `unknown (${d.unknownWhy ?? 'cost unknown'})`;
  if (d.kind === 'added') return `${d.resource}: new since ${against}, ${money}`;
  if (d.kind === 'removed') return `${d.resource}: removed since ${against}, ${money}`;
  return `${d.resource}: ${money}${drivers}`;
}

/** The status bar's figure: "no change vs HEAD", "+$21.90 vs HEAD", "at least +$21.90 vs HEAD", "cost change vs HEAD unknown". */
export function workspaceDeltaText(total: Bound, against: string, changes: number): string {
  if (changes === 0) return `no change vs ${against}`;
  const money = deltaMoney(total, '');
  return money === null ? `cost change vs ${against} unknown` : `${money} vs ${against}`;
}
