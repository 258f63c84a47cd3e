import { strict as assert } from 'assert';
import { analyze, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'aws-managed-kms-key';

function stream(key: string, extra: string[] = []): string {
  return hcl([
    'resource "aws_kinesis_stream" "events" {',
    ...extra,
    '  name            = "events"',
    '  shard_count     = 2',
    '  encryption_type = "KMS"',
    `  kms_key_id      = ${key}`,
    '}',
  ]);
}

const MANAGED = stream('"alias/aws/kinesis"');

describe('rule aws-managed-kms-key', () => {
  describe('fires', () => {
    it('on the kms_key_id value alias/aws/kinesis, as info, without a fix', async () => {
      const f = one(await analyze({ 'main.tf': MANAGED }), ID);
      assert.equal(f.severity, 'info');
      assert.deepEqual(f.range, r(4, 20, 4, 39));
      assert.equal(f.message, 'Encrypted with the AWS-managed key alias/aws/kinesis');
      assert.match(f.detail!, /^alias\/aws\/kinesis is managed by AWS: you cannot restrict who may decrypt through a key policy/);
      assert.match(f.detail!, /customer-managed aws_kms_key/);
      assert.deepEqual(f.fixes, []);
    });

    for (const key of ['aws/kinesis', 'arn:aws:kms:us-east-1:123456789012:alias/aws/kinesis', 'arn:aws-us-gov:kms:us-gov-west-1:123456789012:alias/aws/kinesis']) {
      it(`on the spelling ${key}`, async () => {
        const f = one(await analyze({ 'main.tf': stream(JSON.stringify(key)) }), ID);
        assert.deepEqual(f.range, r(4, 20, 4, 22 + key.length));
        assert.ok(f.detail!.startsWith(`${key} is managed by AWS`));
      });
    }

    it('on the variable reference when a variable default is the managed alias', async () => {
      const main = stream('var.key') + '\nvariable "key" {\n  default = "alias/aws/kinesis"\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(4, 20, 4, 27));
    });

    it('once for for_each over 3 keys, naming the 3 instances', async () => {
      const main = stream('"alias/aws/kinesis"', ['  for_each = toset(["a", "b", "c"])', '']);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(6, 20, 6, 39));
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\["a"\], aws_kinesis_stream\.events\["b"\], aws_kinesis_stream\.events\["c"\]\.$/);
    });

    it('on the module caller\'s argument that passes the managed key', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source = "./mod"', '  key    = "alias/aws/kinesis"', '}']),
        'mod/main.tf': hcl(['variable "key" {', '  type = string', '}', '', stream('var.key')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 11, 2, 30));
    });
  });

  describe('stays silent', () => {
    it('when encryption_type is "NONE": the key is unused (missing-kms reports the stream)', async () => {
      const res = await analyze({ 'main.tf': MANAGED.replace('"KMS"', '"NONE"') });
      assert.deepEqual(res.of(ID), []);
      assert.equal(res.of('missing-kms').length, 1);
    });

    for (const key of ['"alias/my-stream-key"', '"alias/aws/kinesis-copy"', '"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"']) {
      it(`on a customer-managed key ${key}`, async () => {
        assert.deepEqual((await analyze({ 'main.tf': stream(key) })).of(ID), []);
      });
    }

    it('on a key that is a resource attribute', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('aws_kms_key.k.arn') })).of(ID), []);
    });

    it('on a key from a data source', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('data.aws_kms_alias.k.target_key_arn') })).of(ID), []);
    });

    it('on a variable with no default and no tfvars value', async () => {
      const main = stream('var.key') + '\nvariable "key" {\n  type = string\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when terraform.tfvars sets a customer-managed key over a managed default', async () => {
      const main = stream('var.key') + '\nvariable "key" {\n  default = "alias/aws/kinesis"\n}\n';
      const res = await analyze({ 'main.tf': main, 'terraform.tfvars': 'key = "alias/mine"\n' });
      assert.deepEqual(res.of(ID), []);
    });
  });

  describe('configuration and suppression', () => {
    it('can be raised to warning', async () => {
      const f = one(await analyze({ 'main.tf': MANAGED, '.kinesis-lint.json': rulesConfig({ [ID]: 'warning' }) }), ID);
      assert.equal(f.severity, 'warning');
    });

    it('"off" disables it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': MANAGED, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment at the end of the kms_key_id line silences it', async () => {
      const main = MANAGED.replace('"alias/aws/kinesis"', `"alias/aws/kinesis" # kinesis-lint-ignore: ${ID} internal data only`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('an ignore-file comment silences it in the whole file', async () => {
      const main = `# kinesis-lint-ignore-file: ${ID}\n\n${MANAGED}`;
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
