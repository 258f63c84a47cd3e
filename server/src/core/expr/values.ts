// The values an HCL expression can evaluate to. Anything we cannot know stays explicitly unknown, so rules never
// act on a guess.

/** A value we cannot know (a variable without default, an unsupported function, …). */
export class Unknown {
  constructor(readonly reason: string) {}
}

/** An Unknown caused by something Terraform itself would reject (division by zero, missing key, type error).
 *  Kept apart from plain Unknown so `try`/`can` can skip failures but not values that are merely unknown. */
export class EvalFailure extends Unknown {}

/** A reference to something that exists only at apply time (a resource attribute, a data source, a module output that
 *  is one). Behaves as unknown in every computation, but keeps its identity so the model can link a consumer's
 *  `stream_arn = aws_kinesis_stream.events.arn` to the stream. */
export class Reference {
  constructor(readonly path: (string | number)[]) {}
}

export type Value = null | boolean | number | string | Value[] | { [key: string]: Value } | Unknown | Reference;
export type ValueObject = { [key: string]: Value };

export function isUnknownish(v: Value): v is Unknown | Reference {
  return v instanceof Unknown || v instanceof Reference;
}

export function isObject(v: Value): v is ValueObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !isUnknownish(v);
}

/** Deep: false if v or anything inside is Unknown/Reference. */
export function isKnown(v: Value): boolean {
  if (isUnknownish(v)) return false;
  if (Array.isArray(v)) return v.every(isKnown);
  if (isObject(v)) return Object.keys(v).every((k) => isKnown(v[k]));
  return true;
}

export function typeName(v: Value): string {
  if (v === null) return 'null';
  if (v instanceof Reference) return 'reference';
  if (v instanceof Unknown) return 'unknown';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'object') return 'object';
  return typeof v === 'boolean' ? 'bool' : typeof v;
}

/** `aws_kinesis_stream.events[0].arn` style text for messages. */
export function referenceText(path: (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

/** The Unknown that stands for v in a computation: failures and unknowns pass through, references become unknown. */
export function asUnknown(v: Unknown | Reference): Unknown {
  return v instanceof Unknown ? v : new Unknown(`${referenceText(v.path)} is known only after apply`);
}

/** The first failure among values (failures win: Terraform would stop there), else the first unknown, else undefined.
 *  Shallow on purpose: collections may carry unknown elements and still be usable. */
export function firstProblem(values: Value[]): Unknown | undefined {
  const failure = values.find((v) => v instanceof EvalFailure);
  if (failure) return failure as EvalFailure;
  const unknown = values.find(isUnknownish);
  return unknown === undefined ? undefined : asUnknown(unknown as Unknown | Reference);
}

/** Like firstProblem, but looks inside collections too. */
export function firstDeepProblem(values: Value[]): Unknown | undefined {
  const shallow = firstProblem(values);
  if (shallow) return shallow;
  for (const v of values) {
    const inner = Array.isArray(v) ? firstDeepProblem(v) : isObject(v) ? firstDeepProblem(Object.values(v)) : undefined;
    if (inner) return inner;
  }
  return undefined;
}

export function fail(reason: string): EvalFailure {
  return new EvalFailure(reason);
}

export function hasKey(o: ValueObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

/** Sets an own property even for keys like `__proto__`, which plain assignment would treat specially. */
export function setKey(o: ValueObject, key: string, value: Value): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Object keys in the order Terraform iterates them (lexicographic), independent of JS insertion rules. */
export function sortedKeys(o: ValueObject): string[] {
  return Object.keys(o).sort(compareStrings);
}

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function objectFromEntries(entries: [string, Value][]): ValueObject {
  const o: ValueObject = {};
  for (const [k, v] of entries) setKey(o, k, v);
  return o;
}

/** Structural equality of two wholly known values; types must match (HCL `1 == "1"` is false). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    const ka = sortedKeys(a);
    const kb = sortedKeys(b);
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && valuesEqual(a[k], b[k]));
  }
  return a === b;
}
