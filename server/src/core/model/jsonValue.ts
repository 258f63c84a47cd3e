// A plain JSON document (a .tfvars.json value) as a Terraform value: its strings are literals, not templates.
import { Unknown, type Value } from '../expr/values';
import { MAX_DEPTH } from '../expr/limits';

export function jsonToValue(json: unknown, depth = 0): Value {
  if (json === null || typeof json === 'boolean' || typeof json === 'number' || typeof json === 'string') return json;
  // JSON.parse accepts any depth; the evaluator refuses the same nesting past MAX_DEPTH (and so must this recursion).
  if (depth >= MAX_DEPTH) return new Unknown(`value nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(json)) return json.map((v) => jsonToValue(v, depth + 1));
  if (typeof json === 'object') {
    const out: { [key: string]: Value } = {};
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) {
      // defineProperty: a "__proto__" key is data, not a prototype change.
      Object.defineProperty(out, k, { value: jsonToValue(v, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return null;
}
