// The merged result of one CLI run, in the order every output format prints it.
import { relative, sep } from 'path';
import type { MetricsReport, ModuleAnalysis, StreamReport } from '../core/results';
import type { Finding, Position, Severity } from '../core/types';
import { costSummary, type CostSummary } from '../core/pipeline/costSummary';

export interface SeverityCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
}

export interface RunReport {
  /** Working directory; every path printed is relative to it. */
  cwd: string;
  /** Sorted by file, then position, then rule id; exact duplicates removed. */
  findings: Finding[];
  /** Sorted by file, then position, then address. */
  streams: StreamReport[];
  /** Distinct files the analysis read. */
  fileCount: number;
  counts: SeverityCounts;
  /** False with --no-cost: estimates are not shown. */
  cost: boolean;
  /** The total of all streams, and every unknown input of the run (core/pipeline/costSummary.ts). */
  summary: CostSummary;
  /** Absolute root module dir of findings[i] / streams[i] (the first analysis that reported it): what `diff` matches by. */
  findingRoots: string[];
  streamRoots: string[];
  /** The metrics snapshots the run used, one per file in the order first used; `matched` added up over roots. */
  metrics: MetricsReport[];
}

export function buildReport(analyses: readonly ModuleAnalysis[], cwd: string, cost: boolean): RunReport {
  const findings = sortFindings(unique(analyses.flatMap((a) => a.findings), findingKey));
  const streams = unique(analyses.flatMap((a) => a.streams), (s) => `${s.file}\0${s.resource}`).sort(compareStreams);
  const files = new Set(analyses.flatMap((a) => a.files));
  const summary = costSummary(streams, analyses.flatMap((a) => a.unknowns ?? []));
  const rootOf = new Map<object, string>();
  for (const a of analyses) for (const item of [...a.findings, ...a.streams]) if (!rootOf.has(item)) rootOf.set(item, a.dir);
  const roots = (items: object[]) => items.map((item) => rootOf.get(item)!);
  return { cwd, findings, streams, fileCount: files.size, counts: countSeverities(findings), cost, summary, findingRoots: roots(findings), streamRoots: roots(streams), metrics: snapshotsUsed(analyses) };
}

function snapshotsUsed(analyses: readonly ModuleAnalysis[]): MetricsReport[] {
  const byFile = new Map<string, MetricsReport>();
  for (const m of analyses.map((a) => a.metrics).filter((x): x is MetricsReport => x !== undefined)) {
    const known = byFile.get(m.file);
    if (known) known.matched += m.matched;
    else byFile.set(m.file, { ...m });
  }
  return [...byFile.values()];
}

/** By file, then position, then rule id (a new array). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function countSeverities(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { errors: 0, warnings: 0, infos: 0, hints: 0 };
  for (const finding of findings) counts[COUNT_KEY[finding.severity]]++;
  return counts;
}

const COUNT_KEY: Record<Severity, keyof SeverityCounts> = {
  error: 'errors', warning: 'warnings', info: 'infos', hint: 'hints',
};

/** A path relative to `cwd` with `/` separators, as terminals and SARIF viewers expect. */
export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file) || '.';
  return sep === '/' ? rel : rel.split(sep).join('/');
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || comparePositions(a.range.start, b.range.start)
    || comparePositions(a.range.end, b.range.end) || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message);
}

function compareStreams(a: StreamReport, b: StreamReport): number {
  return compareText(a.file, b.file) || comparePositions(a.range.start, b.range.start) || compareText(a.resource, b.resource);
}

// Code-unit order, not locale order, so the output is the same on every machine.
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function findingKey(f: Finding): string {
  const r = f.range;
  return [f.file, r.start.line, r.start.character, r.end.line, r.end.character, f.ruleId, f.message].join('\0');
}

function unique<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
