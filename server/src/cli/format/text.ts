// `--format text`: one `file:line:col: severity: message [rule-id]` line per finding (1-based, so terminals and
// editors make it a link), then a cost table per stream and a total, then a one-line summary.
import { formatCost, missingInputs, plural } from '../../core/pricing/format';
import type { Finding } from '../../core/types';
import { displayPath, type RunReport, type SeverityCounts } from '../report';
import { PLAIN, type Palette } from './colors';
import { costTable } from './costTable';
import type { MetricsReport } from '../../core/results';
import { ageWords, observedWords } from '../../core/metrics/describe';

export function formatText(report: RunReport, palette: Palette = PLAIN, verbose = false): string {
  // Sections separated by one blank line: the findings, each stream's table, the total, the summary.
  const sections: string[][] = [report.findings.flatMap((f) => [findingLine(f, report.cwd, palette), ...(verbose ? detailLines(f, palette) : [])])];
  if (report.cost && report.streams.length > 0) {
    sections.push(...report.streams.map((stream) => costTable(stream, report.cwd, palette)), [grandTotal(report)]);
  }
  // A stale snapshot is said once per run, not per stream it sized.
  sections.push(report.metrics.filter((m) => m.stale).map((m) => palette.severity('warning', staleLine(m, report.cwd))));
  sections.push([summaryLine(report.counts)]);
  return sections.filter((lines) => lines.length > 0).map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

export function findingLine(f: Finding, cwd: string, palette: Palette = PLAIN): string {
  const where = `${displayPath(f.file, cwd)}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  return `${where}: ${palette.severity(f.severity, f.severity)}: ${f.message} ${palette.dim(`[${f.ruleId}]`)}`;
}

/** --verbose: the finding's detail, indented under its line. */
export function detailLines(f: Finding, palette: Palette = PLAIN): string[] {
  return f.detail ? f.detail.split('\n').map((line) => palette.dim(`    ${line}`)) : [];
}

/**
 * "Total for 2 streams: $51.40/month + usage (missing: shard count, load)", or "Total for 1 stream: cost unknown:
 * shard_count not resolved": what is missing, by name.
 */
export function grandTotal(report: RunReport): string {
  const { monthlyCost, partial, unknowns } = report.summary;
  const count = report.streams.length;
  const missing = monthlyCost !== null && partial && unknowns.length > 0 ? ` (missing: ${missingInputs(unknowns)})` : '';
  return `Total for ${count} stream${count === 1 ? '' : 's'}: ${formatCost(monthlyCost, '/month', unknowns)}${missing}`;
}

/** "Metrics snapshot .kinesis-lint/metrics.json is stale: snapshot 45 days old (metrics.max_age_days 30), observed
 *  2026-11-12 → 11-25; run kinesis-lint metrics pull" */
export function staleLine(m: MetricsReport, cwd: string): string {
  return `Metrics snapshot ${displayPath(m.file, cwd)} is stale: ${ageWords(m)} (metrics.max_age_days ${m.maxAgeDays}), ${observedWords(m)}; run kinesis-lint metrics pull`;
}

export function summaryLine(c: SeverityCounts): string {
  const total = c.errors + c.warnings + c.infos + c.hints;
  if (total === 0) return 'No problems found.';
  const parts = [plural(c.errors, 'error'), plural(c.warnings, 'warning'), plural(c.infos, 'info'), plural(c.hints, 'hint')];
  return `${plural(total, 'problem')} (${parts.join(', ')})`;
}
