// What drove a stream's change, in words and data: "shards 2 → 4", "retention 24 → 168 h", "EFO consumers +1".
import type { Bound } from '../partial';
import { formatCount } from '../pricing/format';
import type { StreamSide } from './streamSide';

export type DriverKind = 'address' | 'file' | 'region' | 'mode' | 'instances' | 'shards' | 'retention' | 'efo' | 'standard';

export interface Driver {
  kind: DriverKind;
  /** The values as the sides have them (null: unknown; a Bound for reader counts). */
  before: string | number | Bound;
  after: string | number | Bound;
  /** "shards 2 → 4", "moved from a.tf to b.tf". */
  text: string;
}

/** The facts that differ between two sides of one stream, in a fixed order (file first, then what prices it). */
export function streamDrivers(before: StreamSide, after: StreamSide): Driver[] {
  const drivers: Driver[] = [];
  if (before.file !== after.file) drivers.push({ kind: 'file', before: before.file, after: after.file, text: `moved from ${before.file} to ${after.file}` });
  if (before.region !== after.region) drivers.push(change('region', before.region, after.region, 'region'));
  if (before.mode !== after.mode) drivers.push(change('mode', before.mode, after.mode, 'mode'));
  if (before.instances !== after.instances) drivers.push(change('instances', before.instances, after.instances, 'instances'));
  if (before.shardCount !== after.shardCount) drivers.push(change('shards', before.shardCount, after.shardCount, 'shards'));
  if (before.retentionHours !== after.retentionHours) drivers.push(change('retention', before.retentionHours, after.retentionHours, 'retention', ' h'));
  if (!sameBound(before.consumers.efo, after.consumers.efo)) drivers.push(countChange('efo', before.consumers.efo, after.consumers.efo, 'EFO consumers'));
  if (!sameBound(before.consumers.standard, after.consumers.standard)) drivers.push(countChange('standard', before.consumers.standard, after.consumers.standard, 'standard readers'));
  return drivers;
}

export function sameBound(a: Bound, b: Bound): boolean {
  if (a === null || b === null || typeof a === 'number' || typeof b === 'number') return a === b;
  return a.atLeast === b.atLeast;
}

function change(kind: DriverKind, before: string | number | null, after: string | number | null, name: string, unit = ''): Driver {
  const show = (v: string | number | null) => (v === null ? 'unknown' : String(v));
  // "retention 24 → 168 h", "shards 2 → unknown": the unit once, after the pair.
  const suffix = before !== null && after !== null ? unit : '';
  return { kind, before, after, text: `${name} ${show(before)} → ${show(after)}${suffix}` };
}

/** "EFO consumers +1" when both counts are exact, else "EFO consumers 1 → at least 2". */
function countChange(kind: DriverKind, before: Bound, after: Bound, name: string): Driver {
  if (typeof before === 'number' && typeof after === 'number') {
    const d = after - before;
    return { kind, before, after, text: `${name} ${d > 0 ? '+' : '-'}${Math.abs(d)}` };
  }
  const show = (b: Bound) => (b === null ? 'unknown' : formatCount(b));
  return { kind, before, after, text: `${name} ${show(before)} → ${show(after)}` };
}
