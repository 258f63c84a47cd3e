// The cost inline where it is decided: after shard_count and retention_period, after stream_mode when no code lens
// already says the total, and at the end of each EFO consumer's header line (standard readers add no line of their
// own to the bill: no hint). A module called several times gets one hint per place, each figure labelled with its
// caller.
import type { InlayHint, InlayHintParams } from 'vscode-languageserver';
import type { CostComponentId } from '../../core/pricing/estimate';
import type { Position } from '../../core/types';
import type { StreamReport } from '../../core/results';
import type { StreamSource } from '../store';
import { uriToPath } from '../convert';
import { formatCost, formatUnitRate, formatUsd, streamCostText } from '../../core/pricing/format';
import { money } from '../../core/partial';
import { contains } from './positions';
import { mayTouch } from '../fileView';
import { moveRange } from '../relocate';
import { callerLabels, callerOf, withCaller } from './callers';

export interface HintOptions {
  /** The code lens shows each stream's total: the stream_mode hint would repeat it. */
  lensShowsTotal?: boolean;
  /** The current text of a line (the open document's), to put consumer hints at its end. */
  lineText?: (line: number) => string | undefined;
}

interface Placed {
  position: Position;
  label: string;
  caller: string;
  root: string;
}

export function inlayHints(store: StreamSource, params: InlayHintParams, options: HintOptions = {}): InlayHint[] {
  const file = uriToPath(params.textDocument.uri);
  if (!file) return [];
  const placed: Placed[] = [];
  const view = store.inFile(file);
  for (const { item: s, root } of view.streams) {
    const add = (position: Position, label: string) => {
      if (contains(params.range, position)) placed.push({ position, label, caller: callerOf(s.resource), root });
    };
    // Only the streams that may reach into the range are moved onto the current text.
    if (s.file === file && mayTouch(s, view.move, params.range)) streamHints(view.current(s), add, options);
    for (const c of s.consumerLinks) {
      if (c.file !== file || c.kind !== 'efo' || c.type !== 'aws_kinesis_stream_consumer') continue;
      const range = moveRange(c.range, view.move);
      const text = options.lineText?.(range.end.line);
      // After the whole line (`{` and any comment), not inside the header: trailing blanks do not count.
      const end = text === undefined ? range.end : { line: range.end.line, character: text.replace(/\s+$/, '').length };
      add(end, consumerLabel(s));
    }
  }
  return merged(placed);
}

function streamHints(s: StreamReport, add: (p: Position, label: string) => void, options: HintOptions): void {
  const a = s.targets.arguments;
  // With an unknown instance count the estimate is one instance's: labelled so.
  const each = s.instances === null ? ' per instance' : '';
  if (a.shard_count && s.mode === 'PROVISIONED') {
    const shards = amount(s, ['shard-hours'], each);
    if (shards) add(a.shard_count.value.end, shards.known > 0 ? `≈ ${shards.text}` : shards.text);
  }
  const retention = a.retention_period && amount(s, ['extended-retention', 'long-term-retention', 'on-demand-extended-retention', 'on-demand-long-term-retention', 'advantage-retention'], each);
  if (retention) add(a.retention_period!.value.end, `+ ${retention.text}`);
  // The mode decides the whole bill: its hint is the stream's total in this mode, unless the lens above says it.
  if (a.stream_mode && !options.lensShowsTotal) {
    const total = streamCostText(s, '/mo');
    add(a.stream_mode.value.end, total.startsWith('≈') ? `${total} in total` : total);
  }
}

/**
 * One hint per position. Several reports at one place (a module called several times) make one hint whose figures
 * are labelled with their callers — `module.small: ≈ $10.95/mo · module.big: ≈ $87.60/mo` — callers with the same
 * figure sharing it.
 */
function merged(placed: Placed[]): InlayHint[] {
  const byPosition = new Map<string, Placed[]>();
  for (const p of placed) {
    const key = `${p.position.line}:${p.position.character}`;
    byPosition.set(key, [...(byPosition.get(key) ?? []), p]);
  }
  return [...byPosition.values()].map((group) => {
    if (group.length === 1) return { position: group[0].position, label: group[0].label, paddingLeft: true };
    const labels = callerLabels(group);
    const byText = new Map<string, string[]>();
    group.forEach((p, i) => byText.set(p.label, [...(byText.get(p.label) ?? []), labels[i]]));
    const figures = [...byText].map(([text, callers]) => withCaller(callers.join(', '), text));
    // VS Code cuts a line's hints after 43 characters (editor.inlayHints.maximumLength): the tooltip has them all.
    return { position: group[0].position, label: figures.join(' · '), tooltip: figures.join('\n'), paddingLeft: true };
  });
}

/**
 * Some components' monthly amount ("$21.90/mo"), undefined when it is nothing; a component with an unknown amount
 * is said by its unit price, with its unit ("$0.02 per shard-hour"), never as a monthly amount.
 */
function amount(s: StreamReport, ids: CostComponentId[], each: string): { text: string; known: number } | undefined {
  const parts = s.estimate.components.filter((c) => ids.includes(c.id) && c.quantity !== 0);
  const known = parts.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0);
  const rates = parts.filter((c) => c.monthlyUsd === null).map((c) => formatUnitRate(c.unitPriceUsd, c.unit));
  const said = [...(known > 0 ? [`${formatUsd(known)}/mo${each}`] : []), ...rates];
  return said.length > 0 ? { text: said.join(' + '), known } : undefined;
}

/** One EFO consumer's share of the stream's EFO lines, short enough for VS Code's inlay hint limit (43 characters). */
function consumerLabel(s: StreamReport): string {
  // With the capacity mode unknown nothing is priced: no amount rather than $0.00.
  if (s.mode === null) return 'EFO + usage (capacity mode unknown)';
  const efo = s.consumers.efo;
  // Without an exact count there is no share of the EFO lines to give: say so rather than "$0".
  if (typeof efo !== 'number' || efo === 0) return 'EFO · cost unknown (readers unknown)';
  const ids: CostComponentId[] = s.mode === 'ON_DEMAND' ? ['on-demand-efo-data-retrieval', 'advantage-efo-data-retrieval'] : ['efo-consumer-shard-hours', 'efo-data-retrieval'];
  const parts = s.estimate.components.filter((c) => ids.includes(c.id));
  const known = parts.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0);
  // Nothing known (no load declared): unknown, not "$0.00 + usage".
  const share = money(known / efo, parts.some((c) => c.monthlyUsd === null));
  if (share === null) return `EFO consumer · ${formatCost(null, '', s.unknowns)}`;
  return `EFO + ${formatCost(share, '/mo', s.unknowns)}${s.instances === null ? ' per instance' : ''}`;
}
