import { strict as assert } from 'assert';
import { analyze, hcl, r } from './ruleKit';

const ID = 'invalid-config';
const CONFIG = '/ws/.kinesis-lint.json';

// Retention 48 h on 2 shards: extended retention 2 × 730 h × $0.020 = $29.20/month (a figure that shows the prices used).
const MAIN = hcl([
  'resource "aws_kinesis_stream" "a" {',
  '  name             = "a"',
  '  shard_count      = 2',
  '  retention_period = 48',
  '}',
]);

async function configFindings(config: string, extra: Record<string, string> = {}) {
  const res = await analyze({ 'main.tf': MAIN, '.kinesis-lint.json': config, ...extra });
  return { res, found: res.of(ID).map((f) => ({ file: f.file, message: f.message, range: f.range, severity: f.severity })) };
}

describe('rule invalid-config', () => {
  describe('fires at the offending JSON location', () => {
    it('values that break the schema and unknown keys (with the closest one); the valid parts still apply', async () => {
      const config = [
        '{',
        '  "region": "us-east-2",',
        '  "target_utilization": 1.5,',
        '  "rules": {',
        '    "missing-kms": "warn",',
        '    "missing-kmss": "off",',
        '    "throughput-undeclared": "off"',
        '  },',
        '  "regoin": "x"',
        '}',
      ].join('\n');
      const { res, found } = await configFindings(config);
      assert.deepEqual(found, [
        { file: CONFIG, message: '"target_utilization" must be ≤ 1 (got 1.5)', range: r(2, 24, 2, 27), severity: 'error' },
        { file: CONFIG, message: '"rules.missing-kms" must be one of error, warning, info, hint, off (got "warn")', range: r(4, 19, 4, 25), severity: 'error' },
        { file: CONFIG, message: 'unknown key "missing-kmss" in "rules" — did you mean "missing-kms"?', range: r(5, 4, 5, 18), severity: 'error' },
        { file: CONFIG, message: 'unknown key "regoin" — did you mean "region"?', range: r(8, 2, 8, 10), severity: 'error' },
      ]);
      // The valid rule setting applies; the invalid one leaves missing-kms at its default.
      assert.deepEqual(res.of('throughput-undeclared'), []);
      assert.equal(res.of('missing-kms')[0].severity, 'error');
    });

    it('a streams value past AWS limits (the same bounds as annotations): found on the value, that load not used', async () => {
      const config = [
        '{',
        '  "streams": {',
        '    "aws_kinesis_stream.a": { "records_per_sec": 1e308, "avg_record_kib": 1 }',
        '  }',
        '}',
      ].join('\n');
      const { res, found } = await configFindings(config);
      assert.deepEqual(found, [
        { file: CONFIG, message: '"streams.aws_kinesis_stream.a.records_per_sec" must be ≤ 10000000 (got a number of 309 digits)', range: r(2, 49, 2, 54), severity: 'error' },
      ]);
      assert.equal(res.streams[0].declared?.recordsPerSec, undefined);
    });

    it('JSON that does not parse: the whole file is ignored', async () => {
      const { res, found } = await configFindings('{\n  "rules": { "missing-kms": "off", }\n}\n');
      assert.deepEqual(found.map((f) => [f.message, f.range]), [
        ['trailing comma is not allowed in JSON (the whole file is ignored until this is fixed)', r(1, 33, 1, 34)],
      ]);
      assert.equal(res.of('missing-kms').length, 1);
    });

    it('an invalid price table: a finding in the table and one in the config; the built-in prices are used', async () => {
      const { res, found } = await configFindings('{ "prices": "prices.json" }\n', { 'prices.json': '{ "currency": "USD" }\n' });
      assert.deepEqual(found.map((f) => [f.file, f.message]), [
        [CONFIG, 'price table "prices.json" is invalid (5 problems); built-in prices used'],
        ['/ws/prices.json', 'the document is missing the required key "priceDate"'],
      ]);
      assert.deepEqual(found[0].range, r(0, 12, 0, 25));
      assert.match(res.of('extended-retention-cost')[0].message, /adds \$29\.20\/mo/);
    });
  });

  describe('stays silent', () => {
    it('on a valid config and without one', async () => {
      const config = JSON.stringify({ region: 'us-east-1', target_utilization: 0.7, rules: { 'missing-kms': 'info' }, thresholds: { oversized_factor: 3 } });
      assert.deepEqual((await configFindings(config)).found, []);
      assert.deepEqual((await analyze({ 'main.tf': MAIN })).of(ID), []);
    });
  });

  describe('configuration', () => {
    it('its own severity can be set in the same file, and "off" silences it', async () => {
      const warn = await configFindings(JSON.stringify({ rules: { [ID]: 'warning' }, target_utilization: 2 }));
      assert.deepEqual(warn.found.map((f) => f.severity), ['warning']);
      const off = await configFindings(JSON.stringify({ rules: { [ID]: 'off' }, target_utilization: 2 }));
      assert.deepEqual(off.found, []);
    });
  });
});
