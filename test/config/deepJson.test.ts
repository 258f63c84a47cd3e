import { strict as assert } from 'node:assert';
import { parseJsonDocument } from '../../server/src/core/json/positions';
import { analyze, r } from '../support/analyze';

describe('absurdly nested JSON', () => {
  const deep = `${'['.repeat(200000)}${']'.repeat(200000)}`;

  it('is a problem of the document, not an exception', () => {
    const parsed = parseJsonDocument(deep);
    assert.equal(parsed.ok, false);
    if (!parsed.ok) assert.deepEqual([parsed.message, parsed.range], ['JSON nested too deeply to read', r(0, 0, 0, 0)]);
  });

  it('in .kinesis-lint.json becomes invalid-config and the analysis goes on', async () => {
    const res = await analyze({
      '.kinesis-lint.json': `{"streams": ${deep}}`,
      'main.tf': 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n',
    });
    assert.deepEqual(res.of('invalid-config').map((f) => f.range), [r(0, 0, 0, 0)]);
    assert.equal(res.of('missing-kms').length, 1);
  });
});
