// jsonencode / jsondecode with Terraform's output conventions (object keys sorted, HTML characters escaped as Go's
// encoding/json does, numbers printed like Terraform numbers).
import { MAX_DEPTH } from '../limits';
import { numberToString } from '../convert';
import { Value, isObject, objectFromEntries, sortedKeys } from '../values';
import { FnError, FunctionTable, str } from './registry';

/** Go's encoding/json escapes <, > and & (HTML safety) and the JS line separators U+2028/U+2029. */
const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029',
};

export function jsonEncode(v: Value): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return numberToString(v);
  if (typeof v === 'string') return JSON.stringify(v).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(jsonEncode).join(',')}]`;
  if (isObject(v)) return `{${sortedKeys(v).map((k) => `${jsonEncode(k)}:${jsonEncode(v[k])}`).join(',')}}`;
  throw new FnError('value is not known yet');
}

/** Rebuilds parsed JSON as Values (own `__proto__` keys stay plain keys); refuses nesting past MAX_DEPTH. */
function toValue(json: unknown, depth: number): Value {
  if (depth > MAX_DEPTH) throw new FnError(`JSON nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(json)) return json.map((x) => toValue(x, depth + 1));
  if (typeof json === 'object' && json !== null) {
    return objectFromEntries(Object.keys(json).map((k) => [k, toValue((json as Record<string, unknown>)[k], depth + 1)]));
  }
  return json as Value;
}

function jsonDecode(text: string): Value {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new FnError(`invalid JSON: ${(e as Error).message}`);
  }
  return toValue(parsed, 0);
}

export const encodingFunctions: FunctionTable = {
  jsonencode: { arity: [1, 1], call: ([v]) => jsonEncode(v) },
  jsondecode: { arity: [1, 1], call: ([s]) => jsonDecode(str(s, 'str')) },
};
