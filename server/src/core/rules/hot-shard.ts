import type { Location } from '../types';
import type { StreamRule } from './rule';
import { meta } from './rule';
import type { StreamFacts } from '../model/streamFacts';
import type { LimitDemand } from '../capacity/sizing';
import { setValueFix } from './fixHelpers';
import { withDelta } from './fixDelta';
import { mib, percent, plural, reshardNote } from './messages';
import { capital, observation, provenance, rate } from './observedWords';
import { UPDATE_SHARD_COUNT_MAX_SHARDS } from '../capacity/limits';

export const SPREAD_ADVICE = 'Spread the key: add a random suffix to it (key-0 … key-9), or use a finer key (a user rather than a tenant).';

export const rule: StreamRule = {
  meta: meta('hot-shard', 'warning', true, 'Per-shard metrics show one shard carrying far more than the mean, or the busiest partition key needs more than one shard can take.'),
  check(s) {
    const hot = s.hotShard;
    const hotKey = s.sizing?.hotKey ?? null;
    if (!hot && !hotKey) return [];
    const u = s.settings.config.targetUtilization;
    const o = observation(s);
    // The share the sizing used came from the observation when it is the hot shard's (else max_key_share's).
    const fromShard = hot !== null && (s.load === null || s.load.maxKeyShare === hot.share);
    const parts: string[] = [];
    if (hot && o) {
      const metric = hot.metric === 'bytes' ? 'IncomingBytes' : 'IncomingRecords';
      parts.push(
        `${capital(provenance(o))}, shard-level ${metric} p99: ${hot.shardId} ${rate(hot.metric, hot.p99)}, ${times(hot.ratio)} the mean of the ${hot.shards} shards' ${rate(hot.metric, hot.meanOfShards)} ` +
          `(thresholds.hot_shard_factor ${s.settings.config.thresholds.hotShardFactor}) and ${percent(hot.utilization)} of one shard's ${rate(hot.metric, hot.capacityPerShard)} write limit. ` +
          `If one partition key makes the difference it carries (${oneDecimal(hot.ratio)} − 1) / (${hot.shards} − 1) = ${percent(hot.share)} of the writes, and a key always lands on one shard.`,
      );
    }
    if (hotKey && !fromShard) {
      const reads = hotKey.limit === 'shared-read' ? ' of reads' : '';
      parts.push(`max_key_share=${s.load!.maxKeyShare}: the busiest key alone puts ${s.load!.maxKeyShare} × ${limitRate(hotKey, hotKey.demand)} = ${limitRate(hotKey, hotKey.keyDemand!)}${reads} on one shard, since a partition key always lands on one shard.`);
    }
    let fixes: ReturnType<typeof setValueFix> = [];
    if (hotKey) {
      const spread = Math.max(...s.sizing!.perLimit.map((p) => p.evenShards));
      parts.push(
        `One shard takes ${limitRate(hotKey, hotKey.capacityPerShard)} (${limitRate(hotKey, hotKey.capacityPerShard * u)} at the ${percent(u)} target) whatever the shard count, so adding shards will not help${fromShard ? ' if one key causes it' : ''}. ` +
          `${SPREAD_ADVICE} Once spread, the load needs ${plural(spread, 'shard')}.`,
      );
    } else if (s.sizing?.requiredShards) {
      const required = s.sizing.requiredShards;
      const shards = s.attr('shard_count');
      if (required > UPDATE_SHARD_COUNT_MAX_SHARDS) {
        parts.push(`Sized for it, the stream would need more than ${UPDATE_SHARD_COUNT_MAX_SHARDS.toLocaleString('en-US')} shards, more than one stream can have. ${SPREAD_ADVICE}`);
      } else if (s.mode === 'PROVISIONED' && s.shardCount !== null && shards && s.shardCount < required) {
        parts.push(`Sized for it, the stream needs ${plural(required, 'shard')} at the ${percent(u)} target (it has ${s.shardCount})${reshardNote(s.shardCount, required)}; spreading the key would even the shards out.`);
        fixes = withDelta(setValueFix(shards, String(required), true), s, { shards: required });
      } else {
        const at = s.shardCount !== null ? `At ${plural(s.shardCount, 'shard')}` : 'As it is';
        parts.push(`${at} the stream is sized for it (${required} needed at the ${percent(u)} target); spreading the key would even the shards out.`);
      }
    }
    return [{ message: message(hot, hotKey, fromShard, u), detail: parts.join(' '), at: where(s, hotKey !== null && !fromShard), fixes }];
  },
};

function message(hot: StreamFacts['hotShard'], hotKey: LimitDemand | null, fromShard: boolean, u: number): string {
  if (hot && (fromShard || !hotKey)) {
    return `Shard ${hot.shardId} takes ${times(hot.ratio)} the mean ${hot.metric === 'bytes' ? 'writes' : 'records'}: ${rate(hot.metric, hot.p99)}, ${percent(hot.utilization)} of a shard`;
  }
  const k = hotKey!;
  const what = k.limit === 'shared-read' ? "Busiest key's reads need" : 'Busiest key writes';
  const words = k.keyDemand! > k.capacityPerShard
    ? `more than one shard takes (${limitRate(k, k.capacityPerShard)})`
    : `${percent(k.keyDemand! / k.capacityPerShard)} of one shard (target ${percent(u)})`;
  return `${what} ${limitRate(k, k.keyDemand!)}, ${words}: more shards will not help`;
}

/** The max_key_share token of the annotation that declares it; else shard_count; else the header. */
function where(s: StreamFacts, declaredKey: boolean): Location {
  if (declaredKey) {
    for (const a of [...s.annotations].reverse()) {
      const m = /max_key_share=[^\s,*]*/.exec(a.comment.text);
      if (m && a.declaration.maxKeyShare !== undefined) {
        const start = a.comment.span.start + m.index;
        return { file: a.file.path, range: a.file.lines.rangeOf({ start, end: start + m[0].length }) };
      }
    }
  }
  return s.attr('shard_count')?.at ?? s.header;
}

function limitRate(d: LimitDemand, n: number): string {
  return d.limit === 'write-records' ? rate('records', n) : mib(n);
}

function times(ratio: number): string {
  return `${oneDecimal(ratio)}×`;
}

function oneDecimal(n: number): number {
  return Number(n.toFixed(n < 10 ? 1 : 0));
}
