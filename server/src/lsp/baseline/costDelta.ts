// The monthly delta of one stream and how streams are matched across the two sides. These follow the interface
// i12-diff's core/diff provides (COMMON12.md); this local copy stands until that branch is merged, then these two
// functions are re-exported from there.
import type { Bound } from '../../core/partial';

/** after − before: exact when both are; a lower bound when `after` is one and `before` exact (and the delta is an
 *  increase: a lower bound of a decrease says nothing); unknown otherwise. */
export function costDelta(before: Bound, after: Bound): Bound {
  if (typeof before !== 'number' || after === null) return null;
  if (typeof after === 'number') return after - before;
  const d = after.atLeast - before;
  return d > 0 ? { atLeast: d } : null;
}

/** One stream's identity across the two sides: its root module (relative to the work tree) and its address. */
export function streamKey(root: string, address: string): string {
  return `${root}\u0000${address}`;
}
