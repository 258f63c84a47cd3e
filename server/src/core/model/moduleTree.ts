// Instantiate a root module and, recursively, the local modules it calls, with the caller's arguments as inputs.
// Remote sources (registry, git, http) are skipped silently: nothing is fetched, nothing is guessed.
import type { HclBlock } from '../syntax/sourceFile';
import type { ModuleSource } from './moduleSource';
import { ModuleInstance, type InputValue, type Iteration, type ProviderMap } from './moduleInstance';
import { InstanceBudget, iterationsOf, instanceSuffix } from './iterations';
import { resolvePath } from './paths';
import { providerReference } from './region';

export interface ModuleLoader {
  /** A module directory's source, loaded once per analysis; undefined when it cannot be read. */
  load(dir: string, asRoot: boolean): Promise<ModuleSource | undefined>;
}

/** Arguments of a module block that are Terraform's own, not inputs. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Guards against a module calling itself through a chain of local paths. */
const MAX_DEPTH = 16;

/** The local directory a module call points at, or undefined for a remote source. */
export function localModuleDir(call: HclBlock, callerDir: string): string | undefined {
  const source = call.attributes.get('source')?.json;
  if (typeof source !== 'string' || !/^\.\.?(\/|$)/.test(source)) return undefined;
  return resolvePath(callerDir, source);
}

/** All instances of the tree, root first. */
export async function instantiateTree(root: ModuleSource, loader: ModuleLoader): Promise<ModuleInstance[]> {
  const rootInstance = new ModuleInstance(root, '', undefined, new Map(), new Map());
  const all = [rootInstance];
  await instantiateChildren(rootInstance, loader, all, [root.dir], new InstanceBudget());
  return all;
}

async function instantiateChildren(
  parent: ModuleInstance,
  loader: ModuleLoader,
  all: ModuleInstance[],
  chain: string[],
  budget: InstanceBudget,
): Promise<void> {
  if (chain.length > MAX_DEPTH) return;
  for (const call of parent.source.moduleCalls) {
    const dir = localModuleDir(call, parent.source.dir);
    if (!dir || chain.includes(dir)) continue;
    const source = await loader.load(dir, false);
    if (!source) continue;
    const name = call.labels[0];
    const instances: { key: Iteration; instance: ModuleInstance }[] = [];
    parent.children.set(name, instances);
    for (const iteration of iterationsOf(call, parent, budget).iterations) {
      const address = `${parent.prefix}module.${name}${instanceSuffix(iteration)}`;
      const child = new ModuleInstance(source, address, parent, inputsOf(call, parent, iteration), providerMapOf(call));
      instances.push({ key: iteration, instance: child });
      all.push(child);
      await instantiateChildren(child, loader, all, [...chain, dir], budget);
    }
  }
}

function inputsOf(call: HclBlock, caller: ModuleInstance, callerIteration: Iteration): Map<string, InputValue> {
  const inputs = new Map<string, InputValue>();
  for (const [name, attr] of call.attributes) {
    if (!META_ARGUMENTS.has(name)) inputs.set(name, { attr, caller, callerIteration });
  }
  return inputs;
}

/** `providers = { aws = aws.west }` comes out of hcl2json as {"aws": "${aws.west}"}. */
function providerMapOf(call: HclBlock): ProviderMap {
  const map: ProviderMap = new Map();
  const json = call.attributes.get('providers')?.json;
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return map;
  for (const [childName, ref] of Object.entries(json as Record<string, unknown>)) {
    const target = providerReference(ref);
    if (target) map.set(childName, target);
  }
  return map;
}
