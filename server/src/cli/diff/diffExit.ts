// Exit code of `diff`: 1 when a new finding reaches --fail-on, or when the known monthly increase exceeds
// --fail-on-increase (a lower bound counts by its known part; an unknown change never fails it, and is said).
import type { DiffResult } from '../../core/diff';
import { formatUsd } from '../../core/pricing/format';
import type { FailOn } from '../args';
import { EXIT_FINDINGS, EXIT_OK, exitCodeFor } from '../exitCode';
import { countSeverities } from '../report';

export interface DiffVerdict {
  code: number;
  /** Sentences for stderr: why the run fails, and what the threshold could not count. */
  notes: string[];
}

export function diffVerdict(diff: DiffResult, failOn: FailOn, failOnIncrease: number | undefined): DiffVerdict {
  const notes: string[] = [];
  const findingsFail = exitCodeFor(countSeverities(diff.introduced), failOn) !== EXIT_OK;
  if (findingsFail) notes.push(`new findings reach --fail-on ${failOn}`);
  let increaseFails = false;
  if (failOnIncrease !== undefined) {
    const known = diff.total.knownDeltaUsd;
    increaseFails = known > failOnIncrease;
    if (increaseFails) notes.push(`the known monthly cost increase ${formatUsd(known)} exceeds --fail-on-increase ${formatUsd(failOnIncrease)}`);
    const { unknownStreams } = diff.total;
    if (unknownStreams > 0) notes.push(`--fail-on-increase: the change of ${unknownStreams} stream${unknownStreams === 1 ? ' is' : 's are'} unknown and not counted`);
  }
  return { code: findingsFail || increaseFails ? EXIT_FINDINGS : EXIT_OK, notes };
}
