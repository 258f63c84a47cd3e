// Sentences shared by the text and Markdown formats: the summary line, the per-stream change, the findings count.
import { formatDelta, type DiffResult, type StreamDiff } from '../../../core/diff';
import { isExact } from '../../../core/partial';
import { formatMoney, formatUsd } from '../../../core/pricing/format';

/**
 * "Monthly cost will increase by $21.90 (+12 %) — $180.00 → $201.90"; a lower bound "by at least"; an unknown total
 * says how many streams' changes are unknown and what the known ones add up to. Never "$0" for unknown.
 */
export function summaryLine(diff: DiffResult): string {
  const { before, after, delta, knownDeltaUsd, unknownStreams } = diff.total;
  const range = `${formatMoney(before)} → ${formatMoney(after)}`;
  if (delta === null) {
    const streams = `${unknownStreams} stream${unknownStreams === 1 ? '' : 's'}`;
    const known = knownDeltaUsd !== 0 ? `; the known changes add up to ${formatDelta(knownDeltaUsd)}` : '';
    return `Monthly cost change unknown: the change of ${streams} cannot be priced${known} — ${range}`;
  }
  if (!isExact(delta)) return `Monthly cost will increase by at least ${formatUsd(delta.atLeast)} — ${range}`;
  if (delta === 0) return `Monthly cost will not change — ${range}`;
  const way = delta > 0 ? 'increase' : 'decrease';
  return `Monthly cost will ${way} by ${formatUsd(Math.abs(delta))}${percent(delta, before)} — ${range}`;
}

/** " (+12 %)" against an exact, positive base; "" otherwise. */
function percent(delta: number, before: number | { atLeast: number } | null): string {
  if (!isExact(before) || before <= 0) return '';
  const p = (delta / before) * 100;
  const rounded = Math.round(p);
  const text = rounded === 0 ? (p > 0 ? '<1' : '>-1') : `${rounded > 0 ? '+' : ''}${rounded}`;
  return ` (${text} %)`;
}

/** "+$21.90", "unknown (priced lines +$21.90; PUT payload units unknown)". */
export function streamDeltaText(s: StreamDiff): string {
  if (s.delta !== null || !s.pricedLines) return formatDelta(s.delta);
  const lines = s.pricedLines.unknownLines.length > 0 ? `; ${s.pricedLines.unknownLines.join(', ')} unknown` : '';
  return `unknown (priced lines ${formatDelta(s.pricedLines.deltaUsd)}${lines})`;
}

/** What changed, in words: the drivers, or "new stream" / "stream removed", or "cost inputs" when only the figures moved. */
export function changeWords(s: StreamDiff): string {
  if (s.status === 'added') return 'new stream';
  if (s.status === 'removed') return 'stream removed';
  const words = s.drivers.map((d) => d.text);
  if (words.length === 0 && (s.introduced.length > 0 || s.fixed.length > 0)) words.push('findings only');
  if (words.length === 0) words.push('declared load or other cost inputs');
  return words.join(', ');
}

/**
 * With count/for_each a stream's cost lines are for all its instances, except when their number is unknown: then
 * they are one instance's and the total is unknown (core/pipeline/streamReport.ts), so say which. Undefined when every
 * side present knows its number of instances.
 */
export function perInstanceNote(s: StreamDiff): string | undefined {
  const [before, after] = [s.before?.instances, s.after?.instances];
  if (before !== null && after !== null) return undefined;
  const unknown = 'the number of instances is unknown';
  if (before === undefined || after === undefined || (before === null && after === null)) return `Cost lines for one instance (${unknown})`;
  const all = (n: number) => (n === 1 ? 'for its one instance' : `for all ${n} instances`);
  return before === null ? `Cost lines: before for one instance (${unknown}), after ${all(after!)}` : `Cost lines: before ${all(before)}, after for one instance (${unknown})`;
}

/** False when one side's cost lines are one instance's and the other's all instances': their change means nothing. */
export function linesComparable(s: StreamDiff): boolean {
  return s.before === null || s.after === null || (s.before.instances === null) === (s.after.instances === null);
}

/** Streams that are not unchanged, in the diff's order. */
export function changedStreams(diff: DiffResult): StreamDiff[] {
  return diff.streams.filter((s) => s.status !== 'unchanged');
}
