// The words every output uses for an observation: "observed 2026-11-12 → 11-26", "snapshot 3 days old".
import type { SnapshotInfo } from './snapshot';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The days the range covers, the last one included: [2026-11-12T00:00Z, 2026-11-26T00:00Z) is "2026-11-12 → 11-25";
 *  the end's year is left out when it is the start's. */
export function rangeWords(start: string, end: string): string {
  const from = start.slice(0, 10);
  const lastMs = Math.max(Date.parse(start), Date.parse(end) - 1);
  const to = new Date(lastMs).toISOString().slice(0, 10);
  if (to === from) return from;
  return `${from} → ${to.slice(0, 4) === from.slice(0, 4) ? to.slice(5) : to}`;
}

export function observedWords(info: Pick<SnapshotInfo, 'start' | 'end'>): string {
  return `observed ${rangeWords(info.start, info.end)}`;
}

/** Whole days from `pulledAt` to `now` (never negative: a clock behind the snapshot's counts as 0). */
export function ageInDays(pulledAt: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(pulledAt)) / DAY_MS));
}

export function ageWords(info: Pick<SnapshotInfo, 'ageDays'>): string {
  if (info.ageDays === 0) return 'snapshot pulled today';
  return `snapshot ${info.ageDays} day${info.ageDays === 1 ? '' : 's'} old`;
}
