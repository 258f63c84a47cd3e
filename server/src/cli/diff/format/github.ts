// `diff --format github`: workflow commands that GitHub Actions turns into annotations on the pull request's files
// (docs.github.com, "Workflow commands for GitHub Actions": ::notice/::warning/::error file=,line=,endLine=,title=).
// One per changed or added stream, on its resource line; one per new finding, at its range; a removed stream (no
// line at head) and the total get an annotation without a file.
import type { FindingSide, StreamDiff } from '../../../core/diff';
import { formatMoney } from '../../../core/pricing/format';
import type { Severity } from '../../../core/types';
import { annotationRange } from '../../format/github';
import type { DiffView } from '../diffView';
import { commandData, commandProperty } from './escape';
import { changedStreams, changeWords, streamDeltaText, summaryLine } from './words';

type Level = 'notice' | 'warning' | 'error';

export function formatDiffGithub(view: DiffView): string {
  const { diff } = view;
  const lines = changedStreams(diff).map(streamCommand);
  lines.push(...diff.introduced.map(findingCommand));
  lines.push(command('notice', { title: 'kinesis-lint cost diff' }, summaryLine(diff)));
  return lines.join('\n') + '\n';
}

function streamCommand(s: StreamDiff): string {
  const title = `kinesis-lint: ${s.address} ${streamDeltaText(s)}/mo`;
  const money = `${s.before ? formatMoney(s.before.monthlyCost) : '—'} → ${s.after ? formatMoney(s.after.monthlyCost) : '—'}`;
  const message = `${s.status}: ${changeWords(s)} (monthly cost ${money})`;
  if (!s.after || !s.after.range) return command('notice', { title }, message);
  const r = s.after.range;
  return command('notice', { file: s.after.file, line: r.start.line + 1, endLine: r.end.line + 1, title }, message);
}

const LEVEL: Record<Severity, Level> = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' };

function findingCommand(f: FindingSide): string {
  // The lint's own conversion (1-based, inclusive columns on one line only): the same finding gets the same
  // annotation from `kinesis-lint --format github` and from the diff (the diff's endColumn was one past it).
  return command(LEVEL[f.severity], { file: f.file, ...annotationRange(f.range), title: `kinesis-lint: new ${f.ruleId}` }, f.message);
}

function command(level: Level, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties).map(([k, v]) => `${k}=${commandProperty(String(v))}`).join(',');
  return `::${level} ${props}::${commandData(message)}`;
}
