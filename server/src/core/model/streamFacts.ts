// What the rules see of one stream instance: each attribute's value with the place a finding about it belongs (the
// caller's argument when a module input decided it) and the literal a fix may edit; mode, shards, retention,
// region, consumers, the declared load, and the estimate from the shared pricing model.
import { Unknown, type Value } from '../expr/values';
import type { Location } from '../types';
import type { HclAttribute, HclBlock } from '../syntax/sourceFile';
import type { Span } from '../text/span';
import type { Config } from '../config/config';
import type { PriceTable } from '../pricing/priceTable';
import type { AccountAdvantage } from './accountSettings';
import { estimateMonthlyCost, type CapacityMode, type Estimate, type ResolvedLoad, type StreamUsage } from '../pricing/estimate';
import { resolveLoad } from '../pricing/load';
import { requiredShards, type SizingResult } from '../capacity/sizing';
import { RETENTION_HOURS } from '../capacity/limits';
import type { Iteration, ModuleInstance } from './moduleInstance';
import { STREAM_TYPE, type StreamInstance } from './streams';
import { argumentValue, toSchemaType } from './argumentValue';
import type { ConsumerLink } from './consumers';
import type { Annotation, Declaration } from './annotations';
import { nestedAttribute, nestedBlocks, rootScope, type NestedBlock, type NestedBlocks } from './dynamicBlocks';
import { withUnknownMode } from '../pricing/unknownMode';
import { inputSources } from './inputNote';
import { resolvedFact } from './resolvedValues';
import type { ObservedStream } from '../metrics/snapshot';
import { hotShardOf, type HotShard } from '../capacity/hotShard';
import { observedLoad } from '../metrics/observedLoad';

export interface AttrFact {
  name: string;
  attr: HclAttribute;
  /** The value for this instance; Unknown when it cannot be resolved. */
  value: Value;
  /** Where a finding about the value goes: the value itself, or the module caller's argument that decided it. */
  at: Location;
  /** The literal a value fix may replace (the value, a variable default, a tfvars entry, a caller argument). */
  origin: Location | null;
  /** Root inputs from outside the module's files that decided the value ("--var shards=2"); findings name them. */
  from: string[];
  /** Set when another front end resolved the value (e.g. "the Terraform plan plan.json"). */
  provenance?: string;
}

export interface StreamSettings {
  config: Config;
  prices: PriceTable;
  /** What aws_kinesis_account_settings in the configuration says about On-demand Advantage, per region. */
  accountAdvantage?: AccountAdvantage;
  /** Region when Terraform does not say: --region, then the config's region, then us-east-1. */
  defaultRegion: string;
  /** The .kinesis-lint.json the config came from (absolute), when there is one: fixes of its "streams" entries edit it. */
  configFile?: string;
}

export interface StreamConsumerCounts {
  /** Standard (shared-throughput) readers, Terraform's plus the declared ones; null when unknown. */
  standard: number | null;
  efo: number | null;
  /** False when some reader may be missing from the counts (an unidentifiable consumer target). */
  exact: boolean;
  /** Why the counts are unknown or not exact, in words. */
  why: string[];
  links: ConsumerLink[];
}

export interface StreamFacts {
  stream: StreamInstance;
  /** Why it is unknown whether the stream's account and region use On-demand Advantage (usage.advantage null). */
  advantageUnknown?: string;
  header: Location;
  block: HclBlock;
  attr(name: string): AttrFact | undefined;
  /** The attribute facts evaluated so far (by the rules that asked), stream_mode's included. */
  evaluated(): AttrFact[];
  /** The literal stream_mode_details block (not one a dynamic block generates). */
  modeBlock: HclBlock | undefined;
  /** A `dynamic "stream_mode_details"` block, if any: fixes neither edit it nor add a literal block beside it. */
  modeDynamic: HclBlock | undefined;
  modeAttr: AttrFact | undefined;
  /** null when stream_mode cannot be resolved (or is not a valid mode). */
  mode: CapacityMode | null;
  /** A valid shard count (whole, ≥ 1), else null. */
  shardCount: number | null;
  /** 24 when absent; null when unknown or out of range. */
  retentionHours: number | null;
  region: string;
  regionAssumption: string | null;
  consumers: StreamConsumerCounts;
  annotations: readonly Annotation[];
  declaration: Declaration | null;
  /** The stream's `name` (CloudWatch's StreamName dimension): a non-empty string, else null (unknown). */
  name: string | null;
  /** What the metrics snapshot observed of this stream (matched by name and region), or null. */
  observed: ObservedStream | null;
  /** Where `load` came from: the declaration (annotation or config), the observation, or nowhere (load null). */
  loadSource: 'declared' | 'observed' | null;
  /** The hottest shard of the observation's per-shard metrics when it passes thresholds.hot_shard_*, else null; its
   *  implied key share is in load.maxKeyShare when larger than the declared max_key_share (capacity/hotShard.ts). */
  hotShard: HotShard | null;
  load: ResolvedLoad | null;
  sizing: SizingResult | null;
  settings: StreamSettings;
  usage: StreamUsage;
  estimate(overrides?: Partial<StreamUsage>): Estimate;
}

export function locationOf(attr: HclAttribute, span: Span = attr.scanned.valueSpan): Location {
  return { file: attr.file.path, range: attr.file.lines.rangeOf(span) };
}

/** Evaluate an argument of a stream block of `module` for one instance, converted to its provider schema type;
 *  `path` names nested blocks (`stream_mode_details.stream_mode`). */
export function attrFact(attr: HclAttribute, module: ModuleInstance, iteration: Iteration, path = attr.name): AttrFact {
  if (attr.json === undefined) {
    return { name: attr.name, attr, value: new Unknown('no value'), at: locationOf(attr), origin: null, from: [] };
  }
  const { value, vars } = argumentValue(attr, STREAM_TYPE, path, module, iteration);
  const from = inputSources(module, vars);
  return { name: attr.name, attr, value, at: blame(module, vars) ?? locationOf(attr), origin: originOf(attr, module, iteration), from };
}

/**
 * An attribute of a nested block for this instance (`path` as in providerSchema.ts). A value a dynamic block
 * generates has no literal a fix may own (origin null); a finding about it goes to the caller's argument that
 * decided it, else to the for_each whose iterator it reads, else to the attribute in `content`
 * (docs/dynamic-blocks.md).
 */
export function nestedAttrFact(block: NestedBlock, name: string, path: string): AttrFact | undefined {
  const { module, iteration, dynamic } = block.scope;
  if (!dynamic) {
    const attr = block.body.attributes.get(name);
    return attr && attrFact(attr, module, iteration, path);
  }
  const n = nestedAttribute(block, name);
  if (!n) return undefined;
  const vars = new Set([...n.vars, ...n.iterators.flatMap((it) => [...it.forEachVars])]);
  const decidedBy = n.iterators[n.iterators.length - 1]?.forEach ?? n.attr;
  const value = toSchemaType(STREAM_TYPE, path, n.value);
  return { name, attr: n.attr, value, at: blame(module, vars) ?? locationOf(decidedBy), origin: null, from: inputSources(module, vars) };
}

/** The call-site argument that fed one of `vars` into `module`, followed up through callers. */
function blame(module: ModuleInstance, vars: Set<string>): Location | undefined {
  for (const name of vars) {
    const input = module.inputs.get(name);
    if (!input) continue;
    const { vars: callerVars } = input.caller.evaluate(input.attr.json, input.callerIteration);
    return blame(input.caller, callerVars) ?? locationOf(input.attr);
  }
  return undefined;
}

const BARE_REFERENCE = /^\$\{\s*(var|local)\.([A-Za-z_][\w-]*)\s*\}$/;

/** Follow `var.x` / `local.x` chains to the literal that decides a value, if exactly one does. */
function originOf(attr: HclAttribute, module: ModuleInstance, iteration: Iteration, depth = 0): Location | null {
  const json = attr.json;
  if (depth > 16 || json === undefined) return null;
  if (typeof json === 'number' || typeof json === 'boolean') return locationOf(attr);
  if (typeof json === 'string' && !json.includes('${')) return locationOf(attr);
  const m = typeof json === 'string' ? BARE_REFERENCE.exec(json) : null;
  if (!m) return null;
  const [, kind, name] = m;
  if (kind === 'local') {
    const local = module.source.locals.get(name);
    return local ? originOf(local, module, iteration, depth + 1) : null;
  }
  const input = module.inputs.get(name);
  if (input) return originOf(input.attr, input.caller, input.callerIteration, depth + 1);
  const fromFile = module.parent ? undefined : module.source.tfvars.get(name);
  if (fromFile) return fromFile.attr ? originOf(fromFile.attr, module, iteration, depth + 1) : null;
  const def = module.source.variables.get(name)?.attributes.get('default');
  return def ? originOf(def, module, iteration, depth + 1) : null;
}

export interface FactsInput {
  stream: StreamInstance;
  consumers: { links: ConsumerLink[]; countsKnown: boolean; complete: boolean; why: string[] };
  annotations: readonly Annotation[];
  declaration: Declaration | null;
  /** Finds the metrics snapshot's observation of the instance by its resolved name and region (issue #13). */
  observe?: (name: string | null, region: string) => ObservedStream | null;
  region: { region: string; assumption: string | null };
  settings: StreamSettings;
}

export function buildFacts(input: FactsInput): StreamFacts {
  const { stream, settings } = input;
  const { block, module, iteration } = stream;
  const memo = new Map<string, AttrFact | undefined>();
  const attr = (name: string) => {
    if (!memo.has(name)) {
      const a = block.attributes.get(name);
      memo.set(name, a && resolvedFact(attrFact(a, module, iteration), stream.resolved, [name]));
    }
    return memo.get(name);
  };
  const modes = nestedBlocks(block, rootScope(module, iteration), 'stream_mode_details');
  const [modeNested] = modes.blocks;
  const modeFact = modeNested && nestedAttrFact(modeNested, 'stream_mode', 'stream_mode_details.stream_mode');
  const modeAttr = modeFact && resolvedFact(modeFact, stream.resolved, ['stream_mode_details', 0, 'stream_mode']);
  const mode = stream.resolved ? stream.resolved.mode : modeOf(modes, modeAttr);
  const shards = attr('shard_count')?.value;
  const retention = attr('retention_period');
  const consumers = countConsumers(input);
  const region = input.region.region;
  const name = nameOf(attr('name')?.value);
  const observed = input.observe?.(name, region) ?? null;
  // Observed traffic is the load only where the declaration has no rate (docs/metrics.md).
  const fromObservation = observedLoad(input.declaration, observed);
  const hotShard = observed && observed.metrics.minutes > 0 ? hotShardOf(observed.metrics, settings.config.thresholds) : null;
  const load = withKeyShare(fromObservation ?? (input.declaration ? resolveLoad(input.declaration) : null), hotShard);
  const usage: StreamUsage = {
    mode: mode ?? 'PROVISIONED',
    instances: 1,
    shards: typeof shards === 'number' && Number.isInteger(shards) && shards >= 1 ? shards : null,
    retentionHours: retentionOf(retention?.value, retention === undefined),
    // A count that may be larger is no count for pricing: an unresolved reader's reads are unknown, not $0.
    standardConsumers: consumers.exact ? consumers.standard : null,
    efoConsumers: consumers.exact ? consumers.efo : null,
    load,
  };
  const advantage = advantageOf(settings, region);
  usage.advantage = advantage.on;
  let current: Estimate | undefined;
  return {
    stream,
    ...(advantage.why ? { advantageUnknown: advantage.why } : {}),
    header: { file: block.file.path, range: block.file.lines.rangeOf(headerSpan(block)) },
    block,
    attr,
    modeBlock: modeNested && !modeNested.scope.dynamic ? modeNested.body : undefined,
    modeDynamic: modes.dynamics[0],
    evaluated: () => [...memo.values(), modeAttr].filter((f): f is AttrFact => f !== undefined),
    modeAttr,
    mode,
    shardCount: mode === 'PROVISIONED' ? usage.shards : null,
    retentionHours: usage.retentionHours,
    region,
    regionAssumption: input.region.assumption,
    consumers,
    annotations: input.annotations,
    declaration: input.declaration,
    name,
    observed,
    loadSource: fromObservation ? 'observed' : load ? 'declared' : null,
    hotShard,
    load,
    sizing: load ? requiredShards(load, consumers.standard, settings.config.targetUtilization) : null,
    settings,
    usage,
    estimate: (overrides) => {
      // Most rules ask for the stream as it is: price it once.
      if (!overrides && current) return current;
      let e = estimateMonthlyCost({ ...usage, ...overrides }, settings.prices, region);
      if (mode === null && !overrides?.mode) e = withUnknownMode(e);
      if (input.region.assumption) e.assumptions.push(input.region.assumption);
      if (!overrides) current = e;
      return e;
    },
  };
}

/** A hot shard seen in per-shard metrics sizes the stream as if its excess were one key's (the larger share wins). */
function withKeyShare(load: ResolvedLoad | null, hot: HotShard | null): ResolvedLoad | null {
  if (!load || !hot || hot.share <= (load.maxKeyShare ?? 0)) return load;
  return { ...load, maxKeyShare: hot.share };
}

/**
 * On-demand Advantage for the stream's region: what an aws_kinesis_account_settings in the configuration says wins
 * (it is what the account will have after apply); else the config switch / editor setting. Unknown stays unknown,
 * unless the user's switch says it is on.
 */
function advantageOf(settings: StreamSettings, region: string): { on: boolean | null; why?: string } {
  const declared = settings.accountAdvantage?.in(region);
  if (declared?.state === 'enabled') return { on: true };
  if (declared?.state === 'disabled') return { on: false };
  if (settings.config.account.onDemandAdvantage) return { on: true };
  return declared?.state === 'unknown' ? { on: null, why: declared.why } : { on: false };
}

/** No block: PROVISIONED (the provider's default). A block that cannot be known, several blocks (the provider
 *  allows one) or an invalid stream_mode: unknown. */
function modeOf(modes: NestedBlocks, attr: AttrFact | undefined): CapacityMode | null {
  if (modes.unknown || modes.blocks.length > 1) return null;
  if (modes.blocks.length === 0) return 'PROVISIONED';
  return attr?.value === 'PROVISIONED' || attr?.value === 'ON_DEMAND' ? attr.value : null;
}

/** The header without the '{': `resource "aws_kinesis_stream" "events"`. */
export function headerSpan(block: HclBlock): Span {
  const labels = block.scanned.labels;
  const end = labels.length > 0 ? labels[labels.length - 1].span.end : block.scanned.typeSpan.end;
  return { start: block.scanned.span.start, end };
}

/** A stream's `name` as CloudWatch's StreamName: a non-empty string, else unknown. */
function nameOf(value: Value | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function retentionOf(value: Value | undefined, absent: boolean): number | null {
  if (absent || value === null) return RETENTION_HOURS.default;
  return typeof value === 'number' && value >= RETENTION_HOURS.min && value <= RETENTION_HOURS.max ? value : null;
}

function countConsumers(input: FactsInput): StreamConsumerCounts {
  const { links, countsKnown, complete, why } = input.consumers;
  const declared = input.declaration;
  const count = (kind: 'standard' | 'efo', extra: number | undefined) =>
    countsKnown ? links.filter((l) => l.kind === kind).length + (extra ?? 0) : null;
  return {
    standard: count('standard', declared?.consumers),
    efo: count('efo', declared?.efoConsumers),
    exact: complete && countsKnown,
    why,
    links,
  };
}
