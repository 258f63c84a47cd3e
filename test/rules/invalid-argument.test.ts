import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'invalid-argument';

/** A valid stream with one argument line replaced or added (`name = value`, aligned like terraform fmt would). */
function stream(name: string, value: string, extra: string[] = []): string {
  const lines = [
    '  name             = "events"',
    '  shard_count      = 2',
    '  retention_period = 24',
    '  encryption_type  = "KMS"',
    '  kms_key_id       = "alias/my-key"',
  ].filter((l) => !l.startsWith(`  ${name} `));
  return hcl(['resource "aws_kinesis_stream" "events" {', ...extra, ...lines, `  ${name} = ${value}`, '}']);
}

async function findings(main: string, files: Record<string, string> = {}) {
  return (await analyze({ 'main.tf': main, ...files })).of(ID);
}

describe('rule invalid-argument', () => {
  describe('fires on the value', () => {
    for (const [name, value, message] of [
      ['retention_period', '12', 'retention_period = 12 is invalid: use a whole number from 24 to 8760'],
      ['retention_period', '8761', 'retention_period = 8761 is invalid: use a whole number from 24 to 8760'],
      ['retention_period', '36.5', 'retention_period = 36.5 is invalid: use a whole number from 24 to 8760'],
      ['max_record_size_in_kib', '512', 'max_record_size_in_kib = 512 is invalid: use a whole number from 1024 to 10240'],
      ['max_record_size_in_kib', '10241', 'max_record_size_in_kib = 10241 is invalid: use a whole number from 1024 to 10240'],
      ['shard_count', '0', 'shard_count = 0 is invalid: use a whole number, at least 1'],
      ['shard_count', '1.5', 'shard_count = 1.5 is invalid: use a whole number, at least 1'],
      ['encryption_type', '"kms"', 'encryption_type = "kms" is invalid (did you mean "KMS"?): use one of "KMS", "NONE"'],
      ['encryption_type', '"AES256"', 'encryption_type = "AES256" is invalid: use one of "KMS", "NONE"'],
    ]) {
      it(`${name} = ${value}`, async () => {
        const main = stream(name, value);
        const line = main.split('\n').findIndex((l) => l.startsWith(`  ${name} =`));
        const f = one(await analyze({ 'main.tf': main }), ID);
        assert.equal(f.severity, 'error');
        assert.equal(f.message, message);
        // The value starts after "  <name> = ".
        assert.deepEqual(f.range, r(line, name.length + 5, line, name.length + 5 + value.length));
        assert.deepEqual(f.fixes, []);
      });
    }

    it('a negative shard_count (an expression, still resolved)', async () => {
      const f = one(await analyze({ 'main.tf': stream('shard_count', '-1') }), ID);
      assert.equal(f.message, 'shard_count = -1 is invalid: use a whole number, at least 1');
      assert.deepEqual(f.range, r(5, 16, 5, 18));
    });

    it('shard_count = 0 on an explicit PROVISIONED stream (the provider: "must be at least 1 when stream_mode is PROVISIONED")', async () => {
      const main = stream('shard_count', '0').replace('}\n', '\n  stream_mode_details {\n    stream_mode = "PROVISIONED"\n  }\n}\n');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'shard_count = 0 is invalid: use a whole number, at least 1');
      assert.deepEqual(f.range, r(5, 16, 5, 17));
    });

    it('stream_mode inside stream_mode_details', async () => {
      const main = stream('name', '"events"', []).replace('}\n', '\n  stream_mode_details {\n    stream_mode = "on_demand"\n  }\n}\n');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, 'stream_mode = "on_demand" is invalid (did you mean "ON_DEMAND"?): use one of "PROVISIONED", "ON_DEMAND"');
      assert.deepEqual(f.range, r(8, 18, 8, 29));
    });

    it('each unknown shard-level metric, on its element in the list', async () => {
      const main = stream('shard_level_metrics', '["IncomingBytes", "OutgoingByte", "Latency"]');
      const found = await findings(main);
      assert.deepEqual(found.map((f) => f.range), [r(6, 42, 6, 56), r(6, 58, 6, 67)]);
      assert.equal(found[0].message, '"OutgoingByte" is not a shard-level metric (did you mean "OutgoingBytes"?)');
      assert.match(found[0].detail!, /^Valid: IncomingBytes, IncomingRecords, /);
      assert.equal(found[1].message, '"Latency" is not a shard-level metric');
      assert.match(found[1].detail!, /^Valid: /);
    });

    it('an unknown metric from a variable default, on the reference', async () => {
      const main = stream('shard_level_metrics', 'var.metrics') + '\nvariable "metrics" {\n  default = ["Bogus"]\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(6, 24, 6, 35));
    });

    it('once for count = 3, naming the instances', async () => {
      const f = one(await analyze({ 'main.tf': stream('retention_period', '12', ['  count = 3', '']) }), ID);
      assert.deepEqual(f.range, r(7, 21, 7, 23));
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
    });

    it('on the module caller\'s argument', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source    = "./mod"', '  retention = 12', '}']),
        'mod/main.tf': hcl(['variable "retention" {', '  type = number', '}', '', stream('retention_period', 'var.retention')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 14, 2, 16));
    });
  });

  describe('stays silent', () => {
    it('on valid values, including the bounds', async () => {
      const main = stream('max_record_size_in_kib', '10240').replace('retention_period = 24', 'retention_period = 8760');
      assert.deepEqual(await findings(main), []);
      assert.deepEqual(await findings(stream('shard_level_metrics', '["ALL"]')), []);
      assert.deepEqual(await findings(stream('encryption_type', '"NONE"')), []);
    });

    it('on values it cannot resolve', async () => {
      assert.deepEqual(await findings(stream('retention_period', 'var.retention') + '\nvariable "retention" {\n  type = number\n}\n'), []);
      assert.deepEqual(await findings(stream('shard_count', 'aws_ssm_parameter.shards.value')), []);
      assert.deepEqual(await findings(stream('encryption_type', 'data.aws_ssm_parameter.enc.value')), []);
      assert.deepEqual(await findings(stream('shard_level_metrics', '[var.metric]') + '\nvariable "metric" {\n  type = string\n}\n'), []);
    });

    it('on shard_count = 0 (or below) when the stream is ON_DEMAND: the provider accepts it there', async () => {
      for (const value of ['0', '-1']) {
        const main = stream('shard_count', value).replace('}\n', '\n  stream_mode_details {\n    stream_mode = "ON_DEMAND"\n  }\n}\n');
        const res = await analyze({ 'main.tf': main });
        assert.deepEqual(res.of(ID), []);
        assert.deepEqual(res.of('shard-count-mode-conflict'), []);
      }
    });

    it('on shard_count = 0 when the mode cannot be resolved', async () => {
      const main = stream('shard_count', '0').replace('}\n', '\n  stream_mode_details {\n    stream_mode = var.mode\n  }\n}\n') + '\nvariable "mode" {\n  type = string\n}\n';
      const res = await analyze({ 'main.tf': main });
      assert.deepEqual(res.of(ID), []);
      assert.deepEqual(res.of('shard-count-mode-conflict'), []);
    });

    it('when a module caller passes a valid value over an invalid default', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source    = "./mod"', '  retention = 48', '}']),
        'mod/main.tf': hcl(['variable "retention" {', '  default = 12', '}', '', stream('retention_period', 'var.retention')]),
      };
      assert.deepEqual((await analyze(files)).of(ID), []);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "warning" from the config; "off" disables it', async () => {
      const main = stream('retention_period', '12');
      const warn = one(await analyze({ 'main.tf': main, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(warn.severity, 'warning');
      assert.deepEqual((await analyze({ 'main.tf': main, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment at the end of the line silences it', async () => {
      const main = stream('max_record_size_in_kib', `512 # kinesis-lint-ignore: ${ID} provider fork allows it`);
      assert.deepEqual(await findings(main), []);
    });
  });
});
