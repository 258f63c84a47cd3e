// Text of a metrics snapshot (or of raw `aws cloudwatch get-metric-data` output) → MetricsSnapshot, or problems at
// their exact JSON positions, like a price table's. Pure: the caller reads the file through the Host.
// `import = require` works with and without esModuleInterop (the tests' ts-node runs without it).
import schema = require('./metrics.schema.json');
import { createHash } from 'node:crypto';
import { parseJsonDocument, joinPointer } from '../json/positions';
import { compileSchema, schemaProblems, type JsonProblem } from '../json/schemaProblems';
import { SNAPSHOT_VERSION, type MetricsSnapshot } from './snapshot';
import { isRawMetricData, snapshotFromRawMetricData } from './rawMetricData';

export interface SnapshotRead {
  /** The snapshot, when the text is a valid one (or raw output the raw reader accepts). */
  snapshot?: MetricsSnapshot;
  /** Problems in the file, each at its place; none when `snapshot` is set. */
  problems: JsonProblem[];
  /** The text's sha1: the result cache's key part for the snapshot (pipeline/fingerprint.ts). */
  digest: string;
  /** The text was raw get-metric-data output. */
  raw: boolean;
}

const validate = compileSchema(schema);

/** Checked only when the schema holds: what the schema cannot say. */
function crossProblems(snapshot: MetricsSnapshot, locate: (pointer: string) => JsonProblem['range']): JsonProblem[] {
  const problems: JsonProblem[] = [];
  const at = (path: string, message: string) => problems.push({ path, message, range: locate(path) });
  const { start, end } = snapshot.range;
  if (Number.isNaN(Date.parse(start))) at('/range/start', `"range.start" is not a valid instant (got "${start}")`);
  if (Number.isNaN(Date.parse(end))) at('/range/end', `"range.end" is not a valid instant (got "${end}")`);
  else if (!(Date.parse(end) > Date.parse(start))) at('/range/end', `"range.end" must be after "range.start" (got ${end} ≤ ${start})`);
  const pulled = Date.parse(snapshot.pulledAt);
  if (Number.isNaN(pulled)) at('/pulledAt', `"pulledAt" is not a valid instant (got "${snapshot.pulledAt}")`);
  // Data cannot be read before its last minute ended (a pull ends its range at the minute it starts): an earlier
  // pulledAt would make a snapshot look newer than its data.
  else if (!Number.isNaN(Date.parse(end)) && pulled < Date.parse(end) - snapshot.range.periodSeconds * 1000) {
    at('/pulledAt', `"pulledAt" must not be before the data it holds (got ${snapshot.pulledAt}, "range.end" ${end})`);
  }
  const seen = new Map<string, number>();
  snapshot.streams.forEach((s, i) => {
    const key = `${s.stream}\u0000${s.region ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      const where = s.region === null ? 'with no region' : `in ${s.region}`;
      at(joinPointer(`/streams/${i}`, 'stream'), `stream "${s.stream}" ${where} is listed twice (also streams[${first}])`);
    } else seen.set(key, i);
  });
  return problems;
}

/**
 * `now`: the clock of the analysis (raw output has no pull time: it counts as pulled at the end of its data,
 * rawMetricData.ts). Problems' messages say what is wrong; the caller adds where the snapshot came from.
 */
export function readSnapshot(text: string, options: { now: Date }): SnapshotRead {
  const digest = createHash('sha1').update(text).digest('hex');
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) return { problems: [{ path: '', message: parsed.message, range: parsed.range, jsonSyntax: true }], digest, raw: false };
  const { doc } = parsed;
  const value = doc.value;
  if (isRawMetricData(value)) {
    const raw = snapshotFromRawMetricData(value, { now: options.now });
    const problems = raw.problems.map((p): JsonProblem => {
      const path = p.path.reduce<string>((pointer, segment) => joinPointer(pointer, String(segment)), '');
      return { path, message: p.message, range: doc.rangeOf(path) };
    });
    return raw.snapshot && problems.length === 0 ? { snapshot: raw.snapshot, problems: [], digest, raw: true } : { problems, digest, raw: true };
  }
  // A newer format is refused with one clear message rather than every key it may have changed.
  const version = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version !== SNAPSHOT_VERSION) {
    const message = `metrics snapshot version ${version} is not supported (this kinesis-lint reads version ${SNAPSHOT_VERSION}); update kinesis-lint or pull the metrics again`;
    return { problems: [{ path: '/version', message, range: doc.rangeOf('/version') }], digest, raw: false };
  }
  const problems = schemaProblems(validate, value, (p, part) => doc.rangeOf(p, part));
  if (problems.length > 0) return { problems, digest, raw: false };
  const snapshot = value as MetricsSnapshot;
  const cross = crossProblems(snapshot, (p) => doc.rangeOf(p));
  return cross.length > 0 ? { problems: cross, digest, raw: false } : { snapshot, problems: [], digest, raw: false };
}
