// The workspace cost report: every stream, most expensive first (unknown last), each with where it is (a link),
// its findings and its breakdown. Sent as data for the editor's report tab and as Markdown for other clients.
import * as path from 'node:path';
import type { Finding, Severity } from '../../core/types';
import type { ModuleAnalysis, StreamReport } from '../../core/results';
import { knownPart, type Bound } from '../../core/partial';
import { estimatedCost, formatStreamCost } from '../../core/pricing/format';
import { pathToUri } from '../convert';
import { contains } from '../handlers/positions';
import { escape, streamBreakdown } from './breakdown';
import { summaryPayload, type CostSummaryPayload, type ServeState } from './summary';

/** A workspace folder as the client named it. */
export interface Folder {
  path: string;
  name: string;
}

/** A place the report links to: opened at `line`/`character` (0-based, UTF-16). */
export interface ReportLink {
  uri: string;
  line: number;
  character: number;
  /** `main.tf:34`, `modules/kin/main.tf:3`, or `infra/main.tf:34` in a multi-root workspace. */
  label: string;
}

export interface ReportFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  at: ReportLink;
}

/** One row (client/src/protocol.ts repeats it). */
export interface ReportStream {
  resource: string;
  at: ReportLink;
  /** Per month: `$43.80`, `$21.90 + usage`, `cost unknown: shard_count not resolved`. */
  cost: string;
  monthlyCost: Bound;
  capacity: string;
  findings: ReportFinding[];
  /** The hover's breakdown, Markdown. */
  breakdown: string;
}

export interface CostReportPayload extends CostSummaryPayload {
  markdown: string;
  /** Sorted: by monthly cost (a lower bound by its known part), highest first; unknown last; then by address. */
  rows: ReportStream[];
}

/** A file's path as the user knows it: relative to its workspace folder, after the folder's name in multi-root. */
export function displayPath(file: string, folders: readonly Folder[]): string {
  const inside = folders
    .filter((f) => !path.relative(f.path, file).startsWith('..') && !path.isAbsolute(path.relative(f.path, file)))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (!inside) return file;
  const rel = path.relative(inside.path, file).split(path.sep).join('/');
  return folders.length > 1 ? `${inside.name}/${rel}` : rel;
}

/** `state`: the workspace pass still running (busy), and the streams held at their last valid figures. */
export function costReport(analyses: readonly ModuleAnalysis[], folders: readonly Folder[], state?: ServeState): CostReportPayload {
  const link = (file: string, at: { line: number; character: number }): ReportLink => ({
    uri: pathToUri(file),
    line: at.line,
    character: at.character,
    label: `${displayPath(file, folders)}:${at.line + 1}`,
  });
  const rows = analyses.flatMap((a) =>
    a.streams.map((s): ReportStream => ({
      resource: s.resource,
      at: link(s.file, s.range.start),
      cost: formatStreamCost(s),
      monthlyCost: s.monthlyCost,
      capacity: capacityText(s),
      findings: findingsOf(s, a.findings).map((f) => ({ ruleId: f.ruleId, severity: f.severity, message: f.message, at: link(f.file, f.range.start) })),
      breakdown: streamBreakdown(s, displayPath(s.file, folders), state?.held.heldBy(s)),
    })),
  );
  rows.sort(byCost);
  const summary = summaryPayload(analyses, state);
  return { ...summary, rows, markdown: reportMarkdown(summary, rows) };
}

/** Highest first, a lower bound by its known part; unknown last; ties by address. */
export function byCost(a: { monthlyCost: Bound; resource: string }, b: { monthlyCost: Bound; resource: string }): number {
  if ((a.monthlyCost === null) !== (b.monthlyCost === null)) return a.monthlyCost === null ? 1 : -1;
  return knownPart(b.monthlyCost) - knownPart(a.monthlyCost) || a.resource.localeCompare(b.resource);
}

/** The findings about this stream: on its block or its annotations (a finding of a module's block serves each caller). */
function findingsOf(s: StreamReport, findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.resource === s.resource || (f.file === s.file && (contains(s.targets.block, f.range.start) || s.targets.annotations.some((a) => contains(a, f.range.start)))),
  );
}

function capacityText(s: StreamReport): string {
  if (s.mode === null) return 'mode unknown';
  if (s.mode === 'ON_DEMAND') return 'on-demand';
  return s.shardCount === null ? '? shards' : `${s.shardCount} shard${s.shardCount === 1 ? '' : 's'}`;
}

function reportMarkdown(summary: CostSummaryPayload, rows: ReportStream[]): string {
  const href = (l: ReportLink) => `[${escape(l.label)}](${l.uri}#L${l.line + 1})`;
  return [
    `# kinesis-lint: ${escape(estimatedCost(summary.monthlyCost, '/month', summary.unknowns))} for ${rows.length} stream${rows.length === 1 ? '' : 's'}`,
    '',
    ...(summary.busy ? ['*Analysing the workspace: this covers the modules analysed so far.*', ''] : []),
    ...(summary.missing ? [`Missing: ${escape(summary.missing)} (each stream below says why).`, ''] : []),
    '| stream | file | capacity | per month | findings |',
    '|---|---|---|---:|---:|',
    ...rows.map((r) => `| \`${r.resource}\` | ${href(r.at)} | ${r.capacity} | ${escape(r.cost)} | ${r.findings.length} |`),
    '',
    ...rows.map((r) => [
      `## ${r.resource}`,
      '',
      ...(r.findings.length ? ['**Findings**', '', ...r.findings.map((f) => `- ${f.severity} ${f.ruleId} (${href(f.at)}): ${escape(f.message)}`), ''] : []),
      r.breakdown,
      '',
    ].join('\n')),
  ].join('\n');
}
