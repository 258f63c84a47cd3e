// Wording shared by the rules that read a metrics snapshot (load-drift, throttled, hot-shard).
import type { StreamFacts } from '../model/streamFacts';
import type { ObservedStream } from '../metrics/snapshot';
import { ageWords, observedWords } from '../metrics/describe';
import { mib } from './messages';

/** The observation when it can be used as traffic: a matched stream with data points. */
export function observation(s: StreamFacts): ObservedStream | null {
  return s.observed && s.observed.metrics.minutes > 0 ? s.observed : null;
}

/** "observed 2026-11-12 → 11-25 (snapshot 3 days old)" */
export function provenance(o: ObservedStream): string {
  return `${observedWords(o.snapshot)} (${ageWords(o.snapshot)})`;
}

/** 2,500 records/s; below 10, one decimal (0.5 records/s). */
export function recordRate(n: number): string {
  const v = n < 10 ? Number(n.toFixed(1)) : Math.round(n);
  return `${v.toLocaleString('en-US')} records/s`;
}

export function rate(kind: 'bytes' | 'records', n: number): string {
  return kind === 'bytes' ? mib(n) : recordRate(n);
}

/** 1,234 */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function capital(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
