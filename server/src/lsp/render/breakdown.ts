// The cost and capacity breakdown of one stream in Markdown: hover, the code lens's "show breakdown" and the
// workspace report all render StreamReport, the same object the CLI prints as JSON.
import * as path from 'node:path';
import type { StreamReport } from '../../core/results';
import { describeUnknown, estimateLines, formatCount, formatMoney, formatStreamCost, streamCostText } from '../../core/pricing/format';
import { limitName, limitWords, percent } from '../../core/rules/messages';

/**
 * `where`: the file as the reader knows it (the report's workspace-relative path); default its name. `heldBy`: the
 * files whose syntax errors hold this stream at its last valid figures (store.heldBy).
 */
export function streamBreakdown(s: StreamReport, where = path.basename(s.file), heldBy?: readonly string[]): string {
  const e = s.estimate;
  const cost = s.monthlyCost !== null && !s.atFallbackRates ? `≈ **${formatMoney(s.monthlyCost, '/month')}**` : `**${escape(streamCostText(s, '/month'))}**`;
  const lines: string[] = [
    `**${s.resource}** — ${cost} in ${s.region}${e.priceRegion !== s.region ? ' (no verified prices)' : ''} · prices of ${e.priceDate}`,
    '',
    ...(heldBy ? [heldNote(s, heldBy), ''] : []),
    `${modeText(s)} · ${instancesText(s.instances)} · retention ${s.retentionHours ?? '?'} h · ${where}:${s.range.start.line + 1}`,
    '',
    '| component | quantity × unit price | per month |',
    '|---|---|---:|',
    // An unknown line reads "+ usage"; the total row says the stream's total as the report decides it.
    ...estimateLines(e, { total: formatStreamCost(s) }).map(([label, qty, amount], i, rows) =>
      `| ${escape(label)} | ${escape(qty)} | ${amount === 'unknown' && i < rows.length - 1 ? '+ usage' : escape(amount)} |`),
    '',
    ...missing(s),
    ...capacity(s),
    ...consumers(s),
    '**Assumptions**',
    '',
    ...e.assumptions.map((a) => `- ${escape(a)}`),
  ];
  return lines.join('\n');
}

/** The hover's marker for held figures: from which version they are, and why. */
function heldNote(s: StreamReport, heldBy: readonly string[]): string {
  const names = heldBy.map((f) => path.basename(f)).join(', ');
  const version = heldBy.includes(s.file) ? 'this file' : `its module (${escape(names)} ${heldBy.length === 1 ? 'has a syntax error' : 'have syntax errors'})`;
  return `*Figures from the last valid version of ${version}: they update when it parses again.*`;
}

function capacity(s: StreamReport): string[] {
  const rows = (s.sizing?.perLimit ?? []).map(
    (p) => `- ${limitWords(p)} → ${p.shards === null ? 'no shard count (the busiest key alone is too much for one shard)' : `${p.shards} shard${p.shards === 1 ? '' : 's'}`}${p.limit === s.sizing!.binding ? ' **(binding)**' : ''}`,
  );
  if (s.sizing?.hotKey) {
    return [`**Capacity** at the ${percent(s.targetUtilization)} target: no shard count carries the busiest partition key (max key share ${percent(s.sizing.keyShare ?? 0)}); spread the key`, '', ...rows, ''];
  }
  if (!s.sizing || s.sizing.requiredShards === null) {
    // Terraform JSON has no comments: there the load goes under "streams" in .kinesis-lint.json.
    const where = s.file.endsWith('.json')
      ? `declare it under \`"streams"\` → \`"${s.resource}"\` in .kinesis-lint.json`
      : 'add `# kinesis-lint: records_per_sec=… avg_record_kib=…` (or write_mib_per_sec=…) above the resource';
    return [`**Capacity**: no load declared — ${where} to check sizing.`, ''];
  }
  const peak = s.peakUtilization !== null && s.bindingLimit
    ? [`- peak utilisation at ${s.shardCount} shards: **${percent(s.peakUtilization)}** of ${limitName(s.bindingLimit)}`]
    : [];
  return [`**Capacity** at the ${percent(s.targetUtilization)} target: needs **${s.sizing.requiredShards}** shard${s.sizing.requiredShards === 1 ? '' : 's'}`, '', ...rows, ...peak, ''];
}

function consumers(s: StreamReport): string[] {
  const { standard, efo } = s.consumers;
  const head = `**Consumers**: ${formatCount(standard)} standard, ${formatCount(efo)} enhanced fan-out`;
  const rows = s.consumerLinks.map(
    (c) => `- ${c.kind === 'efo' ? 'EFO' : 'standard'}: \`${c.address}\` (${path.basename(c.file)}:${c.range.start.line + 1})${c.usedBy.length ? ` read by ${c.usedBy.map((u) => `\`${u}\``).join(', ')}` : ''}`,
  );
  return [head, '', ...rows, ...(rows.length ? [''] : [])];
}

/** The inputs the figures could not know, each with its cause (the same list as the CLI's and the JSON's). */
function missing(s: StreamReport): string[] {
  if (s.unknowns.length === 0) return [];
  return ['**Missing**', '', ...s.unknowns.map((u) => `- ${escape(describeUnknown(u))}`), ''];
}

function modeText(s: StreamReport): string {
  if (s.mode === null) return 'Mode unknown';
  if (s.mode === 'ON_DEMAND') return 'On-demand';
  return `Provisioned, ${s.shardCount ?? '?'} shard${s.shardCount === 1 ? '' : 's'}`;
}

function instancesText(n: number | null): string {
  return n === null ? 'instances unknown' : `${n} instance${n === 1 ? '' : 's'}`;
}

/** Markdown's special characters escaped, for text inside tables and lists. */
export function escape(text: string): string {
  return text.replace(/[|\\*_`<>]/g, (c) => `\\${c}`);
}
