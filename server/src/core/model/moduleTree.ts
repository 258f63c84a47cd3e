// Instantiate a root module and, recursively, the modules it calls, with the caller's arguments as inputs. Local
// sources resolve against the caller; registry, git, http, … sources through `terraform init`'s manifest
// (moduleCallTarget.ts). Nothing is fetched: a call that cannot be followed is collected as unresolved.
import type { HclBlock } from '../syntax/sourceFile';
import type { ModuleSource } from './moduleSource';
import { ModuleInstance, type InputValue, type Iteration, type ProviderMap } from './moduleInstance';
import { InstanceBudget, iterationsOf, instanceSuffix } from './iterations';
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
/** Guards against a module calling itself through a chain of local paths. */
const MAX_DEPTH = 16;

interface TreeWalk {
  loader: ModuleLoader;
  all: ModuleInstance[];
  budget: InstanceBudget;
  manifest: ModuleManifest | undefined;
  unresolved: Map<HclBlock, UnresolvedCall>;
}

/** All instances of the tree, root first; calls that could not be followed go to `unresolved` (once per call). */
export async function instantiateTree(root: ModuleSource, loader: ModuleLoader, unresolved: UnresolvedCall[] = []): Promise<ModuleInstance[]> {
  const rootInstance = new ModuleInstance(root, '', undefined, new Map(), new Map());
  const walk: TreeWalk = { loader, all: [rootInstance], budget: new InstanceBudget(), manifest: await loader.manifest?.(root.dir), unresolved: new Map() };
  await instantiateChildren(rootInstance, walk, [root.dir], []);
  unresolved.push(...walk.unresolved.values());
  return walk.all;
}

async function instantiateChildren(parent: ModuleInstance, walk: TreeWalk, chain: string[], keys: string[]): Promise<void> {
  const { loader, all, budget } = walk;
  if (chain.length > MAX_DEPTH) return;
  for (const call of parent.source.moduleCalls) {
    const name = call.labels[0];
    const target = moduleCallTarget(call, parent.source.dir, [...keys, name].join('.'), walk.manifest);
    if (!target || chain.includes(target.dir ?? '')) continue;
    const source = target.dir === undefined ? undefined : await loader.load(target.dir, false);
    if (!source) {
      // A missing local directory is Terraform's own error (init fails); a remote one needs init.
      const reason = target.dir === undefined ? target.reason : loader.readProblem?.(target.dir) ?? (target.kind === 'local' ? `${target.dir} cannot be read` : `${target.dir} cannot be read: run terraform init`);
      const address = [...keys, name].map((k) => `module.${k}`).join('.');
      if (!walk.unresolved.has(call)) walk.unresolved.set(call, { call, address, kind: target.kind, reason });
      continue;
    }
    const dir = target.dir!;
    const instances: { key: Iteration; instance: ModuleInstance }[] = [];
    parent.children.set(name, instances);
    for (const iteration of iterationsOf(call, parent, budget).iterations) {
      const address = `${parent.prefix}module.${name}${instanceSuffix(iteration)}`;
      const child = new ModuleInstance(source, address, parent, inputsOf(call, parent, iteration), providerMapOf(call));
      instances.push({ key: iteration, instance: child });
      all.push(child);
      await instantiateChildren(child, walk, [...chain, dir], [...keys, name]);
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
