// Display of money and quantities, shared by the CLI's text report and every editor surface. Unknown money goes
// through formatUnknownCost ("cost unknown: shard_count not resolved"), never "$0.00"; a unit price says its unit.
import type { Estimate } from './estimate';
import { money, UNKNOWN_WORDS, type Bound, type UnknownInput, type UnknownWhat } from '../partial';

const USD_CENTS = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
const USD_SMALL = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
// Unit prices like 0.015 or 0.014 need more than cents; six decimals cover every AWS Kinesis price.
const USD_UNIT_PRICE = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });
// Below half a cent, cents would round to "$0.00"; two significant digits keep it visible.
const HALF_CENT = 0.005;

/** "$43.80", "$1,234.50"; amounts under half a cent keep two significant digits ("$0.0042"). */
export function formatUsd(n: number): string {
  return n !== 0 && Math.abs(n) < HALF_CENT ? USD_SMALL.format(n) : USD_CENTS.format(n);
}

/** A unit price with all its digits: "$0.015", "$0.04"; "unknown price" when the table has none. */
export function formatUnitPrice(n: number | null): string {
  return n === null ? 'unknown price' : USD_UNIT_PRICE.format(n);
}

/** "2,920", "6.5", "0.2", "0.0031": whole numbers from 100 up, else up to three significant decimals. */
export function formatQuantity(n: number): string {
  if (n === 0 || Math.abs(n) >= 100) return Math.round(n).toLocaleString('en-US');
  if (Math.abs(n) >= 1) return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
  return n.toLocaleString('en-US', { maximumSignificantDigits: 3 });
}

/** The total row of a bare estimate: its known part when exact or a lower bound, never "≥ $0.00". */
function estimateTotal(e: Estimate): string {
  return formatMoney(money(e.monthlyUsd, e.partial));
}

/** A unit after "per": "GB-months" → "GB-month", "shard-hours" → "shard-hour"; "GB" stays. */
export function perUnit(unit: string): string {
  return unit.replace(/-(hour|month)s$/, '-$1');
}

/** A unit price says its unit, never "/mo": "$0.015 per shard-hour", "$0.014 per million PUT units". */
export function formatUnitRate(unitPriceUsd: number | null, unit: string): string {
  return `${formatUnitPrice(unitPriceUsd)} per ${perUnit(unit)}`;
}

export interface EstimateLineOptions {
  /** Also list components that do not apply (quantity 0); default false. */
  includeZero?: boolean;
  /** The total row's amount: a stream report's (formatStreamCost), which knows the instance count; default the estimate's. */
  total?: string;
}

/**
 * Rows [label, "quantity unit × unit price", amount] for each component, then a total row.
 * Unknown lines read "? GB × $0.08" and "unknown", never "$0.00".
 */
export function estimateLines(e: Estimate, options: EstimateLineOptions = {}): string[][] {
  const rows = e.components
    .filter((c) => options.includeZero || c.quantity !== 0)
    .map((c) => [
      c.label,
      `${c.quantity === null ? '?' : formatQuantity(c.quantity)} ${c.unit} × ${formatUnitPrice(c.unitPriceUsd)}`,
      c.monthlyUsd === null ? 'unknown' : formatUsd(c.monthlyUsd),
    ]);
  rows.push(['Total per month', '', options.total ?? estimateTotal(e)]);
  return rows;
}

/** Said after a lower bound: the parts not in the amount can only add to it. */
export const USAGE_PLACEHOLDER = '+ usage';

/** "$43.80/mo", "$21.90/mo + usage" (a lower bound), or "unknown": never "$0" for what is not known. */
export function formatMoney(b: Bound, per = ''): string {
  if (b === null) return 'unknown';
  return typeof b === 'number' ? `${formatUsd(b)}${per}` : `${formatUsd(b.atLeast)}${per} ${USAGE_PLACEHOLDER}`;
}

/** Why a cost is unknown, in the words of `cost unknown: …`, one `what` each. */
const UNKNOWN_CAUSES: Record<UnknownWhat, string> = {
  'instance-count': 'count/for_each not resolved',
  'stream-mode': 'stream_mode not resolved',
  'shard-count': 'shard_count not resolved',
  retention: 'retention_period not resolved',
  readers: 'readers not resolved',
  load: 'no load declared',
  module: 'a module not read',
  prices: 'no verified prices for the region',
};

/** "shard_count not resolved, no load declared": what an unknown amount lacks, each named once, in a fixed order. */
export function unknownCause(unknowns: readonly UnknownInput[]): string {
  const whats = new Set(unknowns.map((u) => u.what));
  return (Object.keys(UNKNOWN_CAUSES) as UnknownWhat[]).filter((w) => whats.has(w)).map((w) => UNKNOWN_CAUSES[w]).join(', ');
}

/** Unknown money, the one way every surface writes it: "cost unknown: shard_count not resolved", never "$0.00". */
export function formatUnknownCost(unknowns: readonly UnknownInput[]): string {
  const cause = unknownCause(unknowns);
  return cause ? `cost unknown: ${cause}` : 'cost unknown';
}

/** "$43.80/mo" (exact), "$21.90/mo + usage" (a lower bound) or "cost unknown: …" (what is missing, from `unknowns`). */
export function formatCost(b: Bound, per: string, unknowns: readonly UnknownInput[]): string {
  return b === null ? formatUnknownCost(unknowns) : formatMoney(b, per);
}

/** An estimate as a headline (lens, hints, hover, status bar): "≈ $43.80/mo", "≈ $21.90/mo + usage", "cost unknown: …". */
export function estimatedCost(b: Bound, per: string, unknowns: readonly UnknownInput[]): string {
  return b === null ? formatUnknownCost(unknowns) : `≈ ${formatMoney(b, per)}`;
}

type StreamCost = { monthlyCost: Bound; monthlyCostPerInstance: Bound; unknowns: readonly UnknownInput[]; atFallbackRates?: { usd: Bound; priceRegion: string } };

/**
 * A stream's estimate as a headline (lens, hints, hover, report title): "≈ $43.80/mo", "≈ $21.90/mo + usage",
 * "cost unknown: count/for_each not resolved (≈ $21.90/mo per instance)", "cost unknown: no verified prices for the
 * region (≈ $29.20/mo at us-east-1 rates)", "cost unknown: shard_count not resolved".
 */
export function streamCostText(s: StreamCost, per: string): string {
  return streamCost(s, per, '≈ ');
}

/** The same in a table cell, where the column says it is an estimate: "$43.80", "cost unknown: … ($21.90 per instance)". */
export function formatStreamCost(s: StreamCost, per = ''): string {
  return streamCost(s, per, '');
}

function streamCost(s: StreamCost, per: string, approx: string): string {
  // A region without verified prices: unknown, with the figure at the fallback region's rates named as such
  // ("+ usage" for a lower bound, never "≥").
  if (s.atFallbackRates) {
    const { usd, priceRegion } = s.atFallbackRates;
    return `${formatUnknownCost(s.unknowns)}${usd === null ? '' : ` (${approx}${formatMoney(usd, per)} at ${priceRegion} rates)`}`;
  }
  if (s.monthlyCost !== null) return `${approx}${formatMoney(s.monthlyCost, per)}`;
  if (s.monthlyCostPerInstance === null) return formatUnknownCost(s.unknowns);
  return `${formatUnknownCost(s.unknowns)} (${approx}${formatMoney(s.monthlyCostPerInstance, per)} per instance)`;
}

/** "1 stream", "2 streams". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "2", "at least 2" (a lower bound), "?" (unknown). */
export function formatCount(b: Bound): string {
  if (b === null) return '?';
  return typeof b === 'number' ? String(b) : `at least ${b.atLeast}`;
}

/** "shard count, readers, load": what is missing, each named once, always in the same order. */
export function missingInputs(unknowns: readonly UnknownInput[]): string {
  const whats = new Set(unknowns.map((u) => u.what));
  return (Object.keys(UNKNOWN_WORDS) as UnknownInput['what'][]).filter((w) => whats.has(w)).map((w) => UNKNOWN_WORDS[w]).join(', ');
}

/** "shard count (shard_count: var.shards has no default and no value)". */
export function describeUnknown(u: UnknownInput): string {
  return `${UNKNOWN_WORDS[u.what]} (${u.why})`;
}
