// `--format gitlab`: a GitLab Code Quality report (docs.gitlab.com/ci/testing/code_quality/, "Code Quality report
// format"; a subset of Code Climate's issue format): a JSON array of issues with description, check_name,
// fingerprint, severity and location.path + location.lines.begin, which GitLab requires; positions are optional.
import type { Finding, Severity } from '../../core/types';
import { displayPath, type RunReport } from '../report';
import { findingFingerprints } from './fingerprint';

type CodeQualitySeverity = 'info' | 'minor' | 'major' | 'critical' | 'blocker';

// critical and blocker are left for what stops a deployment; an error here (an unencrypted stream, an invalid
// argument) is a defect to fix before merging: major, as eslint-formatter-gitlab maps ESLint's errors.
const SEVERITY: Record<Severity, CodeQualitySeverity> = { error: 'major', warning: 'minor', info: 'info', hint: 'info' };

export function formatGitlab(report: RunReport): string {
  const fingerprints = findingFingerprints(report);
  return JSON.stringify(report.findings.map((f, i) => issue(f, fingerprints[i], report.cwd)), null, 2) + '\n';
}

function issue(f: Finding, fingerprint: string, cwd: string) {
  const { start, end } = f.range;
  return {
    type: 'issue',
    description: f.message,
    check_name: f.ruleId,
    fingerprint,
    severity: SEVERITY[f.severity],
    location: {
      path: displayPath(f.file, cwd),
      // Code Climate allows lines or positions, not both; GitLab reads lines.begin (1-based).
      lines: { begin: start.line + 1, end: end.line + 1 },
    },
  };
}
