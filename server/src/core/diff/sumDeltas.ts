// The sum of streams' monthly deltas, with the honesty rules of core/partial.ts: one unknown makes the sum unknown,
// a lower bound makes it a lower bound (of an increase only: "at least −$5" says nothing). The CLI's diff total and
// the editor's workspace delta are both this sum.
import { isExact, knownPart, type Bound } from '../partial';

export interface DeltaSum {
  delta: Bound;
  /** The sum of the deltas that are not unknown, by their known part (what --fail-on-increase compares). */
  knownDeltaUsd: number;
  unknownStreams: number;
  lowerBoundStreams: number;
}

export function sumDeltas(deltas: readonly Bound[]): DeltaSum {
  const known = deltas.filter((d): d is Exclude<Bound, null> => d !== null);
  // Rounded to a millionth of a dollar: sums of prices carry float noise (10.95 − 5 = 5.949999…).
  const knownDeltaUsd = Math.round(known.reduce((sum: number, d) => sum + knownPart(d), 0) * 1e6) / 1e6 + 0;
  const unknownStreams = deltas.length - known.length;
  const lowerBoundStreams = known.filter((d) => !isExact(d)).length;
  const delta: Bound = unknownStreams > 0 ? null : lowerBoundStreams === 0 ? knownDeltaUsd : knownDeltaUsd > 0 ? { atLeast: knownDeltaUsd } : null;
  return { delta, knownDeltaUsd, unknownStreams, lowerBoundStreams };
}
