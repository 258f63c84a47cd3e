// One stream's change against the base: added, removed or changed, its monthly delta (exact, a lower bound or
// unknown, never $0 for unknown), what drove it, and why it is unknown when it is.
import type { StreamReport } from '../../core/results';
import { formatCount, unknownCause } from '../../core/pricing/format';
import { isExact, type Bound } from '../../core/partial';
import { costDelta } from './costDelta';

export interface StreamDelta {
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  resource: string;
  delta: Bound;
  /** "2 → 4 shards", "retention 24 → 168 h", "EFO consumers 0 → 1". */
  drivers: string[];
  /** Why the delta is unknown (delta null), in words. */
  unknownWhy?: string;
}

const ZERO: Bound = 0;

/** `base`/`live` absent: the stream is new / was removed. `against` names the base ("HEAD") in the reasons. */
export function streamDelta(base: StreamReport | undefined, live: StreamReport | undefined, against: string): StreamDelta {
  const resource = (live ?? base)!.resource;
  if (!base) return { kind: 'added', resource, delta: costDelta(ZERO, live!.monthlyCost), drivers: [], unknownWhy: live!.monthlyCost === null ? cause(live!) : undefined };
  if (!live) return { kind: 'removed', resource, delta: removedDelta(base.monthlyCost), drivers: [], unknownWhy: isExact(base.monthlyCost) ? undefined : `its cost at ${against} is not known exactly` };
  const drivers = driversOf(base, live);
  const delta = costDelta(base.monthlyCost, live.monthlyCost);
  const same = drivers.length === 0 && JSON.stringify(base.monthlyCost) === JSON.stringify(live.monthlyCost);
  let unknownWhy: string | undefined;
  if (delta === null) {
    // The side that is not exact says why (a lower bound now that may be a decrease: what it lacks).
    if (!isExact(live.monthlyCost)) unknownWhy = cause(live);
    else unknownWhy = base.monthlyCost === null ? `cost at ${against} unknown (${cause(base)})` : `cost at ${against} is a lower bound`;
  }
  return { kind: same ? 'unchanged' : 'changed', resource, delta: same ? 0 : delta, drivers, unknownWhy };
}

/** A removed stream takes its cost away: exactly when that cost was exact, else unknown. */
function removedDelta(before: Bound): Bound {
  return isExact(before) ? -before : null;
}

function cause(s: StreamReport): string {
  return unknownCause(s.unknowns) || 'cost unknown';
}

const MODE_WORDS = { PROVISIONED: 'provisioned', ON_DEMAND: 'on-demand' } as const;

/** What differs between the two sides, in the order a reader looks for it. */
export function driversOf(base: StreamReport, live: StreamReport): string[] {
  const out: string[] = [];
  const n = (v: number | null) => (v === null ? '?' : String(v));
  if (base.instances !== live.instances) out.push(`${n(base.instances)} → ${n(live.instances)} instances`);
  if (base.mode !== live.mode) out.push(`${base.mode ? MODE_WORDS[base.mode] : '?'} → ${live.mode ? MODE_WORDS[live.mode] : '?'}`);
  else if (live.mode === 'PROVISIONED' && base.shardCount !== live.shardCount) out.push(`${n(base.shardCount)} → ${n(live.shardCount)} shards`);
  if (base.retentionHours !== live.retentionHours) out.push(`retention ${n(base.retentionHours)} → ${n(live.retentionHours)} h`);
  const efo = [formatCount(base.consumers.efo), formatCount(live.consumers.efo)];
  if (efo[0] !== efo[1]) out.push(`EFO consumers ${efo[0]} → ${efo[1]}`);
  const standard = [formatCount(base.consumers.standard), formatCount(live.consumers.standard)];
  if (standard[0] !== standard[1]) out.push(`readers ${standard[0]} → ${standard[1]}`);
  if (base.region !== live.region) out.push(`region ${base.region} → ${live.region}`);
  return out;
}
