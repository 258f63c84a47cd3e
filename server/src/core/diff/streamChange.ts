// The change of one stream between two sides: its status, monthly delta and drivers. The CLI's diff and the
// editor's "vs HEAD" delta both take it from here, so they agree on what "unchanged" costs.
import { type Bound } from '../partial';
import { costDelta } from './costDelta';
import { streamDrivers, type Driver } from './drivers';
import type { SideComponent, StreamSide } from './streamSide';

export type StreamStatus = 'added' | 'removed' | 'changed' | 'unchanged';

export interface StreamChange {
  /** 'unchanged' when every figure, cost line and unknown input is the same on both sides. */
  status: StreamStatus;
  /**
   * costDelta(before ?? 0, after ?? 0), except for an unchanged stream: exactly 0 even when its cost is unknown or a
   * lower bound, since nothing it is priced from differs (an input unknown on both sides, e.g. a variable without a
   * value, is taken as the same input: the diff is the change's, docs/diff.md "Deltas").
   */
  delta: Bound;
  /** Empty for added/removed streams. */
  drivers: Driver[];
}

export function streamChange(before: StreamSide | null, after: StreamSide | null): StreamChange {
  if (!before || !after) return { status: before ? 'removed' : 'added', delta: costDelta(before ? before.monthlyCost : 0, after ? after.monthlyCost : 0), drivers: [] };
  const drivers = streamDrivers(before, after);
  const same = drivers.length === 0 && sameMoney(before.monthlyCost, after.monthlyCost) && sameComponents(before, after) && sameList(before.unknowns, after.unknowns);
  return { status: same ? 'unchanged' : 'changed', delta: same ? 0 : costDelta(before.monthlyCost, after.monthlyCost), drivers };
}

/**
 * Line by line. A side read back from a --format json report has its numbers rounded (money to 1e-6 USD, quantities
 * and unit prices to 12 significant digits: cli/format/numbers.ts), so numbers are compared to that precision.
 */
function sameComponents(a: StreamSide, b: StreamSide): boolean {
  const x = a.components ?? [];
  const y = b.components ?? [];
  return x.length === y.length && x.every((c, i) => sameComponent(c, y[i]));
}

function sameComponent(a: SideComponent, b: SideComponent): boolean {
  return a.id === b.id && a.label === b.label && a.unit === b.unit && near(a.quantity, b.quantity) && near(a.unitPriceUsd, b.unitPriceUsd)
    && sameMoney(a.monthlyUsd, b.monthlyUsd);
}

/** Equal to the report's rounding (1e-6 USD); a lower bound only to a lower bound. */
function sameMoney(a: Bound, b: Bound): boolean {
  if (a === null || b === null) return a === b;
  if (typeof a === 'number' || typeof b === 'number') return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= MONEY_PRECISION;
  return Math.abs(a.atLeast - b.atLeast) <= MONEY_PRECISION;
}

/** A --format json report rounds money to 1e-6 USD (cli/format/numbers.ts roundUsd): half of that either way, twice. */
const MONEY_PRECISION = 1e-6;

function near(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a - b) <= 1e-11 * Math.max(Math.abs(a), Math.abs(b));
}

function sameList(a: readonly string[] = [], b: readonly string[] = []): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
