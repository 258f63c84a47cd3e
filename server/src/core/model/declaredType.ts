// A module variable's value as Terraform holds it: converted to the variable's `type` constraint, optional()
// defaults filled in (Terraform ≥ 1.3). Without a `type` Terraform keeps the value as given (`any`).
import { BoundedMemo } from '../memory/boundedMemo';
import { Unknown, type Value } from '../expr/values';
import { convertToType } from '../expr/types/convertType';
import { parseTypeConstraint, type TypeConstraint } from '../expr/types/typeExpr';
import type { HclBlock } from '../syntax/sourceFile';

/** Type constraints by their JSON: a module repeats a few types across its variables. Bounded by bytes (a parsed
 *  type takes about as much per character as an expression), 4 MB: ~2,900 distinct types of 40 characters (modules have a few dozen). */
export const typeCache = new BoundedMemo<TypeConstraint | Unknown>(4 * 1024 * 1024, (_, key) => 32 * key.length);

export function convertToDeclaredType(variable: HclBlock | undefined, name: string, value: Value): Value {
  const attr = variable?.attributes.get('type');
  if (!attr) return value;
  if (attr.json === undefined) return new Unknown(`the type of var.${name} cannot be read`);
  const type = typeConstraint(attr.json);
  if (type instanceof Unknown) return new Unknown(`var.${name}: ${type.reason}`);
  return convertToType(value, type);
}

function typeConstraint(json: unknown): TypeConstraint | Unknown {
  return typeCache.get(JSON.stringify(json), () => parseTypeConstraint(json));
}
