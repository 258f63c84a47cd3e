import type { StreamRule } from './rule';
import { meta } from './rule';
import { setValueFix } from './fixHelpers';
import { perInstance } from './messages';
import { withDelta } from './fixDelta';
import { formatUsd } from '../pricing/format';
import { componentsUsd, describeComponents } from './retentionCost';
import { LONG_TERM_RETENTION_AFTER_HOURS } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta('long-term-retention-cost', 'warning', true, 'Retention above 7 days is billed per GB-month of stored data, on top of extended retention.'),
  check(s) {
    const r = s.retentionHours;
    const attr = s.attr('retention_period');
    // The amounts are priced by the capacity mode (as extended-retention-cost): with the mode unknown, nothing to say.
    if (!attr || r === null || r <= LONG_TERM_RETENTION_AFTER_HOURS || s.mode === null) return [];
    // On-demand Advantage prices all retention beyond 24 h as one line (its label says so).
    const longTerm = describeComponents(s, ['long-term-retention', 'on-demand-long-term-retention', 'advantage-retention']);
    const extended = describeComponents(s, ['extended-retention', 'on-demand-extended-retention']);
    // Replays of old data are priced only when replay_gib_per_month is declared (and the table has the price).
    const retrieval = describeComponents(s, ['long-term-retrieval']);
    const reading = retrieval ? `reading it back adds ${retrieval}` : 'reading data older than 7 days is billed per GB';
    // The retention bill: long-term storage, extended retention (Advantage: one line for both), and reads of data older
    // than 7 days.
    const usd = componentsUsd(s, [
      'long-term-retention',
      'on-demand-long-term-retention',
      'extended-retention',
      'on-demand-extended-retention',
      'long-term-retrieval',
      'advantage-retention',
    ]);
    const days = `${r} h (${Math.round(r / 24)} days)`;
    return [{
      message: usd === undefined ? `Retention ${days}: data past 7 days is billed per GB` : `Retention ${days} adds ${formatUsd(usd)}/mo${perInstance(s)}`,
      detail: `Storing data older than 7 days costs ${longTerm}${perInstance(s)}${extended ? `; any retention over 24 h adds ${extended}` : ''}; ${reading}. Consider 168 h and an archive (e.g. Firehose to S3).`,
      at: attr.at,
      fixes: withDelta(setValueFix(attr, String(LONG_TERM_RETENTION_AFTER_HOURS), false, true), s, { retentionHours: LONG_TERM_RETENTION_AFTER_HOURS }),
      monthlyUsd: usd,
    }];
  },
};
