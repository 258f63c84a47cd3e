// One stream's change against the base: added, removed, changed or unchanged, its monthly delta (core/diff's
// streamChange: exact, a lower bound or unknown, never $0 for unknown), what drove it, and why the delta is unknown
// when it is.
import * as path from 'node:path';
import type { StreamReport } from '../../core/results';
import { unknownCause } from '../../core/pricing/format';
import { isExact, type Bound } from '../../core/partial';
import { streamChange, streamSide, type Driver } from '../../core/diff';

export interface StreamDelta {
  kind: 'added' | 'removed' | 'changed' | 'unchanged';
  resource: string;
  delta: Bound;
  /** "1 → 2 shards", "retention 24 → 168 h", "EFO consumers +1". */
  drivers: string[];
  /** Why the delta is unknown (delta null), in words. */
  unknownWhy?: string;
}

/** `base`/`live` absent: the stream is new / was removed. `against` names the base ("HEAD") in the reasons. */
export function streamDelta(base: StreamReport | undefined, live: StreamReport | undefined, against: string, root = '/'): StreamDelta {
  if (!base) {
    const s = live!;
    return { kind: 'added', resource: s.resource, delta: streamChange(null, streamSide(s, '.')).delta, drivers: [], unknownWhy: isExact(s.monthlyCost) ? undefined : cause(s) };
  }
  if (!live) {
    const why = isExact(base.monthlyCost) ? undefined : `its cost at ${against} is not known exactly`;
    return { kind: 'removed', resource: base.resource, delta: streamChange(streamSide(base, '.'), null).delta, drivers: [], unknownWhy: why };
  }
  // A file move is said relative to the root module ("moved from a.tf to b.tf").
  const rel = (file: string) => path.relative(root, file).split(path.sep).join('/');
  // core/diff decides what "unchanged" means (same figures, cost lines and unknowns: $0), as the CLI's diff does.
  const { status, delta, drivers } = streamChange(streamSide(base, '.', rel), streamSide(live, '.', rel));
  if (status === 'unchanged') return { kind: 'unchanged', resource: live.resource, delta, drivers: [] };
  let unknownWhy: string | undefined;
  // The side that is not exact says why (a lower bound now may hide a decrease: what it lacks).
  if (delta === null) unknownWhy = !isExact(live.monthlyCost) ? cause(live) : base.monthlyCost === null ? `cost at ${against} unknown (${cause(base)})` : `cost at ${against} is a lower bound`;
  return { kind: 'changed', resource: live.resource, delta, drivers: drivers.map(words), unknownWhy };
}

/** The diff's words, except shards, which the editor writes as "2 → 4 shards" after the amount. */
function words(d: Driver): string {
  if (d.kind === 'shards') return `${d.before ?? '?'} → ${d.after ?? '?'} shards`;
  return d.text;
}

function cause(s: StreamReport): string {
  return unknownCause(s.unknowns) || 'cost unknown';
}
