// Issue #10 defect 8: .kinesis-lint.json problems are reported once (by invalid-config, not again by VS Code's JSON
// schema validation), and a region is checked the same way in the config file, the kinesisLint.region setting and
// the CLI's --region.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import Ajv from 'ajv';
import schema = require('../../server/src/core/config/kinesis-lint.schema.json');
import { AWS_REGION_PATTERN, isRegionName } from '../../server/src/core/config/regionName';
import { parseConfig } from '../../server/src/core/config/parseConfig';
import { normalizeSettings } from '../../server/src/lsp/settings';
import { parseArgs } from '../../server/src/cli/args';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { editorSchema, render, TARGET } = require('../../scripts/make-editor-schema.js') as { editorSchema: (s: object) => object; render: () => string; TARGET: string };

const ROOT = path.join(__dirname, '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

const BAD_CONFIG = { region: 'mars-1', target_utilization: 2, unknown_key: true, rules: { 'missing-kms': 'loud' }, streams: { 'aws_kinesis_stream.a': { write_mib_per_sec: -1 } } };

describe('one validation of .kinesis-lint.json and of regions', () => {
  it('the editor schema is the committed output of scripts/make-editor-schema.js', () => {
    assert.equal(fs.readFileSync(TARGET, 'utf8'), render());
  });

  it('the editor schema finds nothing wrong in a config with five problems, which invalid-config reports once each', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(editorSchema(schema));
    assert.equal(validate(BAD_CONFIG), true, JSON.stringify(validate.errors));
    const problems = parseConfig(JSON.stringify(BAD_CONFIG, null, 2)).problems.map((p) => p.path).sort();
    assert.deepEqual(problems, ['/region', '/rules/missing-kms', '/streams/aws_kinesis_stream.a/write_mib_per_sec', '/target_utilization', '/unknown_key']);
  });

  it('the editor schema still offers the rule severities and the stream keys for completion', () => {
    const s = editorSchema(schema) as { definitions: { severity: { examples: string[] } }; properties: { streams: { additionalProperties: object } } };
    assert.deepEqual(s.definitions.severity.examples, ['error', 'warning', 'info', 'hint', 'off']);
    assert.deepEqual(s.properties.streams.additionalProperties, { $ref: '#/definitions/streamLoad' });
  });

  it('the config schema, the setting and the CLI use the one region pattern', () => {
    assert.equal((schema as { properties: { region: { pattern: string } } }).properties.region.pattern, AWS_REGION_PATTERN);
    assert.equal(manifest.contributes.configuration.properties['kinesisLint.region'].pattern, `^$|${AWS_REGION_PATTERN}`);
  });

  for (const [region, valid] of [['us-east-1', true], ['us-gov-west-1', true], ['ap-southeast-4', true], ['mars-1', false], ['US-EAST-1', false], ['us-east', false], ['', false]] as const) {
    it(`${JSON.stringify(region)} is ${valid ? 'accepted' : 'rejected'} everywhere`, () => {
      assert.equal(isRegionName(region), valid);
      const config = parseConfig(JSON.stringify({ region }));
      assert.equal(config.config.region, valid ? region : undefined);
      assert.equal(config.problems.length, valid ? 0 : 1);
      if (!valid) assert.equal(config.problems[0].message, `"region" must be an AWS region such as us-east-1 (got ${JSON.stringify(region)})`);
      assert.equal(normalizeSettings({ region }).region, valid ? region : undefined);
      const cli = parseArgs(['--region', region, '.']);
      assert.equal(cli.ok && cli.options.region, valid ? region : false);
    });
  }
});
