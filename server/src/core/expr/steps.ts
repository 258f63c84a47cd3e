// Attribute and index access (`.name`, `[key]`, legacy `.0`) with Terraform semantics.
import { numberToString, parseNumber } from './convert';
import { Reference, Unknown, Value, fail, hasKey, isObject, typeName } from './values';

/** An attribute name or index key; Unknown when the key itself could not be evaluated. */
export type Step = string | number | Unknown;

/** Applies steps in order. Missing keys, out-of-range indexes and indexing the wrong type give an EvalFailure
 *  (Terraform would report an error); unknown values and keys give Unknown; a Reference grows into a deeper one. */
export function applySteps(v: Value, steps: Step[]): Value {
  let current = v;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i];
    if (step instanceof Unknown) return step;
    if (current instanceof Reference) return extendReference(current, steps.slice(i));
    if (current instanceof Unknown) return current;
    current = applyStep(current, step);
  }
  return current;
}

function extendReference(ref: Reference, steps: Step[]): Value {
  const unknownStep = steps.find((s): s is Unknown => s instanceof Unknown);
  if (unknownStep) return unknownStep;
  return new Reference([...ref.path, ...(steps as (string | number)[])]);
}

function applyStep(v: Value, step: string | number): Value {
  const shown = typeof step === 'number' ? `[${numberToString(step)}]` : JSON.stringify(step);
  if (Array.isArray(v)) {
    const index = typeof step === 'number' ? step : parseNumber(step);
    if (index === undefined) return fail(`a list has no attribute ${shown}`);
    if (!Number.isInteger(index)) return fail(`list index ${shown} is not a whole number`);
    if (index < 0 || index >= v.length) return fail(`index ${shown} is out of range for a list of ${v.length}`);
    return v[index];
  }
  if (isObject(v)) {
    const key = typeof step === 'number' ? numberToString(step) : step;
    return hasKey(v, key) ? v[key] : fail(`object has no key ${JSON.stringify(key)}`);
  }
  return fail(`cannot access ${shown} on a ${typeName(v)} value`);
}

/** Steps for messages: `.a[0]["b c"]`. */
export function stepsText(steps: Step[]): string {
  return steps
    .map((s) => (s instanceof Unknown ? '[?]' : typeof s === 'number' ? `[${s}]` : /^[A-Za-z_][\w-]*$/.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`))
    .join('');
}
