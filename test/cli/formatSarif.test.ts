import { strict as assert } from 'assert';
import { formatSarif, region } from '../../server/src/cli/format/sarif';
import { buildReport } from '../../server/src/cli/report';
import { analysis, CWD, finding, range, RULES, TOOL } from './synthetic';

const findings = [
  finding({ ruleId: 'syntax-error', severity: 'error', file: `${CWD}/seed/main.tf`, range: range(18, 39, 18, 46), message: 'Invalid single-argument block definition' }),
  finding({
    ruleId: 'missing-kms', severity: 'warning', range: range(2, 0, 2, 38), message: 'Not encrypted.',
    fixes: [
      { title: 'Insert annotation', isSuggestion: true, edits: [{ file: `${CWD}/main.tf`, range: range(2, 0, 2, 0), newText: '# x\n' }] },
      { title: 'Encrypt', edits: [{ file: `${CWD}/main.tf`, range: range(3, 2, 3, 2), newText: 'encryption_type = "KMS"\n  ' }] },
    ],
  }),
  finding({ ruleId: 'aws-managed-kms-key', severity: 'info', range: range(5, 20, 5, 39) }),
  finding({ ruleId: 'throughput-undeclared', severity: 'hint', range: range(2, 9, 2, 29) }),
  finding({ ruleId: 'not-registered', severity: 'warning', range: range(7, 0, 8, 0) }),
];
const sarif = JSON.parse(formatSarif(buildReport([analysis(findings)], CWD, true), TOOL, RULES));
const run = sarif.runs[0];
const byRule = (id: string) => run.results.find((r: { ruleId: string }) => r.ruleId === id);

describe('cli/format/sarif', () => {
  it('is a SARIF 2.1.0 log with one run', () => {
    assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    assert.equal(run.columnKind, 'utf16CodeUnits');
  });

  it('the driver names the tool and lists every rule with the fields GitHub reads', () => {
    const driver = run.tool.driver;
    assert.deepEqual([driver.name, driver.version, driver.informationUri], ['kinesis-lint', '9.8.7', 'https://example.test/kinesis-lint']);
    assert.deepEqual(driver.rules.map((r: { id: string }) => r.id), RULES.map((r) => r.id));
    assert.deepEqual(driver.rules[1], {
      id: 'missing-kms',
      shortDescription: { text: 'Stream is not encrypted with KMS.' },
      fullDescription: { text: 'Stream is not encrypted with KMS.' },
      help: { text: 'Stream is not encrypted with KMS. See https://example.test/docs/rules/missing-kms.md' },
      helpUri: 'https://example.test/docs/rules/missing-kms.md',
      defaultConfiguration: { level: 'warning' },
    });
    assert.deepEqual(driver.rules.map((r: { defaultConfiguration: { level: string } }) => r.defaultConfiguration.level), ['error', 'warning', 'note', 'note']);
  });

  it('results: ruleId, ruleIndex, level (hint and info → note), message, relative location with 1-based region', () => {
    assert.deepEqual(byRule('syntax-error'), {
      ruleId: 'syntax-error', ruleIndex: 0, level: 'error', message: { text: 'Invalid single-argument block definition' },
      locations: [{ physicalLocation: {
        artifactLocation: { uri: 'seed/main.tf', uriBaseId: '%SRCROOT%' },
        region: { startLine: 19, startColumn: 40, endLine: 19, endColumn: 47 },
      } }],
    });
    assert.equal(byRule('aws-managed-kms-key').level, 'note');
    assert.equal(byRule('throughput-undeclared').level, 'note');
    assert.equal(byRule('throughput-undeclared').ruleIndex, 3);
  });

  it('a finding whose rule is not registered has no ruleIndex', () => {
    assert.equal('ruleIndex' in byRule('not-registered'), false);
    assert.deepEqual(byRule('not-registered').locations[0].physicalLocation.region, { startLine: 8, startColumn: 1, endLine: 9, endColumn: 1 });
  });

  it('fixes: only the ones --fix would apply, as artifact changes with 1-based deleted regions', () => {
    assert.deepEqual(byRule('missing-kms').fixes, [{
      description: { text: 'Encrypt' },
      artifactChanges: [{
        artifactLocation: { uri: 'main.tf', uriBaseId: '%SRCROOT%' },
        replacements: [{ deletedRegion: { startLine: 4, startColumn: 3, endLine: 4, endColumn: 3 }, insertedContent: { text: 'encryption_type = "KMS"\n  ' } }],
      }],
    }]);
    assert.equal('fixes' in byRule('syntax-error'), false);
  });

  it('region(): LSP end-exclusive character → SARIF end-exclusive column', () => {
    assert.deepEqual(region(range(0, 0, 0, 5)), { startLine: 1, startColumn: 1, endLine: 1, endColumn: 6 });
  });
});
