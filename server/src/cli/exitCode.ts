// Exit codes of the CLI and the --fail-on threshold.
import type { FailOn } from './args';
import type { SeverityCounts } from './report';
import type { Severity } from '../core/types';

export const EXIT_OK = 0;
/** At least one finding reaches --fail-on. */
export const EXIT_FINDINGS = 1;
/** Usage error, unreadable path, invalid --config file, or an internal error. */
export const EXIT_USAGE = 2;

/**
 * Hints never fail the run, whatever --fail-on says: they are editor nudges (e.g. throughput-undeclared asks for
 * an annotation), not defects. A team that wants one to fail CI raises its severity in .kinesis-lint.json.
 */
export function exitCodeFor(counts: SeverityCounts, failOn: FailOn): number {
  const failing =
    failOn === 'never' ? 0
    : failOn === 'error' ? counts.errors
    : failOn === 'warning' ? counts.errors + counts.warnings
    : counts.errors + counts.warnings + counts.infos;
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** True when a finding of this severity reaches --fail-on (the per-finding form of exitCodeFor, for JUnit). */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return exitCodeFor({ errors: 0, warnings: 0, infos: 0, hints: 0, [`${severity}s`]: 1 } as SeverityCounts, failOn) !== EXIT_OK;
}
