// Instantiate a root module and, recursively, the modules it calls, with the caller's arguments as inputs. Local
// sources resolve against the caller; registry, git, http, … sources through `terraform init`'s manifest
// (moduleCallTarget.ts). Nothing is fetched: a call that cannot be followed is collected as unresolved.
import type { HclBlock } from '../syntax/sourceFile';
import type { ModuleSource } from './moduleSource';
import { ModuleInstance, type InputValue, type Iteration, type ProviderMap } from './moduleInstance';
import { InstanceBudget, iterationsOf, instanceSuffix } from './iterations';
import { MODULE_LIMIT, cycleReason, realDir } from './moduleCycles';
import { tick } from '../timeSlice';
import { providerReference } from './region';
import { moduleCallTarget, type SourceKind } from './moduleCallTarget';
import type { ModuleManifest } from './moduleManifest';

export interface ModuleLoader {
  /** A module directory's source, loaded once per analysis; undefined when it cannot be read. */
  load(dir: string, asRoot: boolean): Promise<ModuleSource | undefined>;
  /** The root's .terraform/modules/modules.json, when `terraform init` wrote one. */
  manifest?(rootDir: string): Promise<ModuleManifest | undefined>;
  /** Why a directory load gave undefined, when the host says (an untrusted workspace reads nothing outside it). */
  readProblem?(dir: string): string | undefined;
  /** The directory with symbolic links resolved (Host.realPath); the path itself when the host cannot say. */
  realPath?(dir: string): Promise<string | undefined>;
}

/** A module call whose code could not be read: its streams are missing from the analysis. */
export interface UnresolvedCall {
  call: HclBlock;
  /** The call's address without instance keys: module.a.module.kinesis. */
  address: string;
  kind: SourceKind;
  reason: string;
}

/** Arguments of a module block that are Terraform's own, not inputs. */
const META_ARGUMENTS = new Set(['source', 'version', 'count', 'for_each', 'providers', 'depends_on']);
/** Module calls nested deeper than this are not followed (reported at the call, as a cycle is). */
const MAX_DEPTH = 16;

interface TreeWalk {
  loader: ModuleLoader;
  all: ModuleInstance[];
  budget: InstanceBudget;
  manifest: ModuleManifest | undefined;
  unresolved: Map<HclBlock, UnresolvedCall>;
  signal?: AbortSignal;
}

/** All instances of the tree, root first; calls that could not be followed go to `unresolved` (once per call). Module
 *  instances count against MAX_EXPANDED_INSTANCES: a call past it is not expanded and is reported, never dropped. */
export async function instantiateTree(root: ModuleSource, loader: ModuleLoader, unresolved: UnresolvedCall[] = [], signal?: AbortSignal): Promise<ModuleInstance[]> {
  const rootInstance = new ModuleInstance(root, '', undefined, new Map(), new Map());
  const walk: TreeWalk = { loader, all: [rootInstance], budget: new InstanceBudget(), manifest: await loader.manifest?.(root.dir), unresolved: new Map(), signal };
  await instantiateChildren(rootInstance, walk, [await realDir(loader, root.dir)], []);
  unresolved.push(...walk.unresolved.values());
  return walk.all;
}

/** `chain`: the real directories (symbolic links resolved) of the callers, root first. */
async function instantiateChildren(parent: ModuleInstance, walk: TreeWalk, chain: string[], keys: string[]): Promise<void> {
  const { loader, all, budget } = walk;
  for (const call of parent.source.moduleCalls) {
    const name = call.labels[0];
    const target = moduleCallTarget(call, parent.source.dir, [...keys, name].join('.'), walk.manifest);
    if (!target) continue;
    const address = [...keys, name].map((k) => `module.${k}`).join('.');
    const skip = (reason: string) => {
      if (!walk.unresolved.has(call)) walk.unresolved.set(call, { call, address, kind: target.kind, reason });
    };
    if (target.dir === undefined) {
      skip(target.reason);
      continue;
    }
    const dir = target.dir;
    const real = await realDir(loader, dir);
    if (chain.includes(real)) {
      skip(cycleReason(dir, real));
      continue;
    }
    if (chain.length > MAX_DEPTH) {
      skip(`module calls nest deeper than ${MAX_DEPTH} levels`);
      continue;
    }
    const source = await loader.load(dir, false);
    if (!source) {
      // A missing local directory is Terraform's own error (init fails); a remote one needs init.
      skip(loader.readProblem?.(dir) ?? (target.kind === 'local' ? `${dir} cannot be read` : `${dir} cannot be read: run terraform init`));
      continue;
    }
    const { iterations } = iterationsOf(call, parent, budget, true);
    // An instance of unknown key (unknown count, or more than the budget) is still one instance to analyse.
    if (iterations[0]?.kind === 'unknown' && !budget.take(1)) {
      skip(MODULE_LIMIT);
      continue;
    }
    const instances: { key: Iteration; instance: ModuleInstance }[] = [];
    parent.children.set(name, instances);
    for (const iteration of iterations) {
      // Thousands of instances are created in one call: give the language server's event loop its turns.
      await tick(walk.signal);
      const address = `${parent.prefix}module.${name}${instanceSuffix(iteration)}`;
      const child = new ModuleInstance(source, address, parent, inputsOf(call, parent, iteration), providerMapOf(call));
      instances.push({ key: iteration, instance: child });
      all.push(child);
      await instantiateChildren(child, walk, [...chain, real], [...keys, name]);
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
