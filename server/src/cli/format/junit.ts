// `--format junit`: JUnit XML as GitLab (artifacts:reports:junit), Jenkins (junit step) and Azure Pipelines
// (PublishTestResults, JUnit) read it: <testsuites> with one <testsuite> per file, one <testcase> per stream (the
// findings on it) and one per finding that is on no stream (a syntax error, a config problem). A test case fails
// when one of its findings reaches --fail-on, so the test report and the exit code agree; findings below it are
// listed in <system-out>.
import type { StreamReport } from '../../core/results';
import type { Finding } from '../../core/types';
import type { FailOn } from '../args';
import { reachesFailOn } from '../exitCode';
import { displayPath, type RunReport } from '../report';
import { formatCost } from '../../core/pricing/format';

interface TestCase {
  name: string;
  file: string;
  findings: Finding[];
  /** Set for a stream's case: its monthly cost goes in system-out. */
  stream?: StreamReport;
}

export function formatJunit(report: RunReport, failOn: FailOn): string {
  const cases = testCases(report);
  const byFile = new Map<string, TestCase[]>();
  for (const c of cases) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  const fails = (c: TestCase) => c.findings.some((f) => reachesFailOn(f.severity, failOn));
  const suites = Array.from(byFile, ([file, fileCases]) => {
    const path = displayPath(file, report.cwd);
    const failures = fileCases.filter(fails).length;
    return [
      `  <testsuite name="${attr(path)}" tests="${fileCases.length}" failures="${failures}" errors="0" skipped="0">`,
      ...fileCases.map((c) => testCase(c, path, fails(c), failOn, report)),
      '  </testsuite>',
    ].join('\n');
  });
  const failures = cases.filter(fails).length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kinesis-lint" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

/** A case per stream with the findings on it (same address, same file), then a case per remaining finding. */
function testCases(report: RunReport): TestCase[] {
  const key = (resource: string | null, file: string) => `${resource}\0${file}`;
  const streamCases = new Map(report.streams.map((s) => [key(s.resource, s.file), { name: s.resource, file: s.file, findings: [] as Finding[], stream: s }]));
  const cases: TestCase[] = Array.from(streamCases.values());
  for (const f of report.findings) {
    const stream = f.resource === null ? undefined : streamCases.get(key(f.resource, f.file));
    if (stream) stream.findings.push(f);
    else cases.push({ name: `${f.ruleId} at line ${f.range.start.line + 1}, column ${f.range.start.character + 1}`, file: f.file, findings: [f] });
  }
  // Testsuites are listed by file in code-unit order, as the other formats list findings.
  return cases.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

function testCase(c: TestCase, path: string, failed: boolean, failOn: FailOn, report: RunReport): string {
  const line = (f: Finding) => `${path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity}: ${f.message} [${f.ruleId}]`;
  const failing = c.findings.filter((f) => reachesFailOn(f.severity, failOn));
  const others = c.findings.filter((f) => !reachesFailOn(f.severity, failOn));
  const out = [
    ...(c.stream && report.cost ? [`Estimated monthly cost: ${formatCost(c.stream.monthlyCost, '/month', c.stream.unknowns)}`] : []),
    ...others.map(line),
  ];
  const body = [
    ...(failed ? [`      <failure message="${attr(failing.map((f) => f.message).join('; '))}" type="${attr(failing[0].ruleId)}">${xml(failing.map(line).join('\n'))}</failure>`] : []),
    ...(out.length > 0 ? [`      <system-out>${xml(out.join('\n'))}</system-out>`] : []),
  ];
  const open = `    <testcase name="${attr(c.name)}" classname="${attr(path)}" file="${attr(path)}"`;
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

/** An attribute value: also line breaks, which a parser would otherwise turn into spaces. */
function attr(text: string): string {
  return xml(text).replace(/\r/g, '&#13;').replace(/\n/g, '&#10;');
}

/** Text and attribute values: the five XML entities; characters XML 1.0 forbids (C0 controls) are dropped. */
export function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
