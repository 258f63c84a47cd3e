// Number clean-up for machine-readable output: sums of prices carry binary float noise (0.1 + 0.2).

/** Money: rounded to 1e-6 USD, far below any price step, so consumers can compare amounts exactly. */
export function roundUsd(n: number): number {
  return Math.round(n * 1e6) / 1e6 + 0; // `+ 0` turns -0 into 0
}

/**
 * Quantities and unit prices: 12 significant digits drop the noise without rounding tiny unit prices
 * (a PUT payload unit costs 1.4e-8 USD) to zero.
 */
export function cleanNumber(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(12)) + 0 : n;
}

export function cleanOrNull(n: number | null): number | null {
  return n === null ? null : cleanNumber(n);
}
