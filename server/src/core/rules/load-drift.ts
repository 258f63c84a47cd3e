import type { Fix, TextEdit } from '../types';
import type { StreamRule } from './rule';
import { meta } from './rule';
import type { StreamFacts } from '../model/streamFacts';
import type { Declaration } from '../model/annotations';
import { DECLARATION_KEYS, valueProblem } from '../model/annotations';
import { resolveLoad, type ResolvedLoad } from '../pricing/load';
import type { Stats, StreamMetrics } from '../metrics/snapshot';
import type { Thresholds } from '../config/config';

/** thresholds.load_drift_tolerance / load_drift_below_factor. */
type DriftThresholds = Pick<Thresholds, 'loadDriftTolerance' | 'loadDriftBelowFactor'>;
import { annotationValueEdits } from '../fixes/annotationValues';
import { percent } from './messages';
import { capital, observation, provenance, rate } from './observedWords';
import { withDelta } from './fixDelta';

type Kind = 'bytes' | 'records';

export interface Drift {
  kind: Kind;
  direction: 'up' | 'down';
  declared: number;
  observed: Stats;
}

/** Each declared rate the observation drifted from: p99 above declared × (1 + tolerance), or peak below declared ×
 *  belowFactor. A rate that is not declared (nor derived from declared keys) or not observed is not compared. */
export function drifts(load: ResolvedLoad, metrics: StreamMetrics, t: DriftThresholds): Drift[] {
  const out: Drift[] = [];
  const pairs: [Kind, number | null, Stats | undefined][] = [
    ['bytes', load.writeBytesPerSec, metrics.incomingBytes],
    ['records', load.recordsPerSec, metrics.incomingRecords],
  ];
  for (const [kind, declared, observed] of pairs) {
    if (declared === null || !observed) continue;
    if (observed.p99 > declared * (1 + t.loadDriftTolerance)) out.push({ kind, direction: 'up', declared, observed });
    else if (observed.peak < declared * t.loadDriftBelowFactor) out.push({ kind, direction: 'down', declared, observed });
  }
  return out;
}

export const rule: StreamRule = {
  meta: meta('load-drift', 'warning', true, 'The observed traffic (metrics snapshot) is above the declared load, or far below it.'),
  check(s) {
    const o = observation(s);
    if (s.loadSource !== 'declared' || !s.load || !s.declaration || !o) return [];
    const t = s.settings.config.thresholds;
    const found = drifts(s.load, o.metrics, t);
    if (found.length === 0) return [];
    const [first] = found;
    const message = first.direction === 'up'
      ? `Observed p99 ${rate(first.kind, first.observed.p99)}, above the declared ${rate(first.kind, first.declared)}`
      : `Observed peak ${rate(first.kind, first.observed.peak)}, under ${percent(t.loadDriftBelowFactor)} of the declared ${rate(first.kind, first.declared)}`;
    const lines = found.map((d) => {
      const metric = d.kind === 'bytes' ? 'IncomingBytes' : 'IncomingRecords';
      const observed = `${metric} p99 ${rate(d.kind, d.observed.p99)} (peak ${rate(d.kind, d.observed.peak)}, mean ${rate(d.kind, d.observed.mean)})`;
      return d.direction === 'up'
        ? `${observed} is above the declared ${rate(d.kind, d.declared)} × ${1 + t.loadDriftTolerance} (thresholds.load_drift_tolerance)`
        : `${observed} peaks below the declared ${rate(d.kind, d.declared)} × ${t.loadDriftBelowFactor} (thresholds.load_drift_below_factor)`;
    });
    const fix = driftFix(s, o.metrics, t);
    const fixWords = fix.length ? ' The fix writes the observed values.' : ' Declare the observed p99 rates to size and price from them.';
    return [{
      message,
      detail: `${capital(provenance(o))}: ${lines.join('; ')}. The declared load (${declaredWhere(s)}) sizes the stream and prices its usage.${fixWords}`,
      at: declarationAt(s),
      fixes: fix,
    }];
  },
};

/** The annotation that declares a rate (its first), else the stream's header (a config entry). */
function declarationAt(s: StreamFacts) {
  const a = s.annotations.find((x) => x.declaration.writeMiBPerSec !== undefined || x.declaration.recordsPerSec !== undefined || x.declaration.avgRecordKiB !== undefined);
  return a ? { file: a.file.path, range: a.file.lines.rangeOf(a.comment.span) } : s.header;
}

function declaredWhere(s: StreamFacts): string {
  const inAnnotation = s.annotations.some((a) => Object.keys(a.declaration).length > 0);
  const inConfig = s.settings.config.streams[s.stream.resource] !== undefined;
  return inAnnotation && inConfig ? 'annotation and .kinesis-lint.json' : inAnnotation ? 'annotation' : '.kinesis-lint.json';
}

const MiB = 1024 * 1024;

/** Up to 3 significant digits, rounded up (so a written rate is never below what was observed): 2.4871 → 2.49. */
function ceilDigits(n: number): number {
  if (!(n > 0)) return 0;
  const scale = 10 ** (Math.floor(Math.log10(n)) - 2);
  return Number((Math.ceil(n / scale - 1e-9) * scale).toPrecision(3));
}

const RATE_KEYS = ['write_mib_per_sec', 'records_per_sec', 'avg_record_kib', 'avg_utilization'] as const;
type RateKey = (typeof RATE_KEYS)[number];
const FIELD: Record<RateKey, keyof Declaration> = {
  write_mib_per_sec: 'writeMiBPerSec',
  records_per_sec: 'recordsPerSec',
  avg_record_kib: 'avgRecordKiB',
  avg_utilization: 'avgUtilization',
};

/**
 * The declared keys rewritten to what was observed (the same keys, so nothing else changes): write_mib_per_sec and
 * records_per_sec the p99s; avg_record_kib the observed mean size when both rates are declared, else p99 bytes ÷
 * p99 records so the derived rate is the observed one; avg_utilization mean ÷ p99 of the bytes. Undefined when a
 * value cannot be computed or would not remove the drift.
 */
export function observedValues(d: Declaration, m: StreamMetrics, t: DriftThresholds): Partial<Record<RateKey, number>> | undefined {
  const bytes = m.incomingBytes;
  const records = m.incomingRecords;
  const out: Partial<Record<RateKey, number>> = {};
  const has = (k: RateKey) => d[FIELD[k]] !== undefined;
  if (has('write_mib_per_sec')) {
    if (!bytes) return undefined;
    out.write_mib_per_sec = ceilDigits(bytes.p99 / MiB);
  }
  if (has('records_per_sec')) {
    if (!records) return undefined;
    out.records_per_sec = ceilDigits(records.p99);
  }
  if (has('avg_record_kib')) {
    if (!bytes || !records) return undefined;
    const size = has('write_mib_per_sec') && has('records_per_sec')
      ? (records.mean > 0 ? bytes.mean / records.mean : NaN)
      : (records.p99 > 0 ? bytes.p99 / records.p99 : NaN);
    if (!(size > 0)) return undefined;
    out.avg_record_kib = ceilDigits(size / 1024);
  }
  if (has('avg_utilization') && bytes && bytes.p99 > 0) out.avg_utilization = Math.min(1, Math.ceil((bytes.mean / bytes.p99) * 100) / 100);
  for (const [key, value] of Object.entries(out)) if (valueProblem(key, String(value), DECLARATION_KEYS[key])) return undefined;
  // What the fix writes must leave no drift: checked with the same test the rule makes.
  const after: Declaration = { ...d };
  for (const [key, value] of Object.entries(out)) (after as Record<string, number>)[FIELD[key as RateKey]] = value;
  return drifts(resolveLoad(after), m, t).length === 0 ? out : undefined;
}

function driftFix(s: StreamFacts, m: StreamMetrics, t: DriftThresholds): Fix[] {
  const values = observedValues(s.declaration!, m, t);
  if (!values || Object.keys(values).length === 0) return [];
  const text = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));
  const { edits, missing } = annotationValueEdits(s.block, text);
  // Keys only the config declares: their values in .kinesis-lint.json.
  const ranges = s.settings.config.streamRanges?.[s.stream.resource];
  const file = s.settings.configFile;
  const configEdits: TextEdit[] = [];
  for (const key of missing) {
    const range = ranges?.[key];
    if (!range || !file) return [];
    configEdits.push({ file, range, newText: text[key] });
  }
  const changed = Object.entries(text).map(([k, v]) => `${k}=${v}`).join(' ');
  const where = configEdits.length === 0 ? '' : edits.length === 0 ? ' in .kinesis-lint.json' : ' (annotation and .kinesis-lint.json)';
  const title = `Declare the observed load: ${changed}${where}`;
  const applied = resolveLoad({ ...s.declaration!, ...Object.fromEntries(Object.entries(values).map(([k, v]) => [FIELD[k as RateKey], v])) });
  return withDelta([{ title, edits: [...edits, ...configEdits], preferred: true }], s, { load: { ...applied, maxKeyShare: s.load!.maxKeyShare } });
}
