// `diff --format markdown`: the pull-request comment. A hidden marker (the action finds and updates its comment by
// it), the summary line, a table of the changed streams, one collapsed <details> per stream (drivers, cost lines
// before → after, findings), the findings on no stream, and the assumptions once at the end.
import type { FindingSide, StreamDiff } from '../../../core/diff';
import { formatMoney, plural } from '../../../core/pricing/format';
import { baseLabel, type DiffView } from '../diffView';
import { htmlText, mdText } from './escape';
import { componentRows } from './text';
import { changedStreams, changeWords, linesComparable, perInstanceNote, streamDeltaText, summaryLine } from './words';

export const COMMENT_MARKER = '<!-- kinesis-lint diff -->';

export function formatDiffMarkdown(view: DiffView): string {
  const { diff } = view;
  const changed = changedStreams(diff);
  const out: string[] = [COMMENT_MARKER, '### kinesis-lint: Kinesis cost diff', '', `**${mdText(summaryLine(diff))}**`, ''];
  out.push(`Compared with ${mdText(baseLabel(view.base))}: ${plural(changed.length, 'stream')} changed, ${diff.streams.length - changed.length} unchanged; findings: ${diff.introduced.length} new, ${diff.fixed.length} fixed.`, '');
  if (changed.length > 0) {
    out.push('| Stream | Status | Before | After | Change | What changed |', '|---|---|--:|--:|--:|---|');
    for (const s of changed) {
      const before = s.before ? formatMoney(s.before.monthlyCost) : '—';
      const after = s.after ? formatMoney(s.after.monthlyCost) : '—';
      out.push(`| ${mdText(streamName(s))} | ${s.status} | ${mdText(before)} | ${mdText(after)} | ${mdText(streamDeltaText(s))} | ${mdText(changeWords(s))} |`);
    }
    out.push('');
    for (const s of changed) out.push(...details(s), '');
  }
  const loose = [...diff.introduced, ...diff.fixed].filter((f) => !changed.some((s) => s.root === f.root && s.address === f.resource));
  if (loose.length > 0) {
    out.push('**Findings on no changed stream**', '');
    out.push(...loose.map((f) => findingItem(f, diff.introduced.includes(f) ? 'new' : 'fixed')), '');
  }
  if (diff.assumptions.length > 0) {
    out.push('<details><summary>Assumptions</summary>', '', ...diff.assumptions.map((a) => `- ${mdText(a)}`), '', '</details>', '');
  }
  return out.join('\n');
}

/** "aws_kinesis_stream.events" or, outside the root module at the working directory, "app: aws_kinesis_stream.events". */
function streamName(s: StreamDiff): string {
  return s.root === '.' ? s.address : `${s.root}: ${s.address}`;
}

function details(s: StreamDiff): string[] {
  const side = (s.after ?? s.before)!;
  const where = side.range ? `${side.file}:${side.range.start.line + 1}` : side.file;
  const lines = [`<details><summary>${htmlText(streamName(s))}: ${htmlText(streamDeltaText(s))} (${s.status})</summary>`, ''];
  lines.push(`${mdText(where)}: ${mdText(changeWords(s))}`, '');
  const rows = componentRows(s.before?.components ?? [], s.after?.components ?? [], linesComparable(s));
  rows.push(['Total per month', s.before ? formatMoney(s.before.monthlyCost) : '—', s.after ? formatMoney(s.after.monthlyCost) : '—', streamDeltaText(s)]);
  const note = perInstanceNote(s);
  if (note !== undefined) lines.push(`${mdText(note)}:`, '');
  lines.push('| Cost line | Before | After | Change |', '|---|--:|--:|--:|', ...rows.map((r) => `| ${r.map(mdText).join(' | ')} |`), '');
  const unknowns = s.after?.unknowns ?? s.before?.unknowns ?? [];
  if (unknowns.length > 0) lines.push(...unknowns.map((u) => `- missing: ${mdText(u)}`), '');
  if (s.introduced.length + s.fixed.length > 0) {
    lines.push(...s.introduced.map((f) => findingItem(f, 'new')), ...s.fixed.map((f) => findingItem(f, 'fixed')), '');
  }
  lines.push('</details>');
  return lines;
}

/** "- new **warning** app/main.tf:7: message (undersized-shards)": file:line as text, no link. */
function findingItem(f: FindingSide, what: 'new' | 'fixed'): string {
  return `- ${what} **${f.severity}** ${mdText(`${f.file}:${f.range.start.line + 1}`)}: ${mdText(f.message)} (${mdText(f.ruleId)})`;
}
