// "What would it cost if …": the difference between two estimates of the shared pricing model, in words.
import type { Estimate } from '../pricing/estimate';
import { formatUnitPrice, formatUsd } from '../pricing/format';
import { perUnit } from './messages';

// A known part under half a cent is rounding noise next to the per-unit rates.
const HALF_CENT = 0.005;

/** "$32.85/month" or "$21.90/month plus $0.013 per GB for EFO data retrieval" when some amounts are unknown. */
export function describeDelta(from: Estimate, to: Estimate): string {
  const { known, rates } = delta(from, to);
  const amount = `${formatUsd(known)}/month`;
  if (!rates.length) return amount;
  // Nothing known to add ("$0.00/month plus …" reads as free): the rates alone.
  return Math.abs(known) < HALF_CENT ? rates.join(' and ') : `${amount} plus ${rates.join(' and ')}`;
}

/** The monthly difference when every part of it is known, else undefined (Report.monthlyUsd). */
export function deltaUsd(from: Estimate, to: Estimate): number | undefined {
  const { known, rates } = delta(from, to);
  return rates.length ? undefined : known;
}

function delta(from: Estimate, to: Estimate): { known: number; rates: string[] } {
  let known = 0;
  const rates: string[] = [];
  for (const c of to.components) {
    const before = from.components.find((b) => b.id === c.id);
    if (c.monthlyUsd === null) {
      if (before?.monthlyUsd !== null || c.quantity !== before?.quantity) rates.push(`${formatUnitPrice(c.unitPriceUsd)} per ${perUnit(c.unit)} for ${c.label.toLowerCase()}`);
      continue;
    }
    known += c.monthlyUsd - (before?.monthlyUsd ?? 0);
  }
  for (const b of from.components) if (!to.components.some((c) => c.id === b.id)) known -= b.monthlyUsd ?? 0;
  return { known, rates };
}

/**
 * The monthly change a fix makes, priced by the shared model: `to` is the stream with the fix applied. Known only
 * when every component that differs is known on both sides (a component unknown on both sides with the same
 * quantity and price cancels out) and the prices are the region's own; else undefined.
 */
export function fixDeltaUsd(from: Estimate, to: Estimate): number | undefined {
  if (from.fallback || to.fallback) return undefined;
  let sum = 0;
  const ids = new Set([...from.components, ...to.components].map((c) => c.id));
  for (const id of ids) {
    const [b, c] = [from.components.find((x) => x.id === id), to.components.find((x) => x.id === id)];
    const [before, after] = [b?.monthlyUsd ?? (b ? null : 0), c?.monthlyUsd ?? (c ? null : 0)];
    if (before === null || after === null) {
      const same = b && c && before === null && after === null && b.quantity === c.quantity && b.unitPriceUsd === c.unitPriceUsd;
      if (same) continue;
      return undefined;
    }
    sum += after - before;
  }
  return sum;
}

/** "Set shard_count = 4 (+$21.90/mo)", "… (−$218.37/mo)"; the title alone when the change is unknown (never $0.00
 *  for unknown). A change under half a cent is written as it is ("+$0.00/mo" is a priced nothing, not an unknown). */
export function titleWithDelta(title: string, usd: number | undefined, per = ''): string {
  if (usd === undefined || !Number.isFinite(usd)) return title;
  const sign = usd < 0 ? '\u2212' : '+';
  return `${title} (${sign}${formatUsd(Math.abs(usd))}/mo${per})`;
}
