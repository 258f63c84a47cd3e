import type { StreamRule } from './rule';
import { meta } from './rule';
import { deltaUsd, describeDelta } from './costDelta';
import { perInstance } from './messages';
import { formatUsd } from '../pricing/format';
import { SHARD_GET_RECORDS_CALLS_PER_SEC } from '../capacity/limits';

export const rule: StreamRule = {
  meta: meta('efo-recommended', 'warning', false, 'Three or more standard consumers split each shard\'s 2 MiB/s and 5 reads/s between them.'),
  check(s) {
    const { standard, efo } = s.consumers;
    if (standard === null || standard < s.settings.config.thresholds.efoRecommendedMinConsumers) return [];
    // EFO is priced by the capacity mode: with the mode unknown, so is the cost.
    const [now, withEfo] = [s.estimate(), s.estimate({ standardConsumers: 0, efoConsumers: (efo ?? 0) + standard })];
    const cost = s.mode === null ? ' (its cost depends on the capacity mode, which is unknown)' : ` for about ${describeDelta(now, withEfo)}`;
    const usd = s.mode === null ? undefined : deltaUsd(now, withEfo);
    return [{
      message: `${standard} standard consumers share each shard's reads${usd === undefined ? '' : `; EFO adds ${formatUsd(usd)}/mo${perInstance(s)}`}`,
      detail: `They share each shard's 2 MiB/s and ${SHARD_GET_RECORDS_CALLS_PER_SEC} GetRecords calls/s: each gets at most 1/${standard} of it and waits longer between reads. Enhanced fan-out would give each its own 2 MiB/s per shard${cost}.`,
      at: s.header,
      monthlyUsd: usd,
    }];
  },
};
