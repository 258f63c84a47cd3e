// Per-second statistics of a metric's 1-minute sums over a time range; shared by `metrics pull` and the reader of
// raw get-metric-data output, so both give the same figures for the same data points.
import type { Stats, ThrottleStats } from './snapshot';

/**
 * `sums`: one value per period that has a data point (CloudWatch returns none for a minute without data, e.g. no
 * puts); `periods`: how many periods the range holds, so missing minutes count as 0 in p99 and mean.
 */
export function statsOf(sums: readonly number[], periods: number, periodSeconds: number): Stats {
  const n = Math.max(periods, sums.length);
  if (n === 0) return { peak: 0, p99: 0, mean: 0 };
  const rates = sums.map((s) => s / periodSeconds).sort((a, b) => a - b);
  const total = rates.reduce((a, b) => a + b, 0);
  // Nearest rank over all n periods: rank ceil(0.99 n); ranks past the missing (zero) periods fall in `rates`.
  const rank = Math.ceil(0.99 * n);
  const zeros = n - rates.length;
  const p99 = rank <= zeros ? 0 : rates[rank - zeros - 1];
  return { peak: rates.length ? rates[rates.length - 1] : 0, p99, mean: total / n };
}

export function throttleStatsOf(sums: readonly number[], periods: number, periodSeconds: number): ThrottleStats {
  return {
    ...statsOf(sums, periods, periodSeconds),
    total: sums.reduce((a, b) => a + b, 0),
    minutes: sums.filter((s) => s > 0).length,
  };
}
