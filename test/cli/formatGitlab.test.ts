import { strict as assert } from 'assert';
import { formatGitlab } from '../../server/src/cli/format/gitlab';
import { buildReport } from '../../server/src/cli/report';
import type { Finding } from '../../server/src/core/types';
import { analysis, CWD, finding, range } from './synthetic';

// GitLab's Code Quality report format (https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format):
// a JSON array; every issue needs description, check_name, fingerprint (unique), severity (one of info, minor,
// major, critical, blocker), location.path (relative) and location.lines.begin (1-based). GitLab publishes no JSON
// schema for it, so this checks those documented requirements field by field.
function assertCodeQuality(report: unknown): void {
  assert.ok(Array.isArray(report), 'a JSON array');
  for (const issue of report as Record<string, unknown>[]) {
    for (const key of ['description', 'check_name', 'fingerprint', 'severity']) assert.equal(typeof issue[key], 'string', key);
    assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity as string));
    const location = issue.location as { path: unknown; lines: { begin: unknown } };
    assert.equal(typeof location.path, 'string');
    assert.ok(!(location.path as string).startsWith('/'), 'relative path');
    assert.ok(Number.isInteger(location.lines.begin) && (location.lines.begin as number) >= 1);
  }
  const fingerprints = (report as { fingerprint: string }[]).map((i) => i.fingerprint);
  assert.equal(new Set(fingerprints).size, fingerprints.length, 'fingerprints are unique');
}

const kms = (line: number, resource = 'aws_kinesis_stream.events') =>
  finding({ ruleId: 'missing-kms', severity: 'error', range: range(line, 0, line, 38), resource, message: 'Not encrypted' });
const gitlab = (findings: Finding[]) => JSON.parse(formatGitlab(buildReport([analysis(findings)], CWD, true)));

describe('cli/format/gitlab', () => {
  const findings = [
    kms(2),
    finding({ ruleId: 'invalid-argument', severity: 'warning', range: range(4, 2, 4, 9), resource: 'aws_kinesis_stream.events', message: 'a' }),
    finding({ ruleId: 'invalid-argument', severity: 'warning', range: range(5, 2, 6, 9), resource: 'aws_kinesis_stream.events', message: 'b' }),
    finding({ ruleId: 'aws-managed-kms-key', severity: 'info', file: `${CWD}/sub/x.tf`, range: range(0, 1, 0, 2) }),
    finding({ ruleId: 'throughput-undeclared', severity: 'hint', range: range(2, 9, 2, 29) }),
  ];
  const report = gitlab(findings);

  it('meets the documented requirements', () => assertCodeQuality(report));

  it('one issue per finding: message, rule, severity (error major, warning minor, info and hint info), path and 1-based lines', () => {
    assert.deepEqual(report.map((i: { check_name: string; severity: string }) => [i.check_name, i.severity]), [
      ['missing-kms', 'major'], ['throughput-undeclared', 'info'], ['invalid-argument', 'minor'], ['invalid-argument', 'minor'], ['aws-managed-kms-key', 'info'],
    ]);
    const { fingerprint, ...rest } = report[0];
    assert.match(fingerprint, /^[0-9a-f]{64}$/);
    assert.deepEqual(rest, { type: 'issue', description: 'Not encrypted', check_name: 'missing-kms', severity: 'major', location: { path: 'main.tf', lines: { begin: 3, end: 3 } } });
    assert.deepEqual(report[3].location, { path: 'main.tf', lines: { begin: 6, end: 7 } });
    assert.equal(report[4].location.path, 'sub/x.tf');
  });

  it('fingerprints are stable across runs and line moves, and differ by rule, resource and message shape', () => {
    assert.equal(gitlab([kms(2)])[0].fingerprint, report[0].fingerprint);
    assert.equal(gitlab([kms(40)])[0].fingerprint, report[0].fingerprint, 'the block moved down');
    assert.notEqual(gitlab([kms(2, 'aws_kinesis_stream.other')])[0].fingerprint, report[0].fingerprint);
    assert.notEqual(gitlab([{ ...kms(2), ruleId: 'aws-managed-kms-key' }])[0].fingerprint, report[0].fingerprint);
    assert.notEqual(gitlab([{ ...kms(2), message: 'Not encrypted at rest' }])[0].fingerprint, report[0].fingerprint);
    // Numbers in a message are blanked, as in the diff's key: "2 shards" → "3 shards" is the same undersized stream.
    const undersized = (n: number) => finding({ ruleId: 'under-provisioned', severity: 'warning', resource: 'aws_kinesis_stream.events', message: `${n} shards, load needs 4` });
    assert.equal(gitlab([undersized(2)])[0].fingerprint, gitlab([undersized(3)])[0].fingerprint);
  });

  it('moving a stream to another file keeps its findings\' fingerprints (the diff\'s findingKey); renaming it changes them', () => {
    const moved = gitlab([{ ...kms(7), file: `${CWD}/streams.tf` }]);
    assert.equal(moved[0].location.path, 'streams.tf');
    assert.equal(moved[0].fingerprint, report[0].fingerprint, 'main.tf → streams.tf, same address');
    assert.notEqual(gitlab([{ ...kms(7, 'aws_kinesis_stream.events_v2'), file: `${CWD}/streams.tf` }])[0].fingerprint, report[0].fingerprint);
  });

  it('a finding on no resource is identified by its file; findings sharing a key are told apart by rank, which survives moves', () => {
    const syntax = (line: number, file = `${CWD}/main.tf`) => finding({ ruleId: 'syntax-error', severity: 'error', file, range: range(line, 0, line, 1), message: 'Unexpected }' });
    const [first, second] = gitlab([syntax(3), syntax(9)]).map((i: { fingerprint: string }) => i.fingerprint);
    assert.notEqual(first, second);
    assert.deepEqual(gitlab([syntax(13), syntax(19)]).map((i: { fingerprint: string }) => i.fingerprint), [first, second]);
    assert.notEqual(gitlab([syntax(3, `${CWD}/other.tf`)])[0].fingerprint, first, 'another file: another finding');
    // Two findings of one rule on one stream with different messages have different keys, whatever their order.
    const moved = gitlab([{ ...findings[1], range: range(14, 2, 14, 9) }, { ...findings[2], range: range(15, 2, 16, 9) }]);
    assert.deepEqual(moved.map((i: { fingerprint: string }) => i.fingerprint), [report[2].fingerprint, report[3].fingerprint]);
  });

  it('the root module is part of the identity: the same stream in two roots gives two fingerprints', () => {
    const inRoot = (dir: string) => JSON.parse(formatGitlab(buildReport([{ ...analysis([kms(2)]), dir }], CWD, true)))[0].fingerprint;
    assert.equal(inRoot(CWD), report[0].fingerprint);
    assert.notEqual(inRoot(`${CWD}/envs/prod`), report[0].fingerprint);
  });

  it('no findings: an empty array', () => {
    assert.deepEqual(gitlab([]), []);
  });
});
