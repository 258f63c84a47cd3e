// The edit behind "kinesis-lint: Declare load for this stream…": write the load the user typed into the stream's
// `# kinesis-lint:` annotation (README "Declaring the load a stream carries"). Keys the stream already declares are
// changed where they are written, so no older line overrides the new value (a later key wins); keys it does not
// declare go on a new comment line directly above the resource line, in the block's indentation.
import type { Position, TextEdit } from '../types';
import type { HclBlock, SourceFile } from '../syntax/sourceFile';
import { DECLARATION_KEYS, valueProblem } from '../model/annotations';
import { annotationValueEdits } from './annotationValues';
import { insertLinesAbove } from './edits';

/** What the command asks for, under the annotation's own key names. */
export interface LoadInput {
  write_mib_per_sec: number;
  records_per_sec: number;
  consumers: number;
}

export type DeclareLoadResult =
  | { ok: true; resource: string; edits: TextEdit[] }
  | { ok: false; reason: string };

const KEYS = ['write_mib_per_sec', 'records_per_sec', 'consumers'] as const;

/** The stream whose block (header to closing brace) holds `position`, or the reason there is none. */
export function streamAt(file: SourceFile, position: Position): HclBlock | undefined {
  const offset = file.lines.offsetAt(position);
  return file.blocks.find((b) => b.type === 'resource' && b.labels[0] === 'aws_kinesis_stream'
    && b.scanned.span.start <= offset && offset <= b.scanned.span.end);
}

/** Why a load value would be refused in an annotation (the same check the annotation parser makes), or undefined. */
export function loadValueProblem(key: keyof LoadInput, value: number): string | undefined {
  if (!Number.isFinite(value) || value < 0) return `"${key}" must be a number ≥ 0`;
  return valueProblem(key, numberText(value), DECLARATION_KEYS[key]);
}

export function declareLoad(file: SourceFile, position: Position, load: LoadInput): DeclareLoadResult {
  if (file.syntax === 'json') {
    return { ok: false, reason: 'Terraform JSON has no comments: declare the load under "streams" in .kinesis-lint.json.' };
  }
  const block = streamAt(file, position);
  if (!block) return { ok: false, reason: 'Place the cursor inside an aws_kinesis_stream block.' };
  for (const key of KEYS) {
    const problem = loadValueProblem(key, load[key]);
    if (problem) return { ok: false, reason: problem };
  }
  const { edits, missing } = annotationValueEdits(block, Object.fromEntries(KEYS.map((k) => [k, numberText(load[k])])));
  if (missing.length > 0) {
    const text = `# kinesis-lint: ${KEYS.filter((k) => missing.includes(k)).map((k) => `${k}=${numberText(load[k])}`).join(' ')}`;
    edits.push(insertLinesAbove(file, block.scanned.span.start, [text]));
  }
  return { ok: true, resource: `aws_kinesis_stream.${block.labels[1] ?? ''}`, edits };
}

/** A number as the annotation reads it: 2.5, 1000 — never 1e+21 (bounds keep values far below that). */
function numberText(n: number): string {
  return String(n);
}
