import type { Report, StreamRule } from './rule';
import { meta } from './rule';
import { addArgumentsFix, removeArgumentFix } from './fixHelpers';
import { isKnown } from '../expr/values';
import type { StreamFacts } from '../model/streamFacts';

function why(s: StreamFacts): string {
  if (s.modeAttr) return '';
  return s.modeDynamic ? ' (its dynamic "stream_mode_details" block generates no block)' : ' (no stream_mode_details block)';
}

export const rule: StreamRule = {
  meta: meta('shard-count-mode-conflict', 'error', true, 'shard_count does not fit the capacity mode: set for ON_DEMAND, missing for PROVISIONED, or set with warm_throughput_mib_ps.'),
  check(s) {
    const shards = s.attr('shard_count');
    // An unknown shard_count may turn out null (`mode == "ON_DEMAND" ? null : n`): nothing to say either way.
    if (shards && !isKnown(shards.value)) return [];
    const present = shards !== undefined && shards.value !== null;
    const out: Report[] = [];
    // The provider rejects only shard_count > 0 on ON_DEMAND (`shard_count = 0` is accepted, as unset is).
    if (s.mode === 'ON_DEMAND' && present && !(typeof shards.value === 'number' && shards.value <= 0)) {
      out.push({
        message: 'shard_count is set on an ON_DEMAND stream: plan fails',
        detail: 'terraform plan fails with "shard_count must not be set when stream_mode is ON_DEMAND". Remove shard_count.',
        at: shards.at,
        fixes: [{ ...removeArgumentFix(s.block, shards), preferred: true }],
      });
    }
    if (s.mode === 'PROVISIONED' && !present && !s.attr('warm_throughput_mib_ps')) {
      const n = s.sizing?.requiredShards ?? 1;
      out.push({
        message: 'No shard_count, which PROVISIONED mode requires',
        detail: `The stream is PROVISIONED${why(s)} but has no shard_count, which provisioned mode requires.`,
        at: s.header,
        // Where a dynamic block decides the mode, other inputs may make it ON_DEMAND, where shard_count is rejected.
        // No count carries the busiest key (hot-shard): none is offered.
        fixes: shards || s.modeDynamic || s.sizing?.hotKey ? [] : addArgumentsFix(s, [['shard_count', String(n)]], `Add shard_count = ${n}${s.sizing?.requiredShards ? ' (what the declared load needs)' : ''}`, true),
      });
    }
    const warm = s.attr('warm_throughput_mib_ps');
    // On ON_DEMAND the shard_count finding above already says it; on a provisioned stream warm throughput is the
    // odd one out, so the fix removes it and keeps the shards the stream runs on.
    if (warm && isKnown(warm.value) && warm.value !== null && present && s.mode === 'PROVISIONED') {
      out.push({
        message: 'warm_throughput_mib_ps conflicts with shard_count',
        detail: 'Warm throughput is for on-demand streams. Remove warm_throughput_mib_ps, or switch to on-demand and remove shard_count.',
        at: warm.at,
        fixes: [removeArgumentFix(s.block, warm)],
      });
    }
    return out;
  },
};
