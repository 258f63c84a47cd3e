import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { ModuleCallReport, StreamReport } from '../../core/results';
import type { Range } from '../../core/types';
import type { StreamSource } from '../store';
import type { FileView } from '../fileView';
import { moveRange } from '../relocate';
import { uriToPath } from '../convert';
import { estimatedCost, streamCostText } from '../../core/pricing/format';
import { costSummary } from '../../core/pipeline/costSummary';
import { percent } from '../../core/rules/messages';
import { callerLabels, streamsByBlock, withCaller } from './callers';
import type { DeltaSource } from './hover';
import { lensDeltaSuffix } from '../baseline/deltaText';

export const SHOW_BREAKDOWN = 'kinesisLint.showStreamBreakdown';
export const SHOW_REPORT = 'kinesisLint.showCostReport';

const PEAK_WORD = { 'write-bytes': 'write', 'write-records': 'records', 'shared-read': 'read' } as const;

/**
 * `≈ $43.80/mo · 4 shards · 62 % peak write`, `≈ $21.90/mo + usage · 2 shards` when some lines are unknown,
 * `cost unknown: count/for_each not resolved (≈ $21.90/mo + usage per instance)` when the instance count is.
 */
export function lensTitle(s: StreamReport): string {
  let title = titles.get(s);
  if (title === undefined) titles.set(s, (title = makeTitle(s)));
  return title;
}

/** Titles per stored report: a lens request after each keystroke reads the same reports until the next analysis. */
const titles = new WeakMap<StreamReport, string>();

function makeTitle(s: StreamReport): string {
  const parts = [streamCostText(s, '/mo')];
  if (s.mode === null) parts.push('mode unknown');
  else if (s.mode === 'ON_DEMAND') parts.push('on-demand');
  else if (s.shardCount !== null) parts.push(`${s.shardCount} shard${s.shardCount === 1 ? '' : 's'}`);
  if (s.instances !== null && s.instances > 1) parts.push(`× ${s.instances} instances`);
  if (s.peakUtilization !== null && s.bindingLimit) parts.push(`${percent(s.peakUtilization)} peak ${PEAK_WORD[s.bindingLimit]}`);
  return parts.join(' · ');
}

export interface LensOptions {
  /** A first-line lens with the file's total (kinesisLint.codeLens.fileTotal). */
  fileTotal?: boolean;
  /** The change against the base, appended to each stream's title (" · +$21.90/mo vs HEAD"). */
  delta?: DeltaSource;
}

/** One lens per stream (per caller when a module is called several times) and one per module call that creates streams. */
export function codeLenses(store: StreamSource, params: CodeLensParams, options: LensOptions = {}): CodeLens[] {
  const uri = params.textDocument.uri;
  const file = uriToPath(uri);
  if (!file) return [];
  const view = store.inFile(file);
  const blocks = streamsByBlock(view);
  const deltaSuffix = (root: string, s: StreamReport) => {
    const d = options.delta?.of(root, s);
    return d ? lensDeltaSuffix(d, options.delta!.against()) : '';
  };
  const lenses: CodeLens[] = blocks.flat().map(({ stream: s, range, label, root }) => ({
    range,
    command: { title: withCaller(label, lensTitle(s)) + deltaSuffix(root, s), command: SHOW_BREAKDOWN, arguments: [uri, s.resource] },
  }));
  lenses.push(...moduleCallLenses(store, view));
  if (options.fileTotal && blocks.length > 0) {
    const streams = blocks.flat().map((b) => b.stream);
    const total = fileTotal(view.streams, streams);
    lenses.unshift({
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      command: {
        title: `kinesis-lint: ${estimatedCost(total.monthlyCost, '/mo', total.unknowns)} for ${streams.length} stream${streams.length === 1 ? '' : 's'} in this file`,
        command: SHOW_REPORT,
        arguments: [],
      },
    });
  }
  return lenses;
}

/** The file's total, once per stored index of the file (the same array until the next analysis is stored). */
const totals = new WeakMap<object, ReturnType<typeof costSummary>>();
function fileTotal(key: object, streams: StreamReport[]): ReturnType<typeof costSummary> {
  let total = totals.get(key);
  if (!total) totals.set(key, (total = costSummary(streams)));
  return total;
}

/** `≈ $295.65/mo + usage for 2 Kinesis streams` on each `module "x"` block whose module creates streams (or was not read). */
function moduleCallLenses(store: StreamSource, view: FileView): CodeLens[] {
  const byBlock = new Map<string, { call: ModuleCallReport; root: string; range: Range }[]>();
  for (const { item: call, root } of view.moduleCalls) {
    if (call.streams.length === 0 && call.unread === 0) continue;
    const range = moveRange(call.range, view.move);
    const key = `${range.start.line}:${range.start.character}`;
    byBlock.set(key, [...(byBlock.get(key) ?? []), { call, root, range }]);
  }
  return [...byBlock.values()].flatMap((group) => {
    // The same labels as the streams': the caller of a call is the module instance that holds it.
    const labels = callerLabels(group.map((g) => ({ caller: g.call.caller, root: g.root })));
    return group.map(({ call, range }, i): CodeLens => ({
      range,
      command: { title: withCaller(labels[i], moduleCallTitle(call, store)), command: SHOW_REPORT, arguments: [{ focus: call.streams[0] ?? null }] },
    }));
  });
}

export function moduleCallTitle(call: ModuleCallReport, store: StreamSource): string {
  const n = call.streams.length;
  // Unknown money says what is missing: the unknowns of the streams under the call, and any module not read.
  const unknowns = call.streams.flatMap((r) => store.stream(r)?.unknowns ?? []);
  if (call.unread > 0) unknowns.push({ what: 'module', why: 'a module under this call was not read' });
  const unread = call.unread > 0 ? ` (${call.unread} module${call.unread === 1 ? '' : 's'} not read)` : '';
  return `${estimatedCost(call.monthlyCost, '/mo', unknowns)} for ${n} Kinesis stream${n === 1 ? '' : 's'}${unread}`;
}
