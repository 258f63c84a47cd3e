import type { StreamRule } from './rule';
import { meta } from './rule';
import { setValueFix } from './fixHelpers';
import { keyShareNote, limitWords, perInstance, percent, plural, reshardNote } from './messages';
import { withDelta } from './fixDelta';
import { formatUsd } from '../pricing/format';

export const rule: StreamRule = {
  meta: meta('oversized-shards', 'info', true, 'A provisioned stream has more than twice the shards its declared load needs.'),
  check(s) {
    const required = s.sizing?.requiredShards;
    const shards = s.attr('shard_count');
    const factor = s.settings.config.thresholds.oversizedFactor;
    // Readers we could not attribute might need the capacity: only a complete count can call shards idle.
    if (s.mode !== 'PROVISIONED' || s.shardCount === null || !shards || !required || !s.consumers.exact) return [];
    if (s.shardCount <= 1 || s.shardCount <= factor * required) return [];
    // A stream the snapshot saw throttle is not idle, whatever its average load (throttled sizes it).
    const o = s.observed?.metrics;
    if ((o?.writeThrottled?.total ?? 0) > 0 || (o?.readThrottled?.total ?? 0) > 0) return [];
    const saved = s.estimate().monthlyUsd - s.estimate({ shards: required }).monthlyUsd;
    const binding = s.sizing!.perLimit.find((p) => p.limit === s.sizing!.binding)!;
    return [{
      message: `${s.shardCount} shards, load needs ${required}: ${formatUsd(saved)}/mo${perInstance(s)} idle`,
      detail: `At the ${percent(s.settings.config.targetUtilization)} target utilisation ${limitWords(binding)} sets the number${keyShareNote(s)}: ${plural(required, 'shard')} would save ${formatUsd(saved)}/month${perInstance(s)}${reshardNote(s.shardCount, required)}.`,
      at: shards.at,
      fixes: withDelta(setValueFix(shards, String(required), true), s, { shards: required }),
      monthlyUsd: saved,
    }];
  },
};
