// `diff --format github`: workflow commands that GitHub Actions turns into annotations on the pull request's files
// (docs.github.com, "Workflow commands for GitHub Actions": ::notice/::warning/::error file=,line=,endLine=,title=).
// One per changed or added stream, on its resource line; one per new finding, at its range; a removed stream (no
// line at head) and the total get an annotation without a file.
import { formatDelta, type FindingSide, type StreamDiff } from '../../../core/diff';
import { formatMoney } from '../../../core/pricing/format';
import type { Severity } from '../../../core/types';
import type { DiffView } from '../diffView';
import { annotationRange } from '../../format/github';
import { workflowCommand as command } from '../../format/workflowCommands';
import { changedStreams, changeWords, summaryLine } from './words';

type Level = 'notice' | 'warning' | 'error';

export function formatDiffGithub(view: DiffView): string {
  const { diff } = view;
  const lines = changedStreams(diff).map(streamCommand);
  lines.push(...diff.introduced.map(findingCommand));
  lines.push(command('notice', { title: 'kinesis-lint cost diff' }, summaryLine(diff)));
  return lines.join('\n') + '\n';
}

function streamCommand(s: StreamDiff): string {
  // The title is short: the amount, or that it is unknown (the message says what is known).
  const title = `kinesis-lint: ${s.address} ${s.delta === null ? 'cost change unknown' : formatDelta(s.delta, '/mo')}`;
  const money = `${s.before ? formatMoney(s.before.monthlyCost) : '—'} → ${s.after ? formatMoney(s.after.monthlyCost) : '—'}`;
  const message = `${s.status}: ${changeWords(s)} (monthly cost ${money})`;
  if (!s.after || !s.after.range) return command('notice', { title }, message);
  const r = s.after.range;
  return command('notice', { file: s.after.file, line: r.start.line + 1, endLine: r.end.line + 1, title }, message);
}

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function findingCommand(f: FindingSide): string {
  return command(LEVEL[f.severity], { file: f.file, ...annotationRange(f.range), title: `kinesis-lint: new ${f.ruleId}` }, f.message);
}
