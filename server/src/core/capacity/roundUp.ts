// Ceiling that ignores floating-point noise: 2.4 / 0.8 is 3.0000000000000004 in binary floating point and
// must give 3 shards, not 4. A relative tolerance of 1e-9 is far below any meaningful fraction of a unit.
const RELATIVE_TOLERANCE = 1e-9;

export function roundUp(x: number): number {
  const nearest = Math.round(x);
  return Math.abs(x - nearest) <= RELATIVE_TOLERANCE * Math.max(1, Math.abs(x)) ? nearest : Math.ceil(x);
}
