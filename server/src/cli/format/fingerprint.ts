// Stable identities for findings, for reports that track issues across runs (GitLab Code Quality's fingerprint):
// the root module + core/diff's findingKey (rule, resource address — or, on no resource, file — and the message
// with its numbers blanked), the identity `kinesis-lint diff` and the JSON report's `key` use. No line and, for a
// stream's finding, no file: moving a block, editing above it or moving the stream to another file keeps the
// identity, and fixing the finding makes it disappear from the merge request's widget as "fixed".
import { createHash } from 'crypto';
import { findingKey } from '../../core/diff/findingSide';
import { displayPath, type RunReport } from '../report';

/**
 * One fingerprint per finding of the report, in its order. Findings sharing root and key (two syntax errors of one
 * shape in one file) are told apart by their rank among those, which a line move keeps.
 */
export function findingFingerprints(report: Pick<RunReport, 'findings' | 'findingRoots' | 'cwd'>): string[] {
  const rel = (file: string) => displayPath(file, report.cwd);
  const seen = new Map<string, number>();
  return report.findings.map((f, i) => {
    const identity = [rel(report.findingRoots[i]), findingKey(f.ruleId, f.resource, rel(f.file), f.message)].join('\0');
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    return createHash('sha256').update(`${identity}\0${rank}`).digest('hex');
  });
}
