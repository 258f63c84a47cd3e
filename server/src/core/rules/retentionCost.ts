// Retention cost wording shared by extended-retention-cost and long-term-retention-cost.
import type { CostComponent, CostComponentId } from '../pricing/estimate';
import type { StreamFacts } from '../model/streamFacts';
import { formatUnitPrice, formatUsd } from '../pricing/format';

/** "$21.90/month (extended retention: 2 shards × 730 h × $0.020/shard-hour)" or the unit price when volume is unknown. */
export function describeComponents(s: StreamFacts, ids: CostComponentId[]): string {
  const parts = s.estimate().components.filter((c) => ids.includes(c.id) && (c.monthlyUsd === null || c.monthlyUsd > 0));
  return parts.map(describe).join(' plus ');
}

function describe(c: CostComponent): string {
  if (c.monthlyUsd === null || c.quantity === null) {
    return `${formatUnitPrice(c.unitPriceUsd)} per ${c.unit} for ${c.label.toLowerCase()} (declare the write rate to see the monthly amount)`;
  }
  return `${formatUsd(c.monthlyUsd)}/month for ${c.label.toLowerCase()}`;
}
