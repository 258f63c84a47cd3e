import type { Location } from '../types';
import type { AttrFact } from '../model/streamFacts';
import type { Report, StreamRule } from './rule';
import { meta } from './rule';
import { MAX_RECORD_SIZE_KIB, RETENTION_HOURS } from '../capacity/limits';
import { didYouMean } from '../json/didYouMean';

/** Values the provider accepts (hashicorp/aws docs for aws_kinesis_stream). */
const ENCRYPTION_TYPES = ['KMS', 'NONE'];
const STREAM_MODES = ['PROVISIONED', 'ON_DEMAND'];
const SHARD_LEVEL_METRICS = [
  'IncomingBytes', 'IncomingRecords', 'OutgoingBytes', 'OutgoingRecords', 'WriteProvisionedThroughputExceeded',
  'ReadProvisionedThroughputExceeded', 'IteratorAgeMilliseconds', 'ALL',
];

export const rule: StreamRule = {
  meta: meta('invalid-argument', 'error', false, 'An argument value the AWS provider or the Kinesis API rejects.'),
  check(s) {
    const out: Report[] = [];
    const range = (fact: AttrFact | undefined, min: number, max: number, what: string) => {
      const v = fact?.value;
      if (fact && typeof v === 'number' && (v < min || v > max || !Number.isInteger(v))) {
        out.push({ message: `${fact.name} = ${v} is invalid: use a whole number from ${min} to ${max}`, detail: `${what[0].toUpperCase()}${what.slice(1)} must be a whole number from ${min} to ${max}.`, at: fact.at });
      }
    };
    range(s.attr('retention_period'), RETENTION_HOURS.min, RETENTION_HOURS.max, 'retention (hours)');
    range(s.attr('max_record_size_in_kib'), MAX_RECORD_SIZE_KIB.min, MAX_RECORD_SIZE_KIB.max, 'the maximum record size (KiB)');
    // The provider's CustomizeDiff rejects shard_count < 1 only in PROVISIONED mode; ON_DEMAND accepts 0 (and
    // rejects > 0, which shard-count-mode-conflict says). An unknown mode decides nothing.
    const shards = s.attr('shard_count');
    if (s.mode === 'PROVISIONED' && shards && typeof shards.value === 'number' && (shards.value < 1 || !Number.isInteger(shards.value))) {
      out.push({ message: `shard_count = ${shards.value} is invalid: use a whole number, at least 1`, detail: 'A PROVISIONED stream needs a whole number of shards, at least 1.', at: shards.at });
    }
    oneOf(out, s.attr('encryption_type'), ENCRYPTION_TYPES);
    oneOf(out, s.modeAttr, STREAM_MODES);
    const metrics = s.attr('shard_level_metrics');
    if (metrics && Array.isArray(metrics.value)) {
      for (const m of metrics.value) {
        if (typeof m === 'string' && !SHARD_LEVEL_METRICS.includes(m)) {
          out.push({ message: `"${m}" is not a shard-level metric${hint(m, SHARD_LEVEL_METRICS)}`, detail: `Valid: ${SHARD_LEVEL_METRICS.join(', ')}.`, at: elementAt(metrics, m) });
        }
      }
    }
    return out;
  },
};

function oneOf(out: Report[], fact: AttrFact | undefined, allowed: string[]): void {
  if (fact && typeof fact.value === 'string' && !allowed.includes(fact.value)) {
    out.push({ message: `${fact.name} = "${fact.value}" is invalid${hint(fact.value, allowed)}: use one of ${allowed.map((a) => `"${a}"`).join(', ')}`, at: fact.at });
  }
}

/** " (did you mean "OutgoingBytes"?)" for a near miss, else nothing. */
function hint(value: string, allowed: string[]): string {
  const near = didYouMean(value, allowed);
  return near ? ` (did you mean "${near}"?)` : '';
}

/** The quoted element inside a list literal, when it is written there; else the whole value. */
function elementAt(fact: AttrFact, element: string): Location {
  const { file, scanned } = fact.attr;
  // Only when the finding is on this very value (not on a module caller's argument or a variable reference).
  const own = file.lines.rangeOf(scanned.valueSpan);
  if (fact.at.file !== file.path || fact.at.range.start.line !== own.start.line || fact.at.range.start.character !== own.start.character) return fact.at;
  const i = file.text.slice(scanned.valueSpan.start, scanned.valueSpan.end).indexOf(JSON.stringify(element));
  if (i < 0) return fact.at;
  const start = scanned.valueSpan.start + i;
  return { file: file.path, range: file.lines.rangeOf({ start, end: start + element.length + 2 }) };
}
