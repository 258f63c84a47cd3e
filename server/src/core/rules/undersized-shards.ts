import type { StreamRule } from './rule';
import { meta } from './rule';
import { setValueFix } from './fixHelpers';
import { keyShareNote, limitName, limitWords, percent, plural, reshardNote } from './messages';
import { withDelta } from './fixDelta';
import { peakUtilization } from '../capacity/sizing';
import { UPDATE_SHARD_COUNT_MAX_SHARDS } from '../capacity/limits';
import { readThrottleShards, writeThrottleShards } from './throttled';

export const rule: StreamRule = {
  meta: meta('undersized-shards', 'warning', true, 'A provisioned stream has fewer shards than its declared load needs at the target utilisation.'),
  check(s) {
    const required = s.sizing?.requiredShards;
    const shards = s.attr('shard_count');
    if (s.mode !== 'PROVISIONED' || s.shardCount === null || !shards || !required || s.shardCount >= required) return [];
    const binding = s.sizing!.perLimit.find((p) => p.limit === s.sizing!.binding)!;
    const peak = peakUtilization(s.load!, s.consumers.standard, s.shardCount);
    const target = percent(s.settings.config.targetUtilization);
    // Past UpdateShardCount's 10,000 shards no shard_count can be applied: say so and offer no fix.
    if (required > UPDATE_SHARD_COUNT_MAX_SHARDS) {
      return [{
        message: `Load needs more than ${UPDATE_SHARD_COUNT_MAX_SHARDS.toLocaleString('en-US')} shards, more than one stream can have`,
        detail: `At the ${target} target utilisation, ${limitWords(binding)} sets the number; UpdateShardCount gives one stream at most ${UPDATE_SHARD_COUNT_MAX_SHARDS.toLocaleString('en-US')} shards. Split the load or use ON_DEMAND.`,
        at: shards.at,
        fixes: [],
      }];
    }
    const at = peak ? `${limitName(peak.limit)} at ${percent(peak.utilization)}` : `${target} target`;
    // Observed throttling that needs more shards than the load: throttled offers that count, so one fix per stream.
    const throttleNeed = Math.max(writeThrottleShards(s) ?? 0, readThrottleShards(s) ?? 0);
    const deferred = throttleNeed > required;
    return [{
      message: `${plural(s.shardCount, 'shard')}, load needs ${required} (${at})`,
      detail: `At the ${target} target utilisation ${limitWords(binding)} sets the number${keyShareNote(s)}: ${required} shards${peak ? `; at ${s.shardCount} the peak uses ${percent(peak.utilization)} of its ${limitName(peak.limit)} capacity` : ''}${reshardNote(s.shardCount, required)}.${deferred ? ` The observed throttling needs ${throttleNeed} (throttled offers that count).` : ''}`,
      at: shards.at,
      fixes: deferred ? [] : withDelta(setValueFix(shards, String(required), true), s, { shards: required }),
    }];
  },
};
