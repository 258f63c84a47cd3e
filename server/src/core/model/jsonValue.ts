// A plain JSON document (a .tfvars.json value) as a Terraform value: its strings are literals, not templates.
import type { Value } from '../expr/values';

export function jsonToValue(json: unknown): Value {
  if (json === null || typeof json === 'boolean' || typeof json === 'number' || typeof json === 'string') return json;
  if (Array.isArray(json)) return json.map(jsonToValue);
  if (typeof json === 'object') {
    const out: { [key: string]: Value } = {};
    for (const [k, v] of Object.entries(json as Record<string, unknown>)) out[k] = jsonToValue(v);
    return out;
  }
  return null;
}
