// count / for_each: how many instances a resource or module call has, and what count.index / each.* are in each.
import { isKnown, type Value } from '../expr/values';
import type { HclBlock } from '../syntax/sourceFile';
import { SINGLE, type Iteration, type ModuleInstance } from './moduleInstance';

export interface Iterations {
  /** One entry per instance; a single { kind: 'unknown' } when the collection cannot be resolved. */
  iterations: Iteration[];
  /** The number of instances, or null when unknown. */
  count: number | null;
}

export function iterationsOf(block: HclBlock, module: ModuleInstance, outer: Iteration = SINGLE): Iterations {
  const count = block.attributes.get('count');
  const forEach = block.attributes.get('for_each');
  if (count) return fromCount(count.json === undefined ? undefined : module.evaluate(count.json, outer).value);
  if (forEach) return fromForEach(forEach.json === undefined ? undefined : module.evaluate(forEach.json, outer).value);
  return { iterations: [SINGLE], count: 1 };
}

const UNKNOWN_ITERATIONS: Iterations = { iterations: [{ kind: 'unknown' }], count: null };

function fromCount(value: Value | undefined): Iterations {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return UNKNOWN_ITERATIONS;
  return { iterations: Array.from({ length: value }, (_, index) => ({ kind: 'count', index })), count: value };
}

function fromForEach(value: Value | undefined): Iterations {
  if (value === undefined || !isKnown(value) || value === null || typeof value !== 'object') return UNKNOWN_ITERATIONS;
  if (Array.isArray(value)) {
    // A set of strings: each.key and each.value are the element (Terraform orders sets lexically).
    if (!value.every((v): v is string => typeof v === 'string')) return UNKNOWN_ITERATIONS;
    const keys = [...new Set(value)].sort();
    return { iterations: keys.map((key) => ({ kind: 'each', key, value: key })), count: keys.length };
  }
  const map = value as { [key: string]: Value };
  const keys = Object.keys(map).sort();
  return { iterations: keys.map((key) => ({ kind: 'each', key, value: map[key] })), count: keys.length };
}

/** The address suffix Terraform gives an instance: [0], ["a"], or nothing. */
export function instanceSuffix(iteration: Iteration): string {
  if (iteration.kind === 'count') return `[${iteration.index}]`;
  if (iteration.kind === 'each') return `[${JSON.stringify(iteration.key)}]`;
  return '';
}
