// Wording shared by rule messages.
import type { BindingLimit } from '../capacity/sizing';
import { UPDATE_SHARD_COUNT_MAX_FACTOR } from '../capacity/limits';
import type { StreamFacts } from '../model/streamFacts';
import { instanceCountUnknown } from '../model/unknownInputs';

/** The instance as users see it in plans: aws_kinesis_stream.events, aws_kinesis_stream.s["orders"], module prefix included. */
export function streamName(s: StreamFacts): string {
  return s.stream.resource + s.stream.suffix;
}

/**
 * " per instance" when the number of instances is unknown (its own count / for_each or a module's): the amount is
 * one instance's. A known instance is named
 * with its key (streamName), and its amount is its own; merging instances' findings adds the amounts up
 * (pipeline/findings.ts).
 */
export function perInstance(s: StreamFacts): string {
  return instanceCountUnknown(s.stream) === null ? '' : ' per instance';
}

// The unit after "per" lives with the other money wording (pricing/format.ts).
export { perUnit } from '../pricing/format';

/** "80 %"; a ratio that is not a finite number (a zero-shard stream's peak) reads "more than 1,000 %" or "?" never "NaN %". */
export function percent(ratio: number): string {
  if (Number.isNaN(ratio)) return '? %';
  if (ratio > 10) return 'more than 1,000 %';
  return `${Math.round(ratio * 100)} %`;
}

export function mib(bytesPerSec: number): string {
  const v = bytesPerSec / 2 ** 20;
  return `${Number(v.toFixed(v < 10 ? 2 : 1))} MiB/s`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

const LIMIT_NAMES: Record<BindingLimit, string> = {
  'write-bytes': 'write bytes',
  'write-records': 'write records',
  'shared-read': 'shared reads',
};

/** "write bytes: 3 MiB/s against 1 MiB/s per shard" */
export function limitWords(entry: { limit: BindingLimit; demand: number; capacityPerShard: number }): string {
  const rate = (n: number) => (entry.limit === 'write-records' ? `${Math.round(n).toLocaleString('en-US')} records/s` : mib(n));
  return `${LIMIT_NAMES[entry.limit]} (${rate(entry.demand)} against ${rate(entry.capacityPerShard)} per shard)`;
}

export function limitName(limit: BindingLimit): string {
  return LIMIT_NAMES[limit];
}

/**
 * UpdateShardCount at most doubles or halves a stream per call (and 10 calls per rolling 24 h, API reference), so
 * a jump further than that must be applied in steps.
 */
export function reshardNote(from: number, to: number): string {
  // A stream with no shard cannot be doubled; its shard_count is reported by invalid-argument instead.
  if (!(from >= 1) || (to <= from * UPDATE_SHARD_COUNT_MAX_FACTOR && to >= from / UPDATE_SHARD_COUNT_MAX_FACTOR)) return '';
  const steps: number[] = [];
  for (let n = from; n !== to; ) {
    n = to > n ? Math.min(to, n * UPDATE_SHARD_COUNT_MAX_FACTOR) : Math.max(to, Math.ceil(n / UPDATE_SHARD_COUNT_MAX_FACTOR));
    steps.push(n);
  }
  // A long plan is shown by its ends: the first steps, the last two and the number of updates.
  const shown = steps.length <= 6 ? [from, ...steps].join(' → ')
    : `${[from, ...steps.slice(0, 3)].join(' → ')} → … → ${steps.slice(-2).join(' → ')}, ${steps.length} updates`;
  return ` (AWS resizes at most ×2 or ÷2 per update: apply ${shown})`;
}

/**
 * " with the busiest key's 30 % on one shard (max_key_share)": the key share the sizing used, and where it comes
 * from (the annotation or config, or the hottest shard of the snapshot's per-shard metrics); "" without one.
 */
export function keyShareNote(s: StreamFacts): string {
  const share = s.sizing?.keyShare;
  if (!share) return '';
  const from = s.hotShard && s.hotShard.share === share ? `as shard ${s.hotShard.shardId}'s metrics show` : 'max_key_share';
  return ` with the busiest key's ${percent(share)} on one shard (${from})`;
}
