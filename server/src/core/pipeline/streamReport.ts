// One report per stream resource: its instances' estimates added up component by component.
import type { ConsumerReport, ShardLevelMetric, StreamReport, StreamTargets, TargetArgument } from '../results';
import type { HclAttribute } from '../syntax/sourceFile';
import { headerSpan } from '../model/streamFacts';
import type { StreamFacts } from '../model/streamFacts';
import type { CostComponent, Estimate } from '../pricing/estimate';
import { peakUtilization } from '../capacity/sizing';
import { money, uniqueUnknowns, type Bound } from '../partial';
import { instanceCountUnknown, unknownInputs } from '../model/unknownInputs';
import { reportedEstimate } from '../pricing/fallbackRegion';

export function streamReport(instances: StreamFacts[]): StreamReport {
  const first = instances[0];
  // Unknown when the resource's own count / for_each is, or a module's around it.
  const count = instanceCountUnknown(first.stream) === null ? first.stream.instanceCount : null;
  const { estimate, atFallbackRates } = reportedEstimate(combine(instances.map((f) => f.estimate())));
  if (count === null) estimate.assumptions.push('The number of instances (count / for_each) is unknown or too large to expand: the figures are for one instance, and the total is unknown.');
  const same = <T>(get: (f: StreamFacts) => T): T | null => {
    const v = get(first);
    return instances.every((f) => JSON.stringify(get(f)) === JSON.stringify(v)) ? v : null;
  };
  const shards = same((f) => f.shardCount);
  const mode = same((f) => f.mode);
  const unknowns = uniqueUnknowns(instances.flatMap(unknownInputs));
  // With an unknown mode the estimate prices PROVISIONED, which may be the wrong bill altogether.
  const priced = instances.some((f) => f.mode === null) ? null : money(estimate.monthlyUsd, estimate.partial);
  const monthlyCost = count === null ? null : priced;
  const consumers = { standard: same((f) => readers(f, 'standard')), efo: same((f) => readers(f, 'efo')) };
  return {
    resource: first.stream.resource,
    file: first.header.file,
    range: first.header.range,
    names: namesOf(instances),
    shardLevelMetrics: same((f) => shardLevelMetricsOf(f)),
    instances: count,
    mode,
    shardCount: shards,
    region: first.region,
    retentionHours: same((f) => f.retentionHours),
    consumers,
    declared: first.declaration,
    // A for_each whose instances are observed differently (one without data) has no one source or observation.
    loadSource: same((f) => f.loadSource),
    observed: same((f) => f.observed),
    requiredShards: same((f) => f.sizing?.requiredShards ?? null),
    bindingLimit: same((f) => f.sizing?.binding ?? null),
    peakUtilization:
      first.load && shards !== null ? peakUtilization(first.load, first.consumers.standard, shards)?.utilization ?? null : null,
    estimate,
    monthlyCost,
    monthlyCostPerInstance: count === null ? priced : null,
    partial: unknowns.length > 0 || estimate.partial || monthlyCost === null || typeof consumers.standard !== 'number' || typeof consumers.efo !== 'number',
    unknowns,
    sizing: first.sizing,
    targetUtilization: first.settings.config.targetUtilization,
    consumerLinks: first.consumers.links.map((c): ConsumerReport => ({
      address: c.address,
      kind: c.kind,
      type: c.type,
      file: c.block.file.path,
      range: c.block.file.lines.rangeOf(headerSpan(c.block)),
      usedBy: [...c.usedBy],
    })),
    targets: targetsOf(first),
    ...(atFallbackRates !== undefined ? { atFallbackRates: { usd: count === null ? null : atFallbackRates, priceRegion: estimate.priceRegion } } : {}),
  };
}

function namesOf(instances: StreamFacts[]): string[] | null {
  const names = instances.map((f) => f.name);
  return names.every((n): n is string => n !== null) ? [...new Set(names)] : null;
}

const SHARD_LEVEL: readonly ShardLevelMetric[] = ['IncomingBytes', 'IncomingRecords'];

/** The shard-level metrics kinesis-lint reads that the instance enables (ALL: both); null when the list cannot be
 *  resolved. */
function shardLevelMetricsOf(f: StreamFacts): ShardLevelMetric[] | null {
  const a = f.attr('shard_level_metrics');
  if (!a || a.value === null) return [];
  const v = a.value;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return null;
  return SHARD_LEVEL.filter((m) => v.includes('ALL') || v.includes(m));
}

/** A reader count: exact, or a lower bound when some reader's target cannot be resolved; null when unknown. */
function readers(f: StreamFacts, kind: 'standard' | 'efo'): Bound {
  const n = f.consumers[kind];
  if (n === null) return null;
  return f.consumers.exact ? n : { atLeast: n };
}

const TARGETS: TargetArgument[] = ['shard_count', 'retention_period', 'encryption_type', 'kms_key_id'];

function targetsOf(f: StreamFacts): StreamTargets {
  const { block } = f;
  const lines = block.file.lines;
  const place = (a: HclAttribute) => ({ name: lines.rangeOf(a.scanned.nameSpan), value: lines.rangeOf(a.scanned.valueSpan) });
  const args: StreamTargets['arguments'] = {};
  for (const name of TARGETS) {
    const a = block.attributes.get(name);
    if (a) args[name] = place(a);
  }
  const mode = f.modeBlock?.attributes.get('stream_mode');
  if (mode) args.stream_mode = place(mode);
  return {
    block: lines.rangeOf(block.scanned.span),
    arguments: args,
    annotations: f.annotations.map((a) => lines.rangeOf(a.comment.span)),
  };
}

/** Sum estimates of the same mode's components; quantities and amounts stay null if any instance's is. */
function combine(estimates: Estimate[]): Estimate {
  const [first, ...rest] = estimates;
  const components: CostComponent[] = first.components.map((c) => ({ ...c }));
  for (const e of rest) {
    for (const c of e.components) {
      const target = components.find((t) => t.id === c.id);
      if (!target) {
        components.push({ ...c });
        continue;
      }
      target.quantity = target.quantity === null || c.quantity === null ? null : target.quantity + c.quantity;
      target.monthlyUsd = target.monthlyUsd === null || c.monthlyUsd === null ? null : target.monthlyUsd + c.monthlyUsd;
    }
  }
  return {
    ...first,
    components,
    monthlyUsd: components.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0),
    // An instance priced at nothing (its mode unknown) has no line to be null: keep its partial.
    partial: estimates.some((e) => e.partial) || components.some((c) => c.monthlyUsd === null),
    assumptions: [...new Set(estimates.flatMap((e) => e.assumptions))],
  };
}
