// Stable identities for findings, for reports that track issues across runs (GitLab Code Quality's fingerprint):
// the rule, the resource address and the file, not the line, so moving a block or editing above it keeps the
// identity, and fixing the finding makes it disappear from the merge request's widget as "fixed".
import { createHash } from 'crypto';
import type { Finding } from '../../core/types';
import { displayPath } from '../report';

/**
 * One fingerprint per finding, in the order given (the report's sorted order). Findings sharing rule, resource and
 * file (two invalid arguments of one stream, two syntax errors in one file) are told apart by their rank among
 * those, which a line move keeps.
 */
export function findingFingerprints(findings: readonly Finding[], cwd: string): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const identity = [f.ruleId, f.resource ?? '', displayPath(f.file, cwd)].join('\0');
    const rank = seen.get(identity) ?? 0;
    seen.set(identity, rank + 1);
    return createHash('sha256').update(`${identity}\0${rank}`).digest('hex');
  });
}
