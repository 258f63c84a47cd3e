// Small helpers shared by for expressions and template directives.
import { toStringValue } from './convert';
import { Unknown, Value, fail, firstProblem, isObject, isUnknownish, sortedKeys, typeName } from './values';

/** The (key, value) pairs a `for` visits: (index, element) for lists, (key, value) in key order for objects. */
export function iterate(collection: Value): [Value, Value][] | Unknown {
  const problem = firstProblem([collection]);
  if (problem) return problem;
  if (Array.isArray(collection)) return collection.map((v, i) => [i, v]);
  if (isObject(collection)) return sortedKeys(collection).map((k) => [k, collection[k]]);
  return fail(`cannot iterate over a ${typeName(collection)} value`);
}

/** How an interpolated value appears in a template: primitives convert; null and collections are errors. */
export function templateText(v: Value): Value {
  if (v === null) return fail('cannot include a null value in a string template');
  if (isUnknownish(v)) return v;
  if (Array.isArray(v) || isObject(v)) return fail(`cannot include a ${typeName(v)} in a string template`);
  return toStringValue(v, 'template value');
}
