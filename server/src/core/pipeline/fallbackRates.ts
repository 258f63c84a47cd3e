// A stream in a region without verified prices: a rule's message that quotes amounts says whose rates they are
// ("amounts at us-east-1 rates") and adds nothing to a total, since that region's prices may be higher or lower.
// capacity-mode-cost is silent there instead (its comparison would look authoritative).
import type { StreamFacts } from '../model/streamFacts';
import type { Report } from '../rules/rule';
import { ratesNote } from '../pricing/fallbackWords';

export function atFallbackRates(f: StreamFacts, r: Report): Report {
  const e = f.estimate();
  if (!e.fallback || !`${r.message}${r.detail ?? ''}`.includes('$')) return r;
  // The message says whose rates in a word; the detail says why.
  const message = r.message.includes('$') ? `${r.message} (at ${e.priceRegion} rates)` : r.message;
  return { ...r, message, detail: `${r.detail ?? ''}${ratesNote(e.region, e.priceRegion)}`.trim(), monthlyUsd: undefined };
}
