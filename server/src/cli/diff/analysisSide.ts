// One side of the diff from analyses: deduplicated and sorted as the lint report is (cli/report.ts), with paths and
// root module dirs relative to the working directory, the same form a saved --format json report has.
import type { DiffSide } from '../../core/diff';
import { findingSide, streamSide } from '../../core/diff';
import type { ModuleAnalysis } from '../../core/results';
import { buildReport, displayPath } from '../report';

export function analysisSide(analyses: readonly ModuleAnalysis[], cwd: string): DiffSide {
  const report = buildReport(analyses, cwd, true);
  const rel = (file: string) => displayPath(file, cwd);
  return {
    streams: report.streams.map((s, i) => streamSide(s, rel(report.streamRoots[i]), rel)),
    findings: report.findings.map((f, i) => findingSide(f, rel(report.findingRoots[i]), rel)),
  };
}
