// `# kinesis-lint-ignore: rule-id[, rule-id] reason` above a resource or an argument, or at the end of a line;
// `# kinesis-lint-ignore-file: rule-id` for a whole file; unknown ids are reported at the id.
import { strict as assert } from 'assert';
import { analyze, briefs, hcl, r } from './kit';

const LOAD = '# kinesis-lint: write_mib_per_sec=3';
const HEADER = 'resource "aws_kinesis_stream" "s" {';
const RULES = ['undersized-shards', 'missing-kms', 'invalid-annotation'];

async function ruleIds(...lines: string[]): Promise<string[]> {
  const res = await analyze({ 'main.tf': hcl(...lines) });
  return res.findings.map((f) => f.ruleId).filter((id) => RULES.includes(id));
}

describe('model: suppression comments', () => {
  const body = ['  name            = "s"', '  shard_count     = 1'];

  it('without a comment both findings are there', async () => {
    assert.deepEqual(await ruleIds(LOAD, HEADER, ...body, '  encryption_type = "NONE"', '}'), ['undersized-shards', 'missing-kms']);
  });

  it('above the resource: silences the listed rules anywhere in it', async () => {
    const ids = await ruleIds('# kinesis-lint-ignore: missing-kms, undersized-shards replay is done elsewhere', LOAD, HEADER, ...body, '  encryption_type = "NONE"', '}');
    assert.deepEqual(ids, []);
  });

  it('above an argument, or at the end of its line: that line only', async () => {
    assert.deepEqual(await ruleIds(LOAD, HEADER, ...body, '  # kinesis-lint-ignore: missing-kms', '  encryption_type = "NONE"', '}'), ['undersized-shards']);
    assert.deepEqual(await ruleIds(LOAD, HEADER, ...body, '  encryption_type = "NONE" # kinesis-lint-ignore: missing-kms', '}'), ['undersized-shards']);
    assert.deepEqual(await ruleIds(LOAD, HEADER, ...body, '  encryption_type = "NONE" // kinesis-lint-ignore: undersized-shards', '}'), ['undersized-shards', 'missing-kms']);
  });

  it('below the line it would silence: no effect', async () => {
    assert.deepEqual(await ruleIds(LOAD, HEADER, ...body, '  encryption_type = "NONE"', '  # kinesis-lint-ignore: missing-kms', '}'), ['undersized-shards', 'missing-kms']);
  });

  it('ignore-file silences a rule in the whole file', async () => {
    assert.deepEqual(await ruleIds('# kinesis-lint-ignore-file: missing-kms', '', LOAD, HEADER, ...body, '  encryption_type = "NONE"', '}'), ['undersized-shards']);
  });

  it('ignore-file with a reason after the rule id (what the "Ignore for this file" quick fix writes)', async () => {
    assert.deepEqual(await ruleIds('# kinesis-lint-ignore-file: missing-kms test data, never deployed', '', LOAD, HEADER, ...body, '  encryption_type = "NONE"', '}'), ['undersized-shards']);
  });

  it('ignore-file in one file does not silence another file', async () => {
    const res = await analyze({
      'a.tf': hcl('# kinesis-lint-ignore-file: missing-kms'),
      'main.tf': hcl(HEADER, ...body, '  encryption_type = "NONE"', '}'),
    });
    assert.deepEqual(res.of('missing-kms').length, 1);
  });

  it('unknown rule ids: invalid-annotation at the id; the known ids still apply', async () => {
    const res = await analyze({ 'main.tf': hcl('# kinesis-lint-ignore: missing-kms, not-a-rule reason', HEADER, ...body, '  encryption_type = "NONE"', '}') });
    assert.deepEqual(briefs(res, ...RULES), [['invalid-annotation', 'main.tf', r(0, 36, 0, 46)]]);
    assert.match(res.of('invalid-annotation')[0].message, /unknown rule "not-a-rule"/);
  });

  it('silences a finding caused by a module input where it is reported, at the call site', async () => {
    const res = await analyze({
      'main.tf': hcl('module "m" {', '  source = "./mod"', '  shards = 1 # kinesis-lint-ignore: undersized-shards', '}'),
      'mod/main.tf': hcl('variable "shards" {}', LOAD, HEADER, '  name            = "s"', '  shard_count     = var.shards', '  encryption_type = "NONE"', '}'),
    });
    assert.deepEqual(briefs(res, ...RULES), [['missing-kms', 'mod/main.tf', r(5, 20, 5, 26)]]);
  });

  it('config "off" silences a rule; a configured severity replaces the default', async () => {
    const res = await analyze({
      'main.tf': hcl(LOAD, HEADER, ...body, '  encryption_type = "NONE"', '}'),
      '.kinesis-lint.json': JSON.stringify({ rules: { 'missing-kms': 'off', 'undersized-shards': 'error' } }),
    });
    assert.deepEqual(res.findings.filter((f) => RULES.includes(f.ruleId)).map((f) => [f.ruleId, f.severity]), [['undersized-shards', 'error']]);
  });
});

describe('suppression above an annotation comment', () => {
  it('silences invalid-annotation on the annotation line right below it', async () => {
    const res = await analyze({
      'main.tf': [
        '# kinesis-lint-ignore: invalid-annotation typo kept on purpose',
        '# kinesis-lint: write_mib_per_sec=1 shards=3',
        'resource "aws_kinesis_stream" "s" {',
        '  name        = "s"',
        '  shard_count = 2',
        '}',
        '',
      ].join('\n'),
    });
    assert.deepEqual(res.of('invalid-annotation'), []);
  });
});
