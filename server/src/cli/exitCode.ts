// Exit codes of the CLI and the --fail-on threshold.
import type { FailOn } from './args';
import type { SeverityCounts } from './report';

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
