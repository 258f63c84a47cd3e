// The cost summary the server sends the client after each analysis (status bar) and with the cost report: the
// core's CostSummary, so the editor says "unknown" and "+ usage" exactly where the CLI does.
import type { ModuleAnalysis, StreamReport } from '../../core/results';
import { costSummary } from '../../core/pipeline/costSummary';
import { knownPart, type Bound, type ReportedUnknown } from '../../core/partial';
import { estimatedCost, missingInputs } from '../../core/pricing/format';
import type { WorkspaceDelta } from '../baseline/baselines';

/** On the wire (client/src/protocol.ts repeats it). */
export interface CostSummaryPayload {
  /** The exact total or its lower bound; null when no total can be given. */
  totalMonthlyUsd: number | null;
  /** Exact (a number), a lower bound (`{ atLeast }`), or unknown (null). */
  monthlyCost: Bound;
  /** Some figure is not exact. */
  partial: boolean;
  streams: number;
  /** What is missing, in words: "shard count, readers, load" ('' when nothing). */
  missing: string;
  unknowns: ReportedUnknown[];
  /** The total as every surface says it: "≈ $43.80/mo", "≈ $21.90/mo + usage", "cost unknown: shard_count not resolved". */
  monthlyCostText: string;
  /** A workspace pass is under way: the total covers only the roots analysed so far (the status bar shows busy). */
  busy: boolean;
  /** Streams whose figures are from the last valid version of their module (a syntax error now). */
  heldStreams: number;
  /** The workspace's change against kinesisLint.compareTo (removed streams included); absent when off, not a
   *  repository, or while the base is being analysed. */
  delta?: WorkspaceDelta;
  /** Why some or all modules show no delta ("no cost delta vs HEAD: not in a git repository"); '' when none. */
  deltaNote: string;
}

/** What the server knows beyond the analyses: whether the workspace pass is done, and which streams are held. */
export interface ServeState {
  busy: boolean;
  held: { heldBy(stream: StreamReport): string[] | undefined };
  delta?: WorkspaceDelta;
  note?: string;
}

export function summaryPayload(analyses: readonly ModuleAnalysis[], state: ServeState = { busy: false, held: { heldBy: () => undefined } }): CostSummaryPayload {
  const streams = analyses.flatMap((a) => a.streams);
  const s = costSummary(streams, analyses.flatMap((a) => a.unknowns ?? []));
  return {
    totalMonthlyUsd: s.monthlyCost === null ? null : knownPart(s.monthlyCost),
    monthlyCost: s.monthlyCost,
    partial: s.partial,
    streams: s.streams,
    missing: missingInputs(s.unknowns),
    unknowns: s.unknowns,
    monthlyCostText: estimatedCost(s.monthlyCost, '/mo', s.unknowns),
    busy: state.busy,
    heldStreams: streams.filter((stream) => state.held.heldBy(stream) !== undefined).length,
    ...(state.delta ? { delta: state.delta } : {}),
    deltaNote: state.note ?? '',
  };
}
