// A module as instantiated: its variables bound to the caller's arguments (or, for the root, to variable files and
// defaults), its locals and outputs evaluated on demand. Every evaluation also records which variables it read, so a
// finding caused by a caller's input can be reported at the caller's argument.
import { Reference, Unknown, type Value } from '../expr/values';
import { applySteps, evaluateJson, type EvalContext, type Step } from '../expr/evaluate';
import type { HclAttribute } from '../syntax/sourceFile';
import type { ModuleSource } from './moduleSource';
import { jsonToValue } from './jsonValue';
import { convertToDeclaredType } from './declaredType';
import { resourceInstances } from './resourceSplat';
import { EvalBudget } from '../expr/evalBudget';

/** The iteration a block is evaluated in: `count.index` or `each.key`/`each.value`; unknown when the collection is. */
export type Iteration =
  | { kind: 'single' }
  | { kind: 'count'; index: number }
  /** `vars`: the module's variables the for_each collection was computed from; each.key / each.value carry them, so a
   *  finding about a value read from each.value goes to the caller's argument that decided it. */
  | { kind: 'each'; key: string; value: Value; vars?: ReadonlySet<string> }
  | { kind: 'unknown' };

export const SINGLE: Iteration = { kind: 'single' };

/** A value with the names of the module's variables it was computed from. */
export interface Tracked {
  value: Value;
  vars: Set<string>;
}

/** An argument of a module call, evaluated in the caller. */
export interface InputValue {
  attr: HclAttribute;
  caller: ModuleInstance;
  callerIteration: Iteration;
}

/** How a child refers to its parent's aws provider configurations (`providers = { aws = aws.west }`). */
export type ProviderMap = Map<string, string>;

export class ModuleInstance {
  readonly children = new Map<string, { key: Iteration; instance: ModuleInstance }[]>();
  private readonly variableMemo = new Map<string, Value>();
  private readonly localMemo = new Map<string, Tracked | 'busy'>();
  /** One budget of elements and characters for every evaluation in the tree (expr/evalBudget.ts). */
  readonly evalBudget: EvalBudget;

  constructor(
    readonly source: ModuleSource,
    /** '' for the root, else e.g. module.ingest or module.ingest["a"].module.inner */
    readonly address: string,
    readonly parent: ModuleInstance | undefined,
    readonly inputs: Map<string, InputValue>,
    readonly providerMap: ProviderMap,
  ) {
    this.evalBudget = parent?.evalBudget ?? new EvalBudget();
  }

  /** Prefix for resource addresses in this module: '' or 'module.x.' */
  get prefix(): string {
    return this.address ? `${this.address}.` : '';
  }

  /** `bound`: extra names in scope (a dynamic block's iterators), shadowing the module's names as HCL child scopes do. */
  evaluate(json: unknown, iteration: Iteration = SINGLE, bound?: ReadonlyMap<string, Value>): Tracked {
    const vars = new Set<string>();
    const value = evaluateJson(json, this.context(iteration, vars, bound));
    return { value, vars };
  }

  variable(name: string): Value {
    const memo = this.variableMemo.get(name);
    if (memo !== undefined) return memo;
    this.variableMemo.set(name, new Unknown(`var.${name} is being evaluated (cycle)`));
    const value = this.computeVariable(name);
    this.variableMemo.set(name, value);
    return value;
  }

  private computeVariable(name: string): Value {
    const input = this.inputs.get(name);
    const block = this.source.variables.get(name);
    if (input) return convertToDeclaredType(block, name, input.caller.evaluate(input.attr.json, input.callerIteration).value);
    const fromFile = this.parent ? undefined : this.source.tfvars.get(name);
    if (fromFile) {
      const v = fromFile.literalJson ? jsonToValue(fromFile.json) : evaluateJson(fromFile.json, NO_REFERENCES);
      return convertToDeclaredType(block, name, v);
    }
    const def = block?.attributes.get('default');
    if (!block) return new Unknown(`var.${name} is not declared`);
    if (!def || def.json === undefined) return new Unknown(`var.${name} has no default and no value`);
    return convertToDeclaredType(block, name, evaluateJson(def.json, NO_REFERENCES));
  }

  local(name: string): Tracked {
    const memo = this.localMemo.get(name);
    if (memo === 'busy') return { value: new Unknown(`local.${name} refers to itself`), vars: new Set() };
    if (memo) return memo;
    const attr = this.source.locals.get(name);
    if (!attr || attr.json === undefined) return { value: new Unknown(`local.${name} is unknown`), vars: new Set() };
    this.localMemo.set(name, 'busy');
    const tracked = this.evaluate(attr.json);
    this.localMemo.set(name, tracked);
    return tracked;
  }

  output(name: string): Value {
    const block = this.source.outputs.get(name);
    const value = block?.attributes.get('value');
    return value && value.json !== undefined ? this.evaluate(value.json).value : new Unknown(`output ${name} is unknown`);
  }

  private context(iteration: Iteration, vars: Set<string>, bound?: ReadonlyMap<string, Value>): EvalContext {
    return {
      budget: this.evalBudget,
      instancesOf: (ref) => resourceInstances(this, ref),
      resolve: (root: string, steps: Step[]): Value | undefined => {
        const name = bound?.get(root);
        if (name !== undefined) return applySteps(name, steps);
        const [first, ...rest] = steps;
        switch (root) {
          case 'var':
            if (typeof first !== 'string') return undefined;
            vars.add(first);
            return applySteps(this.variable(first), rest);
          case 'local': {
            if (typeof first !== 'string') return undefined;
            const local = this.local(first);
            for (const v of local.vars) vars.add(v);
            return applySteps(local.value, rest);
          }
          case 'count':
            return iteration.kind === 'count' && first === 'index'
              ? applySteps(iteration.index, rest)
              : new Unknown('count.index is unknown here');
          case 'each':
            if (iteration.kind !== 'each') return new Unknown('each is unknown here');
            for (const v of iteration.vars ?? []) vars.add(v);
            if (first === 'key') return applySteps(iteration.key, rest);
            if (first === 'value') return applySteps(iteration.value, rest);
            return undefined;
          case 'module':
            return this.moduleOutput(steps);
          case 'data':
            return new Reference([this.address, 'data', ...steps.map(stepKey)]);
          case 'path':
          case 'terraform':
          case 'self':
            return new Unknown(`${root} is not evaluated`);
          default:
            // A resource attribute exists only after apply; keep its identity for consumer linking.
            return /^[a-z][a-z0-9]*_[a-z0-9_]+$/.test(root)
              ? new Reference([this.address, root, ...steps.map(stepKey)])
              : undefined;
        }
      },
    };
  }

  private moduleOutput(steps: Step[]): Value {
    const [name, second, third, ...more] = steps;
    if (typeof name !== 'string') return new Unknown('module reference is unknown');
    const calls = this.children.get(name);
    if (!calls || calls.length === 0) return new Unknown(`module.${name} is not a local module`);
    if (calls.length === 1 && calls[0].key.kind === 'single' && typeof second === 'string') {
      return applySteps(calls[0].instance.output(second), [third, ...more].filter((s) => s !== undefined));
    }
    const chosen = calls.find(({ key }) =>
      key.kind === 'count' ? key.index === second : key.kind === 'each' ? key.key === second : false,
    );
    if (!chosen || typeof third !== 'string') return new Unknown(`module.${name} instance is unknown`);
    return applySteps(chosen.instance.output(third), more);
  }
}

const NO_REFERENCES: EvalContext = { resolve: () => undefined };

function stepKey(step: Step): string | number {
  return step instanceof Unknown ? '*' : step;
}
