// Validates a parsed JSON value against a JSON Schema (draft-07, ajv 8) and turns ajv's errors into
// plain-words problems placed at the offending value (or key) in the text.
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import type { Range } from '../types';
import { didYouMean } from './didYouMean';
import { AWS_REGION_PATTERN, REGION_EXPECTED } from '../config/regionName';
import { joinPointer, parsePointer, PointerPart } from './positions';

export interface JsonProblem {
  /** JSON pointer of the offending value ("" is the whole document). */
  path: string;
  /** Plain words, e.g. `"target_utilization" must be ≤ 1 (got 1.5)`. */
  message: string;
  range: Range;
  /** The text is not JSON at all: an editor's JSON language service reports this one too. */
  jsonSyntax?: true;
}

/** Where a pointer is in the text; without a text, problems sit at 0:0. */
export type Locate = (pointer: string, part: PointerPart) => Range;
export const NOWHERE: Locate = () => ({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });

/** allErrors: report every problem at once; verbose: keep the offending data and parent schema for the wording. */
export function compileSchema(schema: object): ValidateFunction {
  return new Ajv({ allErrors: true, verbose: true, strict: true }).compile(schema);
}

/** Problems of `value` under `validate`, sorted by position. */
export function schemaProblems(validate: ValidateFunction, value: unknown, locate: Locate = NOWHERE): JsonProblem[] {
  if (validate(value)) return [];
  const problems = (validate.errors ?? []).map((e) => toProblem(e, locate));
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** The pointer an error is about: the unknown key itself for additionalProperties. */
export function offendingPointer(e: ErrorObject): string {
  return e.keyword === 'additionalProperties' ? joinPointer(e.instancePath, e.params.additionalProperty) : e.instancePath;
}

function toProblem(e: ErrorObject, locate: Locate): JsonProblem {
  const path = offendingPointer(e);
  const part: PointerPart = e.keyword === 'additionalProperties' || e.keyword === 'required' ? 'key' : 'value';
  return { path, message: describeError(e), range: locate(path, part) };
}

function describeError(e: ErrorObject): string {
  const subject = displayPath(e.instancePath);
  const got = ` (got ${describeValue(e.data)})`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key: string = e.params.additionalProperty;
      const known = Object.keys((e.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const guess = didYouMean(key, known);
      const where = e.instancePath === '' ? '' : ` in ${subject}`;
      return `unknown key "${key}"${where}` + (guess ? ` — did you mean "${guess}"?` : known.length ? ` (known keys: ${known.join(', ')})` : '');
    }
    case 'required':
      return `${e.instancePath === '' ? 'the document' : subject} is missing the required key "${e.params.missingProperty}"`;
    case 'type':
      return `${subject} must be ${TYPE_WORDS[e.params.type as string] ?? e.params.type}${got}`;
    case 'enum':
      return `${subject} must be one of ${(e.params.allowedValues as unknown[]).join(', ')}${got}`;
    case 'const':
      return `${subject} must be ${JSON.stringify(e.params.allowedValue)}${got}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${subject} must be ${COMPARISON_WORDS[e.params.comparison as string]} ${e.params.limit}${got}`;
    case 'pattern':
      // The region check is the same everywhere (config/regionName.ts): so are its words.
      if (e.params.pattern === AWS_REGION_PATTERN) return `${subject} must be ${REGION_EXPECTED}${got}`;
      return `${subject} must match ${e.params.pattern}${got}`;
    case 'minLength':
      return `${subject} must not be empty`;
    case 'minProperties':
      return `${subject} must have at least ${e.params.limit} key${e.params.limit === 1 ? '' : 's'}`;
    default:
      return `${subject} ${e.message ?? 'is invalid'}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  number: 'a number',
  integer: 'a whole number',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};
const COMPARISON_WORDS: Record<string, string> = { '<=': '≤', '>=': '≥', '<': '<', '>': '>' };

/** `"rules.missing-kms"`, `"sources[0].date"`; the whole document is "the document". */
export function displayPath(pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return 'the document';
  const path = segments.map((s, i) => (/^(0|[1-9]\d*)$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return `"${path}"`;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number') return plainNumber(value);
  return String(value);
}

/** A number without exponent notation, as people write it; one past 10^21 by its count of digits. */
function plainNumber(n: number): string {
  if (!/e/i.test(String(n))) return String(n);
  if (Math.abs(n) >= 1e21) return `a number of ${Math.floor(Math.log10(Math.abs(n))) + 1} digits`;
  return n.toFixed(20).replace(/0+$/, '');
}
