// The monthly change of one stream (after − before), with the honesty rules of core/partial.ts: an unknown side
// makes the delta unknown (never $0), and only a known `before` lets a lower-bound `after` give a lower bound.
import { isExact, type Bound } from '../partial';

/** Below a millionth of a dollar a difference is float noise from summing prices, not a change. */
const NOISE_USD = 1e-6;

/**
 * The monthly delta after − before: exact when both are exact; a lower bound when `after` is a lower bound and
 * `before` exact (and the bound is an increase: "at least −$5" says nothing a reader can use, so it is unknown);
 * null (unknown) otherwise. Added stream: before = 0 exactly; removed: after = 0 exactly.
 */
export function costDelta(before: Bound, after: Bound): Bound {
  if (!isExact(before) || after === null) return null;
  if (isExact(after)) return clean(after - before);
  const atLeast = clean(after.atLeast - before);
  return atLeast > 0 ? { atLeast } : null;
}

function clean(n: number): number {
  return Math.abs(n) < NOISE_USD ? 0 : n;
}
