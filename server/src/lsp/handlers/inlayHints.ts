// The cost inline where it is decided: after shard_count, retention_period and stream_mode, and on each
// consumer resource.
import { InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { CostComponentId } from '../../core/pricing/estimate';
import type { Position } from '../../core/types';
import type { StreamReport } from '../../core/results';
import type { AnalysisStore } from '../store';
import { uriToPath } from '../convert';
import { formatCost, formatUnitRate, formatUsd, streamCostText } from '../../core/pricing/format';
import { money } from '../../core/partial';
import { contains } from './positions';

export function inlayHints(store: AnalysisStore, params: InlayHintParams): InlayHint[] {
  const file = uriToPath(params.textDocument.uri);
  if (!file) return [];
  const hints: InlayHint[] = [];
  const add = (position: Position, label: string) => {
    if (contains(params.range, position)) hints.push({ position, label, paddingLeft: true });
  };
  for (const s of store.streams()) {
    if (s.file === file) {
      const a = s.targets.arguments;
      // With an unknown instance count the estimate is one instance's: labelled so.
      const each = s.instances === null ? ' per instance' : '';
      if (a.shard_count && s.mode === 'PROVISIONED') {
        const shards = amount(s, ['shard-hours'], each);
        if (shards) add(a.shard_count.value.end, shards.known > 0 ? `≈ ${shards.text}` : shards.text);
      }
      const retention = a.retention_period && amount(s, ['extended-retention', 'long-term-retention', 'on-demand-extended-retention', 'on-demand-long-term-retention', 'advantage-retention'], each);
      if (retention) add(a.retention_period!.value.end, `+ ${retention.text}`);
      // The mode decides the whole bill: its hint is the stream's total in this mode.
      if (a.stream_mode) {
        const total = streamCostText(s, '/mo');
        add(a.stream_mode.value.end, total.startsWith('≈') ? `${total} in total` : total);
      }
    }
    for (const c of s.consumerLinks) {
      if (c.file === file) add(c.range.end, consumerLabel(s, c.kind));
    }
  }
  return hints;
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

function consumerLabel(s: StreamReport, kind: 'standard' | 'efo'): string {
  if (kind === 'standard') return 'standard consumer · shares 2 MiB/s per shard';
  // With the capacity mode unknown nothing is priced: no amount rather than $0.00.
  if (s.mode === null) return 'EFO + usage (capacity mode unknown)';
  const efo = s.consumers.efo;
  // Without an exact count there is no share of the EFO lines to give: say so rather than "$0".
  if (typeof efo !== 'number' || efo === 0) return 'EFO consumer · cost unknown (readers unknown)';
  const ids: CostComponentId[] = s.mode === 'ON_DEMAND' ? ['on-demand-efo-data-retrieval', 'advantage-efo-data-retrieval'] : ['efo-consumer-shard-hours', 'efo-data-retrieval'];
  const parts = s.estimate.components.filter((c) => ids.includes(c.id));
  const known = parts.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0);
  // Nothing known (no load declared): unknown, not "$0.00 + usage".
  const share = money(known / efo, parts.some((c) => c.monthlyUsd === null));
  if (share === null) return `EFO consumer · ${formatCost(null, '', s.unknowns)}`;
  return `EFO + ${formatCost(share, '/mo', s.unknowns)}${s.instances === null ? ' per instance' : ''}`;
}
