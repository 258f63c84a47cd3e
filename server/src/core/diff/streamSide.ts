// One side of a diff, per stream: what a ModuleAnalysis (the editor, `diff --base`) or a saved `--format json`
// report (`diff --compare-to`) knows about it. Both sources build the same shape so the diff never asks which.
import type { Bound } from '../partial';
import type { CapacityMode, CostComponentId } from '../pricing/estimate';
import type { StreamReport } from '../results';
import type { Range } from '../types';

/** A cost line as the diff shows it before → after (the estimate's component, or the JSON report's). */
export interface SideComponent {
  id: CostComponentId | string;
  label: string;
  quantity: number | null;
  unit: string;
  unitPriceUsd: number | null;
  monthlyUsd: number | null;
}

/** What one side of a diff knows about a stream: built from a ModuleAnalysis or read back from a --format json report. */
export interface StreamSide {
  /** Module dir relative to the repo/cwd, '/' separators, '.' for cwd. */
  root: string;
  address: string;
  file: string;
  monthlyCost: Bound;
  mode: CapacityMode | null;
  shardCount: number | null;
  instances: number | null;
  retentionHours: number | null;
  consumers: { standard: Bound; efo: Bound };
  region: string;
  partial: boolean;
  // Added to the fixed interface (optional, so a side built by hand needs none of them):
  /** The resource header, for annotations (0-based, as everywhere in the core). */
  range?: Range;
  /** The cost lines, for the "before → after" detail. */
  components?: SideComponent[];
  /** What the estimate rests on (rates, record size, price date), said once per diff. */
  assumptions?: string[];
  /** Why the figures are not exact, in words ("shard count (var.shards has no value)"). */
  unknowns?: string[];
  /** Set by the diff on a base stream paired through a `moved` block: its address before the move. */
  renamedFrom?: string;
}

/** The key streams are matched by across the two sides: root module dir + resource address (not the file). */
export function streamKey(root: string, address: string): string {
  return `${root}\u0000${address}`;
}

/**
 * A StreamReport as one side of a diff. `root` is the module dir relative to the repo/cwd; `relativeFile` turns the
 * report's absolute file path into the same relative form (the core has no path module: the caller supplies it).
 */
export function streamSide(report: StreamReport, root: string, relativeFile: (absolute: string) => string = (f) => f): StreamSide {
  return {
    root,
    address: report.resource,
    file: relativeFile(report.file),
    monthlyCost: report.monthlyCost,
    mode: report.mode,
    shardCount: report.shardCount,
    instances: report.instances,
    retentionHours: report.retentionHours,
    consumers: { standard: report.consumers.standard, efo: report.consumers.efo },
    region: report.region,
    partial: report.partial,
    range: report.range,
    components: report.estimate.components.map((c) => ({ ...c })),
    assumptions: [...report.estimate.assumptions],
    unknowns: report.unknowns.map((u) => `${u.what}: ${u.why}`),
  };
}
