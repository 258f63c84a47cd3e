// `--format github`: one workflow-command annotation per finding, shown by GitHub Actions on the pull request's
// changed lines and in the run summary, then one notice with the total cost and the counts.
import type { Finding, Range, Severity } from '../../core/types';
import { displayPath, type RunReport } from '../report';
import { grandTotal, summaryLine } from './text';
import { workflowCommand, type AnnotationLevel, type AnnotationProperties } from './workflowCommands';

// GitHub has three levels. Hints are left out: they are editor nudges (throughput-undeclared asks for an
// annotation comment), and GitHub shows at most 10 notices per step, which the summary needs one of.
const LEVEL: Record<Severity, AnnotationLevel | undefined> = { error: 'error', warning: 'warning', info: 'notice', hint: undefined };

export function formatGithub(report: RunReport): string {
  const lines = report.findings.flatMap((f) => {
    const level = LEVEL[f.severity];
    return level ? [workflowCommand(level, findingProperties(f, report.cwd), findingMessage(f))] : [];
  });
  const total = report.cost && report.streams.length > 0 ? `${grandTotal(report)}. ` : '';
  lines.push(workflowCommand('notice', { title: 'kinesis-lint' }, `${total}${summaryLine(report.counts)}`));
  return lines.join('\n') + '\n';
}

function findingProperties(f: Finding, cwd: string): AnnotationProperties {
  return { file: displayPath(f.file, cwd), ...annotationRange(f.range), title: `kinesis-lint ${f.ruleId}` };
}

/** The message, then the arithmetic and advice behind it (GitHub shows an annotation's line breaks). */
function findingMessage(f: Finding): string {
  return f.detail ? `${f.message}\n\n${f.detail}` : f.message;
}

/**
 * LSP's 0-based, end-exclusive range → GitHub's 1-based lines and inclusive columns. GitHub accepts col and
 * endColumn only on a one-line annotation; a range ending at the start of a line ends on the line before.
 */
export function annotationRange(r: Range): Pick<AnnotationProperties, 'line' | 'endLine' | 'col' | 'endColumn'> {
  const line = r.start.line + 1;
  const endLine = r.end.line > r.start.line && r.end.character === 0 ? r.end.line : r.end.line + 1;
  if (endLine !== line) return { line, endLine };
  const col = r.start.character + 1;
  return { line, endLine, col, endColumn: Math.max(col, r.end.character) };
}
