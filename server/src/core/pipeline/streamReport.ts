// One report per stream resource: its instances' estimates added up component by component.
import type { StreamReport } from '../results';
import type { StreamFacts } from '../model/streamFacts';
import type { CostComponent, Estimate } from '../pricing/estimate';
import { peakUtilization } from '../capacity/sizing';

export function streamReport(instances: StreamFacts[]): StreamReport {
  const first = instances[0];
  const count = first.stream.instanceCount;
  const estimate = combine(instances.map((f) => f.estimate()));
  if (count === null) estimate.assumptions.push('The number of instances (count / for_each) is unknown: priced as one instance.');
  const same = <T>(get: (f: StreamFacts) => T): T | null => {
    const v = get(first);
    return instances.every((f) => get(f) === v) ? v : null;
  };
  const shards = same((f) => f.shardCount);
  return {
    resource: first.stream.resource,
    file: first.header.file,
    range: first.header.range,
    instances: count,
    mode: first.mode ?? 'PROVISIONED',
    shardCount: shards,
    region: first.region,
    retentionHours: same((f) => f.retentionHours),
    consumers: { standard: same((f) => f.consumers.standard), efo: same((f) => f.consumers.efo) },
    declared: first.declaration,
    requiredShards: same((f) => f.sizing?.requiredShards ?? null),
    bindingLimit: same((f) => f.sizing?.binding ?? null),
    peakUtilization:
      first.load && shards !== null ? peakUtilization(first.load, first.consumers.standard, shards)?.utilization ?? null : null,
    estimate,
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
    partial: components.some((c) => c.monthlyUsd === null),
    assumptions: [...new Set(estimates.flatMap((e) => e.assumptions))],
  };
}
