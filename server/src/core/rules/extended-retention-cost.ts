import type { StreamRule } from './rule';
import { meta } from './rule';
import { setValueFix } from './fixHelpers';
import { perInstance } from './messages';
import { withDelta } from './fixDelta';
import { formatUsd } from '../pricing/format';
import { componentsUsd, describeComponents } from './retentionCost';
import { LONG_TERM_RETENTION_AFTER_HOURS, RETENTION_HOURS } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta('extended-retention-cost', 'info', true, 'Retention above 24 h (up to 7 days) is billed as extended retention.'),
  check(s) {
    const r = s.retentionHours;
    const attr = s.attr('retention_period');
    if (!attr || r === null || r <= RETENTION_HOURS.default || r > LONG_TERM_RETENTION_AFTER_HOURS) return [];
    // The price depends on the mode, and in provisioned mode on the shards: without them there is nothing to say.
    if (s.mode === null || (s.mode === 'PROVISIONED' && s.shardCount === null)) return [];
    // On-demand Advantage has one retention line from 24 h on.
    const ids = ['extended-retention', 'on-demand-extended-retention', 'advantage-retention'] as const;
    const cost = describeComponents(s, [...ids]);
    const usd = componentsUsd(s, [...ids]);
    return [{
      message: usd === undefined ? `Retention ${r} h is billed as extended retention (amount unknown)` : `Retention ${r} h adds ${formatUsd(usd)}/mo${perInstance(s)}`,
      detail: `Retention beyond 24 h adds ${cost}${perInstance(s)}. Keep 24 h unless consumers need to replay older data.`,
      at: attr.at,
      fixes: withDelta(setValueFix(attr, String(RETENTION_HOURS.default), false, true), s, { retentionHours: RETENTION_HOURS.default }),
      monthlyUsd: usd,
    }];
  },
};
