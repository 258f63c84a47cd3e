import { strict as assert } from 'assert';
import { annotationRange, formatGithub } from '../../server/src/cli/format/github';
import { buildReport } from '../../server/src/cli/report';
import { analysis, CWD, finding, provisionedStream, range } from './synthetic';

describe('cli/format/github', () => {
  const findings = [
    finding({ ruleId: 'missing-kms', severity: 'error', range: range(2, 0, 2, 38), message: 'Not encrypted, 100 % readable', detail: 'Set encryption_type.\nOr not.' }),
    finding({ ruleId: 'undersized-shards', severity: 'warning', file: `${CWD}/mod,1/s:a.tf`, range: range(4, 16, 4, 17), message: '2 shards' }),
    finding({ ruleId: 'aws-managed-kms-key', severity: 'info', range: range(7, 0, 9, 1), message: 'AWS-managed key' }),
    finding({ ruleId: 'throughput-undeclared', severity: 'hint', range: range(2, 9, 2, 29) }),
  ];

  it('one annotation per error, warning and info (as notice), hints left out, then the total and counts', () => {
    // The total: the synthetic stream's 2 shards × 730 h × $0.015 = $21.90, a lower bound (load unknown: + usage).
    const out = formatGithub(buildReport([analysis(findings, [provisionedStream()])], CWD, true));
    assert.equal(out, [
      '::error file=main.tf,line=3,endLine=3,col=1,endColumn=38,title=kinesis-lint missing-kms::Not encrypted, 100 %25 readable%0A%0ASet encryption_type.%0AOr not.',
      '::notice file=main.tf,line=8,endLine=10,title=kinesis-lint aws-managed-kms-key::AWS-managed key',
      '::warning file=mod%2C1/s%3Aa.tf,line=5,endLine=5,col=17,endColumn=17,title=kinesis-lint undersized-shards::2 shards',
      '::notice title=kinesis-lint::Total for 1 stream: $21.90/month + usage (missing: load). 4 problems (1 error, 1 warning, 1 info, 1 hint)',
      '',
    ].join('\n'));
  });

  it('without findings or cost: only the summary notice', () => {
    assert.equal(formatGithub(buildReport([analysis([], [provisionedStream()])], CWD, false)), '::notice title=kinesis-lint::No problems found.\n');
  });

  it('ranges: 1-based, inclusive end column, columns only on one line, an end at column 0 ends on the line before', () => {
    assert.deepEqual(annotationRange(range(0, 4, 0, 9)), { line: 1, endLine: 1, col: 5, endColumn: 9 });
    assert.deepEqual(annotationRange(range(3, 2, 3, 2)), { line: 4, endLine: 4, col: 3, endColumn: 3 });
    assert.deepEqual(annotationRange(range(3, 2, 5, 0)), { line: 4, endLine: 5 });
    assert.deepEqual(annotationRange(range(3, 2, 5, 4)), { line: 4, endLine: 6 });
  });
});
