import type { Report, StreamRule } from './rule';
import { meta } from './rule';
import type { StreamFacts } from '../model/streamFacts';
import type { ObservedStream, ThrottleStats } from '../metrics/snapshot';
import type { ResolvedLoad } from '../pricing/load';
import { peakUtilization, requiredShards, shardsFor } from '../capacity/sizing';
import { SHARD_GET_RECORDS_CALLS_PER_SEC, SHARD_SHARED_READ_BYTES_PER_SEC, UPDATE_SHARD_COUNT_MAX_SHARDS } from '../capacity/limits';
import { setValueFix } from './fixHelpers';
import { withDelta } from './fixDelta';
import { limitWords, mib, percent, plural, reshardNote } from './messages';
import { capital, count, observation, provenance, recordRate } from './observedWords';
import { SPREAD_ADVICE } from './hot-shard';

export const rule: StreamRule = {
  meta: meta('throttled', 'warning', true, 'The metrics snapshot shows throttled writes or reads, and how many shards would absorb them.'),
  check(s) {
    const o = observation(s);
    if (!o) return [];
    const out: Report[] = [];
    const w = o.metrics.writeThrottled;
    if (w && w.total > 0) out.push(writes(s, o, w));
    const r = o.metrics.readThrottled;
    if (r && r.total > 0) out.push(reads(s, o, r));
    return out;
  },
};

/** The share of the busiest key the sizing uses (declared max_key_share or the hot shard's), or null. */
function keyShare(s: StreamFacts): number | null {
  return s.load?.maxKeyShare ?? s.hotShard?.share ?? null;
}

/** Why minute averages that fit can still throttle, with the hot shard when per-shard metrics show one. */
function burstCause(s: StreamFacts, n: number): string {
  const hot = s.hotShard ? `shard ${s.hotShard.shardId} takes ${Number(s.hotShard.ratio.toFixed(1))}× the mean of the shards (hot-shard), so it throttles first` : 'a hot shard (shard-level metrics would show it)';
  return `The limits are per second and CloudWatch sums per minute, so the cause is within-minute bursts or ${hot}, or the stream had fewer than ${n} shards then. No shard count is offered.`;
}

/** What the writes attempted at most: the busiest minute's accepted rate plus the busiest minute's rejected records
 *  (the two may fall in different minutes, so the attempted rate is at most this); null without IncomingRecords. */
function attemptedWrites(s: StreamFacts, o: ObservedStream, w: ThrottleStats) {
  const m = o.metrics;
  const records = m.incomingRecords;
  const bytes = m.incomingBytes;
  const size = bytes && records && records.mean > 0 ? bytes.mean / records.mean : null;
  const attemptedRecords = records ? records.peak + w.peak : null;
  const attemptedBytes = bytes && size !== null ? bytes.peak + w.peak * size : null;
  const load: ResolvedLoad | null = attemptedRecords === null && attemptedBytes === null ? null : {
    writeBytesPerSec: attemptedBytes,
    recordsPerSec: attemptedRecords,
    avgRecordBytes: size,
    recordSizeDerived: true,
    avgUtilization: 1,
    replayGiBPerMonth: null,
    maxKeyShare: keyShare(s),
    readBytesPerSec: null,
  };
  return { records, size, attemptedRecords, attemptedBytes, load };
}

/** The shards that absorb the observed write throttling (what `throttled` recommends), or null when more shards do
 *  not help or cannot be counted. */
export function writeThrottleShards(s: StreamFacts): number | null {
  const o = observation(s);
  const w = o?.metrics.writeThrottled;
  if (!o || !w || !(w.total > 0) || s.mode !== 'PROVISIONED' || s.shardCount === null) return null;
  const { load } = attemptedWrites(s, o, w);
  if (!load || !(peakUtilization(load, null, s.shardCount)!.utilization > 1)) return null;
  const sizing = requiredShards(load, null, s.settings.config.targetUtilization);
  return sizing.hotKey || sizing.requiredShards === null ? null : Math.max(sizing.requiredShards, s.shardCount + 1);
}

/** The shards that absorb the observed read throttling, or null (as writeThrottleShards). */
export function readThrottleShards(s: StreamFacts): number | null {
  const o = observation(s);
  const r = o?.metrics.readThrottled;
  const readPeak = o?.metrics.getRecordsBytes?.peak ?? null;
  if (!o || !r || !(r.total > 0) || readPeak === null || s.mode !== 'PROVISIONED' || s.shardCount === null) return null;
  const share = keyShare(s) ?? 0;
  if (share * readPeak + ((1 - share) * readPeak) / s.shardCount <= SHARD_SHARED_READ_BYTES_PER_SEC) return null;
  const required = shardsFor(readPeak, SHARD_SHARED_READ_BYTES_PER_SEC, s.settings.config.targetUtilization, share || null);
  return required === null ? null : Math.max(required, s.shardCount + 1);
}

/** A throttled count at or below what the load already needs is left to undersized-shards: one count per stream. */
function coveredBySizing(s: StreamFacts, need: number): string | null {
  const required = s.sizing?.requiredShards ?? null;
  return required !== null && required >= need ? ` undersized-shards sets ${plural(required, 'shard')}, which absorbs them: no second count is offered here.` : null;
}

function writes(s: StreamFacts, o: ObservedStream, w: ThrottleStats): Report {
  const { records, size, attemptedRecords, attemptedBytes, load } = attemptedWrites(s, o, w);
  const facts = `${capital(provenance(o))}: WriteProvisionedThroughputExceeded ${count(w.total)} records over ${plural(w.minutes, 'minute')}, at most ${recordRate(w.peak)} in a minute` +
    (attemptedRecords !== null ? `; with the busiest minute's ${recordRate(records!.peak)} accepted, at most ${recordRate(attemptedRecords)}${attemptedBytes !== null ? ` and ${mib(attemptedBytes)} (at the mean ${Math.round(size!).toLocaleString('en-US')} bytes a record)` : ''} were attempted` : '') + '.';
  const head = `Writes throttled: ${count(w.total)} records in ${plural(w.minutes, 'minute')}`;
  if (!load) {
    return { message: head, detail: `${facts} Without IncomingRecords the shards needed are not computed.`, at: at(s) };
  }
  if (s.mode !== 'PROVISIONED' || s.shardCount === null) {
    const why = s.mode === 'ON_DEMAND' ? 'An on-demand stream has no shard_count to raise: it throttles on sudden jumps past its recent peak, or on a hot shard.' : 'The shard count is not known.';
    return { message: head, detail: `${facts} ${why}`, at: at(s) };
  }
  const n = s.shardCount;
  const peak = peakUtilization(load, null, n)!;
  const u = s.settings.config.targetUtilization;
  if (peak.utilization <= 1) {
    return { message: `${head}, though minute averages fit ${plural(n, 'shard')}`, detail: `${facts} At ${plural(n, 'shard')} that peak uses ${percent(peak.utilization)} of the write limit. ${burstCause(s, n)}`, at: at(s) };
  }
  const sizing = requiredShards(load, null, u);
  if (sizing.hotKey || sizing.requiredShards === null) {
    return {
      message: `${head}; no shard count carries the busiest key`,
      detail: `${facts} The busiest key (${percent(load.maxKeyShare ?? 0)} of the writes) alone needs more than one shard takes at the ${percent(u)} target, so adding shards will not help. ${SPREAD_ADVICE}`,
      at: at(s),
    };
  }
  const required = Math.max(sizing.requiredShards, n + 1);
  const binding = sizing.perLimit.find((p) => p.limit === sizing.binding)!;
  const shards = s.attr('shard_count');
  const fits = required <= UPDATE_SHARD_COUNT_MAX_SHARDS;
  const covered = coveredBySizing(s, required);
  return {
    message: `${head}; absorbing them needs ${plural(required, 'shard')}`,
    detail: `${facts} At ${plural(n, 'shard')} that uses ${percent(peak.utilization)} of the write limit; at the ${percent(u)} target ${limitWords(binding)} needs ${plural(required, 'shard')}${load.maxKeyShare ? ` (the busiest key's ${percent(load.maxKeyShare)} on one shard included)` : ''}${reshardNote(n, required)}.${covered ?? ''}`,
    at: at(s),
    fixes: shards && fits && !covered ? withDelta(setValueFix(shards, String(required), true), s, { shards: required }) : [],
  };
}

function reads(s: StreamFacts, o: ObservedStream, r: ThrottleStats): Report {
  const m = o.metrics;
  const readPeak = m.getRecordsBytes?.peak ?? null;
  const head = `Reads throttled: ${count(r.total)} GetRecords calls in ${plural(r.minutes, 'minute')}`;
  const facts = `${capital(provenance(o))}: ReadProvisionedThroughputExceeded ${count(r.total)} GetRecords calls over ${plural(r.minutes, 'minute')}` +
    (readPeak !== null ? `; GetRecords.Bytes peaked at ${mib(readPeak)} in a minute` : '') + '.';
  const calls = `Standard consumers share ${SHARD_GET_RECORDS_CALLS_PER_SEC} GetRecords calls and ${mib(SHARD_SHARED_READ_BYTES_PER_SEC)} per shard per second; enhanced fan-out gives each consumer its own ${mib(SHARD_SHARED_READ_BYTES_PER_SEC)} per shard.`;
  if (readPeak === null || s.mode !== 'PROVISIONED' || s.shardCount === null) {
    return { message: head, detail: `${facts} ${calls}`, at: at(s) };
  }
  const n = s.shardCount;
  const share = keyShare(s) ?? 0;
  const busiest = share * readPeak + ((1 - share) * readPeak) / n;
  const u = s.settings.config.targetUtilization;
  if (busiest <= SHARD_SHARED_READ_BYTES_PER_SEC) {
    return {
      message: `${head}, though minute averages fit ${plural(n, 'shard')}`,
      detail: `${facts} At ${plural(n, 'shard')} that peak uses ${percent(busiest / SHARD_SHARED_READ_BYTES_PER_SEC)} of the shared read limit, so the calls limit, within-minute bursts or a hot shard throttled them. ${calls} No shard count is offered.`,
      at: at(s),
    };
  }
  const required = shardsFor(readPeak, SHARD_SHARED_READ_BYTES_PER_SEC, u, share || null);
  const shards = s.attr('shard_count');
  if (required === null) {
    return { message: `${head}; no shard count carries the busiest key's reads`, detail: `${facts} ${SPREAD_ADVICE} ${calls}`, at: at(s) };
  }
  const need = Math.max(required, n + 1);
  const covered = coveredBySizing(s, need);
  return {
    message: `${head}; absorbing them needs ${plural(need, 'shard')}`,
    detail: `${facts} At ${plural(n, 'shard')} that uses ${percent(busiest / SHARD_SHARED_READ_BYTES_PER_SEC)} of the shared read limit; at the ${percent(u)} target ${mib(readPeak)} of reads needs ${plural(need, 'shard')}${reshardNote(n, need)}. ${calls}${covered ?? ''}`,
    at: at(s),
    fixes: shards && need <= UPDATE_SHARD_COUNT_MAX_SHARDS && !covered ? withDelta(setValueFix(shards, String(need), true), s, { shards: need }) : [],
  };
}

function at(s: StreamFacts) {
  return s.attr('shard_count')?.at ?? s.header;
}
