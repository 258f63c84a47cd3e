// The per-stream cost table of the text report: a header, one row per cost component, the stream's total.
import type { StreamReport } from '../../core/results';
import type { CostComponent } from '../../core/pricing/estimate';
import { describeUnknown, formatQuantity, formatStreamCost, formatUnitPrice, formatUsd, plural, USAGE_PLACEHOLDER } from '../../core/pricing/format';
import { displayPath } from '../report';
import type { Palette } from './colors';
import { observedWords } from '../../core/metrics/describe';

const INDENT = '  ';
const COLUMN_GAP = '  ';

export function costTable(stream: StreamReport, cwd: string, palette: Palette): string[] {
  const e = stream.estimate;
  const location = `${displayPath(stream.file, cwd)}:${stream.range.start.line + 1}:${stream.range.start.character + 1}`;
  // Components that do not apply (no EFO consumer, 24 h retention) have quantity 0; the JSON lists them, the table
  // leaves them out, as the editor hover does.
  const rows = e.components.filter((c) => c.quantity !== 0).map(componentRow);
  rows.push(['Total per month', '', formatStreamCost(stream)]);
  const lines = [
    `${palette.bold(stream.resource)} ${palette.dim(`(${location})`)}`,
    INDENT + streamFacts(stream),
    ...alignRows(rows).map((row) => INDENT + row),
    // What the figures could not know, by name and cause (shared with JSON, SARIF and the editor).
    ...stream.unknowns.map((u) => INDENT + `missing: ${describeUnknown(u)}`),
    // What the figures rest on (rates, record size, month length, price date): the reader must see them.
    ...e.assumptions.map((a) => INDENT + palette.dim(`note: ${a}`)),
  ];
  return lines;
}

/** "PROVISIONED, 2 shards, 1 instance, us-east-1" (+ "no verified prices" for a region the table lacks, + "load
 *  observed 2026-11-12 → 11-25" for a load from the metrics snapshot). */
function streamFacts(s: StreamReport): string {
  const facts: string[] = [s.mode ?? 'capacity mode unknown'];
  if (s.mode === 'PROVISIONED') facts.push(s.shardCount === null ? 'shards unknown' : plural(s.shardCount, 'shard'));
  facts.push(s.instances === null ? 'instances unknown' : plural(s.instances, 'instance'));
  const priced = s.estimate.priceRegion === s.region ? '' : ' (no verified prices)';
  facts.push(`${s.region}${priced}`);
  if (s.loadSource === 'observed' && s.observed) facts.push(`load ${observedWords(s.observed.snapshot)}`);
  return facts.join(', ');
}

/** "Shard hours | 1,460 shard-hours × $0.015 | $21.90"; an unknown quantity reads "? GB × $0.08 | + usage". */
function componentRow(c: CostComponent): string[] {
  const quantity = c.quantity === null ? '?' : formatQuantity(c.quantity);
  // An unknown quantity only adds to a lower bound; an unknown price (no verified prices) makes the line unknown.
  const amount = c.monthlyUsd === null ? (c.unitPriceUsd === null ? 'unknown' : USAGE_PLACEHOLDER) : formatUsd(c.monthlyUsd);
  return [c.label, `${quantity} ${c.unit} × ${formatUnitPrice(c.unitPriceUsd)}`, amount];
}

/** Left-aligned label and quantity columns, right-aligned amounts. */
function alignRows(rows: string[][]): string[] {
  const width = (col: number) => Math.max(...rows.map((r) => r[col].length));
  const [w0, w1, w2] = [width(0), width(1), width(2)];
  return rows.map(([label, quantity, amount]) =>
    (label.padEnd(w0) + COLUMN_GAP + quantity.padEnd(w1) + COLUMN_GAP + amount.padStart(w2)).trimEnd());
}
