// `# kinesis-lint: write_mib_per_sec=3 records_per_sec=2500 consumers=2` — the load a stream must carry, declared in
// a comment directly above the resource line (among other comments) or on any line inside the block.
import type { Span } from '../text/span';
import type { ScannedComment } from '../syntax/scannerTypes';
import type { HclBlock, SourceFile } from '../syntax/sourceFile';
import { didYouMean } from '../json/didYouMean';

/** What a stream declares; every key optional. Config `streams` entries use the same keys. */
export interface Declaration {
  writeMiBPerSec?: number;
  recordsPerSec?: number;
  avgRecordKiB?: number;
  consumers?: number;
  efoConsumers?: number;
  avgUtilization?: number;
  replayGiBPerMonth?: number;
  /** The busiest partition key's share of the writes, 0 < x ≤ 1 (a key always lands on one shard). */
  maxKeyShare?: number;
}

interface KeySpec {
  field: keyof Declaration;
  integer?: boolean;
  /** 0 itself is refused (a share of nothing is no busiest key). */
  aboveZero?: boolean;
  /** The largest plausible value, from AWS's limits (docs/rules/invalid-annotation.md gives each source). */
  max: number;
}

/**
 * The annotation keys as users write them (snake_case, like the config file), with their upper bounds: a value
 * past what one stream can carry is a typo, and would otherwise turn into absurd shard counts and costs.
 * kinesis-lint.schema.json's `streamLoad` maxima are the same numbers (a test checks it).
 */
export const DECLARATION_KEYS: Record<string, KeySpec> = {
  // On-demand's highest write rate, 10 GiB/s (provisioned at 10,000 shards × 1 MiB/s stays below it).
  write_mib_per_sec: { field: 'writeMiBPerSec', max: 10_240 },
  // 10,000 shards × 1,000 records/s.
  records_per_sec: { field: 'recordsPerSec', max: 10_000_000 },
  // The largest record: 10 MiB (max_record_size_in_kib ≤ 10240).
  avg_record_kib: { field: 'avgRecordKiB', max: 10_240 },
  // No AWS quota; 5 GetRecords calls/s per shard make more than a few readers throttle, so 1,000 is generous.
  consumers: { field: 'consumers', integer: true, max: 1_000 },
  // 20 EFO consumers per stream, 50 with On-demand Advantage.
  efo_consumers: { field: 'efoConsumers', integer: true, max: 50 },
  avg_utilization: { field: 'avgUtilization', max: 1 },
  // A month (730 h) of reading at on-demand's highest read rate, 2 × 10 GiB/s: 52,560,000 GiB.
  replay_gib_per_month: { field: 'replayGiBPerMonth', max: 52_560_000 },
  // A share of the writes: the busiest key carries at most all of them.
  max_key_share: { field: 'maxKeyShare', max: 1, aboveZero: true },
};

export interface AnnotationProblem {
  file: string;
  span: Span;
  message: string;
}

export interface Annotation {
  file: SourceFile;
  comment: ScannedComment;
  declaration: Declaration;
  problems: AnnotationProblem[];
}

const MARKER = /^(\s*(?:#|\/\/|\/\*)\s*)kinesis-lint:/;

/** Parse one comment; undefined when it is not a `kinesis-lint:` annotation. */
export function parseAnnotation(file: SourceFile, comment: ScannedComment): Annotation | undefined {
  const m = MARKER.exec(comment.text);
  if (!m) return undefined;
  const annotation: Annotation = { file, comment, declaration: {}, problems: [] };
  const body = comment.style === '/*' ? comment.text.slice(0, -2) : comment.text;
  const tokens = /[^\s,]+/g;
  tokens.lastIndex = m[0].length;
  const problem = (start: number, end: number, message: string) =>
    annotation.problems.push({ file: file.path, span: span(comment, start, end), message });
  for (let t = tokens.exec(body); t; t = tokens.exec(body)) {
    const start = t.index;
    const eq = t[0].indexOf('=');
    const key = eq < 0 ? t[0] : t[0].slice(0, eq);
    const raw = eq < 0 ? undefined : t[0].slice(eq + 1);
    const spec = DECLARATION_KEYS[key];
    if (!spec) {
      const hint = didYouMean(key, Object.keys(DECLARATION_KEYS));
      problem(start, start + key.length, `unknown annotation key "${key}"${hint ? ` — did you mean "${hint}"?` : ''} (keys: ${Object.keys(DECLARATION_KEYS).join(', ')})`);
      continue;
    }
    const valueStart = start + eq + 1;
    if (raw === undefined || raw === '') {
      problem(start, start + t[0].length, `"${key}" needs a value, e.g. ${key}=2`);
      continue;
    }
    const bad = valueProblem(key, raw, spec);
    if (bad) {
      problem(valueStart, valueStart + raw.length, bad);
      continue;
    }
    if (annotation.declaration[spec.field] !== undefined) {
      problem(start, start + t[0].length, `"${key}" is given twice; the last value is used`);
    }
    annotation.declaration[spec.field] = Number(raw);
  }
  return annotation;
}

/** Why `raw` is not a valid value for annotation key `key`, or undefined when it is (also used by fixes/declareLoad). */
export function valueProblem(key: string, raw: string, spec: KeySpec): string | undefined {
  const n = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  // A number too large for a double (400 digits, 1e999) is still a number: past the bound, not "not a number".
  if (Number.isNaN(n)) return `"${key}" must be a number ≥ 0, not "${short(raw)}"`;
  if (n > spec.max || (spec.aboveZero && n === 0)) {
    return `"${key}" must be ${spec.aboveZero ? 'above 0 and at most' : 'between 0 and'} ${plain(spec.max)}, not ${short(raw)}`;
  }
  if (spec.integer && !Number.isInteger(n)) return `"${key}" must be a whole number, not ${short(raw)}`;
  return undefined;
}

/** A bound as people write it: 10,000,000, never 1e7. */
function plain(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 20 });
}

/** The user's token, cut to a readable length (a 400-digit number must not make a 400-character message). */
function short(raw: string): string {
  return raw.length > 24 ? `${raw.slice(0, 20)}…` : raw;
}

function span(comment: ScannedComment, start: number, end: number): Span {
  return { start: comment.span.start + start, end: comment.span.start + end };
}

/** annotationsOf's answer per block object while the block belongs to the same SourceFile (which never changes). */
const ofBlock = new WeakMap<HclBlock, { file: SourceFile; annotations: readonly Annotation[] }>();

/** The annotations of a resource: the run of comment lines directly above its header, and those inside it. The
 *  array is shared between calls: callers must not change it. */
export function annotationsOf(block: HclBlock): readonly Annotation[] {
  const known = ofBlock.get(block);
  if (known && known.file === block.file) return known.annotations;
  const annotations = readAnnotations(block);
  ofBlock.set(block, { file: block.file, annotations });
  return annotations;
}

function readAnnotations(block: HclBlock): Annotation[] {
  const file = block.file;
  const comments = file.scan.comments;
  const headerLine = file.lines.positionAt(block.scanned.span.start).line;
  const chosen: ScannedComment[] = [];
  // Walk upwards over lines that hold only comments.
  let line = headerLine - 1;
  for (let i = lastCommentBefore(comments, block.scanned.span.start); i >= 0 && line >= 0; i--) {
    const c = comments[i];
    const from = file.lines.positionAt(c.span.start);
    const to = file.lines.positionAt(c.span.end);
    if (to.line !== line || file.lines.lineText(from.line).slice(0, from.character).trim() !== '') break;
    chosen.unshift(c);
    line = from.line - 1;
  }
  for (let i = lastCommentBefore(comments, block.scanned.span.start) + 1; i < comments.length; i++) {
    const c = comments[i];
    if (c.span.start >= block.scanned.span.end) break;
    if (c.span.end <= block.scanned.span.end) chosen.push(c);
  }
  return chosen.map((c) => parseAnnotation(file, c)).filter((a): a is Annotation => a !== undefined);
}

/** Index of the last comment starting before `offset` (comments are in source order): a binary search. */
function lastCommentBefore(comments: ScannedComment[], offset: number): number {
  let low = 0;
  let high = comments.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (comments[mid].span.start < offset) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

/** Merge annotations in source order (a later key wins), then fill gaps from the config's declaration. */
export function mergeDeclarations(annotations: readonly Annotation[], fromConfig: Declaration | undefined): Declaration | null {
  const merged: Declaration = { ...(fromConfig ?? {}) };
  for (const a of annotations) Object.assign(merged, a.declaration);
  return Object.keys(merged).length > 0 ? merged : null;
}
