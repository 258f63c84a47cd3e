// count / for_each: how many instances a resource or module call has, and what count.index / each.* are in each.
import { isUnknownish, type Value } from '../expr/values';
import { argumentValue } from './argumentValue';
import type { HclBlock } from '../syntax/sourceFile';
import { SINGLE, type Iteration, type ModuleInstance, type Tracked } from './moduleInstance';

export interface Iterations {
  /** One entry per instance; a single { kind: 'unknown' } when the collection cannot be resolved. */
  iterations: Iteration[];
  /** The number of instances, or null when unknown. */
  count: number | null;
}

/**
 * Instances of one kind (module calls, streams, consumers) expanded by count/for_each in an analysis (and every
 * module instance). Each instance is evaluated and checked on its own, so `count = 100000000` would exhaust memory;
 * past this, instances count as unknown. Far above real use: an account may have only 50 on-demand streams per region (reference/kinesis.md §1).
 */
export const MAX_EXPANDED_INSTANCES = 1_000;

/** What is left of MAX_EXPANDED_INSTANCES for one kind of block in one analysis. */
export class InstanceBudget {
  constructor(private remaining: number = MAX_EXPANDED_INSTANCES) {}

  /** Takes n instances; false (and nothing taken) when fewer are left. */
  take(n: number): boolean {
    if (n > this.remaining) return false;
    this.remaining -= n;
    return true;
  }
}

export function iterationsOf(block: HclBlock, module: ModuleInstance, budget: InstanceBudget, chargeSingles = false): Iterations {
  const count = block.attributes.get('count');
  const forEach = block.attributes.get('for_each');
  // A block without count or for_each is one instance and is not charged: the text bounds how many there are (a
  // 100,000-line module declares ~2,000 streams and as many readers, all analysed); only expansion is budgeted.
  // Module calls are the exception (moduleTree.ts): each instance repeats a whole module, so every one is charged.
  if (!count && !forEach && !chargeSingles) return { iterations: [SINGLE], count: 1 };
  let result: Iterations = { iterations: [SINGLE], count: 1 };
  // count converts to a number (`count = "2"` is 2); for_each is used as given.
  const blockType = block.type === 'resource' ? block.labels[0] : block.type;
  if (count) result = fromCount(count.json === undefined ? undefined : argumentValue(count, blockType, 'count', module).value);
  else if (forEach) result = forEach.json === undefined ? UNKNOWN_ITERATIONS : fromForEach(module.evaluate(forEach.json));
  return result.count === null || budget.take(result.count) ? result : UNKNOWN_ITERATIONS;
}

const UNKNOWN_ITERATIONS: Iterations = { iterations: [{ kind: 'unknown' }], count: null };

function fromCount(value: Value | undefined): Iterations {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) return UNKNOWN_ITERATIONS;
  // Checked before expanding: Array.from would allocate all of a huge count first.
  if (value > MAX_EXPANDED_INSTANCES) return UNKNOWN_ITERATIONS;
  return { iterations: Array.from({ length: value }, (_, index) => ({ kind: 'count', index })), count: value };
}

/** Terraform needs only the keys of a map (and the elements of a set) to be known: a map's values may be unknown
 *  or apply-time References, which each.value then carries (internal/terraform/eval_for_each.go). */
function fromForEach({ value, vars }: Tracked): Iterations {
  if (value === null || typeof value !== 'object' || isUnknownish(value)) return UNKNOWN_ITERATIONS;
  if (Array.isArray(value)) {
    // A set of strings: each.key and each.value are the element (Terraform orders sets lexically).
    if (!value.every((v): v is string => typeof v === 'string')) return UNKNOWN_ITERATIONS;
    const keys = [...new Set(value)].sort();
    return { iterations: keys.map((key) => ({ kind: 'each', key, value: key, vars })), count: keys.length };
  }
  const map = value as { [key: string]: Value };
  const keys = Object.keys(map).sort();
  return { iterations: keys.map((key) => ({ kind: 'each', key, value: map[key], vars })), count: keys.length };
}

/** The address suffix Terraform gives an instance: [0], ["a"], or nothing. */
export function instanceSuffix(iteration: Iteration): string {
  if (iteration.kind === 'count') return keySuffix(iteration.index);
  if (iteration.kind === 'each') return keySuffix(iteration.key);
  return '';
}

/** [0] for a count index, ["a"] for a for_each key. */
export function keySuffix(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}
