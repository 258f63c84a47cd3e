// A monthly delta in words, the one way every diff surface writes it: "+$21.90", "-$5.00", "$0.00",
// "at least +$21.90" (a lower bound), "unknown" (never $0).
import { formatUsd } from '../pricing/format';
import type { Bound } from '../partial';

export function formatDelta(d: Bound, per = ''): string {
  if (d === null) return 'unknown';
  if (typeof d !== 'number') return `at least +${formatUsd(d.atLeast)}${per}`;
  if (d === 0) return `${formatUsd(0)}${per}`;
  return `${d > 0 ? '+' : '-'}${formatUsd(Math.abs(d))}${per}`;
}
