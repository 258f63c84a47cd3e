import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { StreamReport } from '../../core/results';
import type { AnalysisStore } from '../store';
import { uriToPath } from '../convert';
import { estimatedCost, streamCostText } from '../../core/pricing/format';
import { costSummary } from '../../core/pipeline/costSummary';
import { percent } from '../../core/rules/messages';

export const SHOW_BREAKDOWN = 'kinesisLint.showStreamBreakdown';
export const SHOW_REPORT = 'kinesisLint.showCostReport';

const PEAK_WORD = { 'write-bytes': 'write', 'write-records': 'records', 'shared-read': 'read' } as const;

/**
 * `≈ $43.80/mo · 4 shards · 62 % peak write`, `≈ $21.90/mo + usage · 2 shards` when some lines are unknown,
 * `cost unknown: count/for_each not resolved (≈ $21.90/mo + usage per instance)` when the instance count is.
 */
export function lensTitle(s: StreamReport): string {
  const parts = [streamCostText(s, '/mo')];
  if (s.mode === null) parts.push('mode unknown');
  else if (s.mode === 'ON_DEMAND') parts.push('on-demand');
  else if (s.shardCount !== null) parts.push(`${s.shardCount} shard${s.shardCount === 1 ? '' : 's'}`);
  if (s.instances !== null && s.instances > 1) parts.push(`× ${s.instances} instances`);
  if (s.peakUtilization !== null && s.bindingLimit) parts.push(`${percent(s.peakUtilization)} peak ${PEAK_WORD[s.bindingLimit]}`);
  return parts.join(' · ');
}

export function codeLenses(store: AnalysisStore, params: CodeLensParams, uri = params.textDocument.uri): CodeLens[] {
  const file = uriToPath(uri);
  if (!file) return [];
  const streams = store.streamsIn(file);
  if (streams.length === 0) return [];
  const lenses: CodeLens[] = streams.map((s) => ({
    range: s.range,
    command: { title: lensTitle(s), command: SHOW_BREAKDOWN, arguments: [uri, s.resource] },
  }));
  const total = costSummary(streams);
  lenses.unshift({
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: {
      title: `kinesis-lint: ${estimatedCost(total.monthlyCost, '/mo', total.unknowns)} for ${streams.length} stream${streams.length === 1 ? '' : 's'} in this file`,
      command: SHOW_REPORT,
      arguments: [],
    },
  });
  return lenses;
}
