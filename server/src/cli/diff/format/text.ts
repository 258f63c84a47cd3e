// `diff --format text`: per changed stream a heading, what drove the change, a cost table before → after → change
// (the lint report's table layout: labels left, amounts right) and its findings; then the totals.
import { costDelta, formatDelta, type FindingSide, type SideComponent, type StreamDiff } from '../../../core/diff';
import { formatMoney, formatUsd, plural } from '../../../core/pricing/format';
import type { Palette } from '../../format/colors';
import { baseLabel, type DiffView } from '../diffView';
import { changedStreams, changeWords, linesComparable, perInstanceNote, streamDeltaText, summaryLine } from './words';

const INDENT = '  ';
const GAP = '  ';

export function formatDiffText(view: DiffView, palette: Palette): string {
  const { diff } = view;
  const changed = changedStreams(diff);
  const sections: string[][] = [[`Comparing the working tree with ${baseLabel(view.base)}`]];
  sections.push(...changed.map((s) => streamSection(s, palette)));
  const loose = [...diff.introduced, ...diff.fixed].filter((f) => f.resource === null || !diff.streams.some((s) => s.root === f.root && s.address === f.resource));
  if (loose.length > 0) sections.push(['Findings on no stream:', ...loose.map((f) => INDENT + findingLine(f, diff.introduced.includes(f) ? 'new' : 'fixed', palette))]);
  const unchanged = diff.streams.length - changed.length;
  sections.push([
    palette.bold(summaryLine(diff)),
    `${plural(changed.length, 'stream')} changed (${count(changed, 'added')} added, ${count(changed, 'removed')} removed, ${count(changed, 'changed')} changed), ${unchanged} unchanged`,
    `Findings: ${diff.introduced.length} new, ${diff.fixed.length} fixed`,
  ]);
  return sections.map((lines) => lines.join('\n')).join('\n\n') + '\n';
}

function count(streams: StreamDiff[], status: StreamDiff['status']): number {
  return streams.filter((s) => s.status === status).length;
}

function streamSection(s: StreamDiff, palette: Palette): string[] {
  const side = (s.after ?? s.before)!;
  const where = side.range ? `${side.file}:${side.range.start.line + 1}` : side.file;
  const rows = componentRows(s.before?.components ?? [], s.after?.components ?? [], linesComparable(s));
  rows.push(['Total per month', s.before ? formatMoney(s.before.monthlyCost) : '—', s.after ? formatMoney(s.after.monthlyCost) : '—', streamDeltaText(s)]);
  const note = perInstanceNote(s);
  return [
    `${palette.bold(s.address)} ${palette.dim(`(${where})`)}: ${s.status}`,
    INDENT + changeWords(s),
    ...(note === undefined ? [] : [`${INDENT}${note}:`]),
    ...align(rows).map((row) => INDENT + row),
    ...s.introduced.map((f) => INDENT + findingLine(f, 'new', palette)),
    ...s.fixed.map((f) => INDENT + findingLine(f, 'fixed', palette)),
  ];
}

/** One row per cost line that applies on either side: label, before, after, change ('unknown' when not comparable). */
export function componentRows(before: SideComponent[], after: SideComponent[], comparable = true): string[][] {
  const ids = [...new Set([...before, ...after].map((c) => c.id))];
  const rows: string[][] = [];
  for (const id of ids) {
    const [b, a] = [before.find((c) => c.id === id), after.find((c) => c.id === id)];
    if ((b?.quantity ?? 0) === 0 && (a?.quantity ?? 0) === 0 && b?.monthlyUsd !== null && a?.monthlyUsd !== null) continue;
    const usd = (c: SideComponent | undefined) => (c === undefined ? 0 : c.monthlyUsd);
    const [bu, au] = [usd(b), usd(a)];
    const change = formatDelta(comparable ? costDelta(bu, au) : null);
    rows.push([(a ?? b)!.label, money(b, bu), money(a, au), change]);
  }
  return rows;
}

function money(c: SideComponent | undefined, usd: number | null): string {
  if (c === undefined) return '—';
  return usd === null ? 'unknown' : formatUsd(usd);
}

function findingLine(f: FindingSide, what: 'new' | 'fixed', palette: Palette): string {
  return `${what}: ${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${palette.severity(f.severity, f.severity)}: ${f.message} ${palette.dim(`[${f.ruleId}]`)}`;
}

/** Label left, amounts right, as the lint report's cost table. */
function align(rows: string[][]): string[] {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  return rows.map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]) : cell.padStart(widths[col]))).join(GAP).trimEnd());
}
