// The region a stream is priced in: its own `region` argument, else the aws provider configuration it uses
// (default or aliased, inherited by child modules or passed with `providers`), else --region, the config, us-east-1.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, hcl, report, stream } from './kit';

const PROVIDERS = hcl(
  'provider "aws" {',
  '  region = "eu-west-1"',
  '}',
  'provider "aws" {',
  '  alias  = "west"',
  '  region = "us-west-2"',
  '}',
);

function s(name: string, ...extra: string[]): string {
  return stream(name, `  name        = "${name}"`, '  shard_count = 1', ...ENCRYPTED, ...extra);
}

describe('model: region', () => {
  it('default provider, aliased provider, and a resource region argument', async () => {
    const res = await analyze({
      'providers.tf': PROVIDERS,
      'main.tf': s('a') + s('b', '  provider    = aws.west') + s('c', '  region      = "ap-south-1"'),
    });
    assert.equal(report(res, 'aws_kinesis_stream.a').region, 'eu-west-1');
    assert.equal(report(res, 'aws_kinesis_stream.b').region, 'us-west-2');
    assert.equal(report(res, 'aws_kinesis_stream.c').region, 'ap-south-1');
  });

  it('a provider region from a variable', async () => {
    const res = await analyze({
      'main.tf': s('a') + hcl('variable "r" {', '  default = "us-east-2"', '}', 'provider "aws" {', '  region = var.r', '}'),
      'terraform.tfvars': 'r = "eu-central-1"\n',
    });
    assert.equal(report(res, 'aws_kinesis_stream.a').region, 'eu-central-1');
  });

  it('without a provider region: --region, else the config region, else us-east-1', async () => {
    const files = { 'main.tf': s('a') };
    assert.equal(report(await analyze(files), 'aws_kinesis_stream.a').region, 'us-east-1');
    assert.equal(report(await analyze(files, { region: 'us-east-2' }), 'aws_kinesis_stream.a').region, 'us-east-2');
    const withConfig = { ...files, '.kinesis-lint.json': '{"region": "eu-central-1"}' };
    assert.equal(report(await analyze(withConfig), 'aws_kinesis_stream.a').region, 'eu-central-1');
    assert.equal(report(await analyze(withConfig, { region: 'us-east-2' }), 'aws_kinesis_stream.a').region, 'us-east-2');
  });

  it('an unresolvable provider region falls back to the default region, and the estimate says so', async () => {
    const res = await analyze({ 'main.tf': s('a') + hcl('variable "r" {}', 'provider "aws" {', '  region = var.r', '}') });
    const a = report(res, 'aws_kinesis_stream.a');
    assert.equal(a.region, 'us-east-1');
    assert.ok(a.estimate.assumptions.includes("The aws provider's region cannot be resolved; prices for us-east-1 are used."));
  });

  it('child modules inherit the default provider; `providers = { aws = aws.west }` passes another', async () => {
    const res = await analyze({
      'providers.tf': PROVIDERS,
      'main.tf': hcl(
        'module "inherits" {',
        '  source = "./mod"',
        '}',
        'module "passed" {',
        '  source = "./mod"',
        '  providers = {',
        '    aws = aws.west',
        '  }',
        '}',
      ),
      'mod/main.tf': s('x'),
    });
    assert.equal(report(res, 'module.inherits.aws_kinesis_stream.x').region, 'eu-west-1');
    assert.equal(report(res, 'module.passed.aws_kinesis_stream.x').region, 'us-west-2');
  });

  it("a child's aliased provider passed by the caller, through two levels", async () => {
    const res = await analyze({
      'providers.tf': PROVIDERS,
      'main.tf': hcl('module "outer" {', '  source = "./outer"', '  providers = {', '    aws = aws.west', '  }', '}'),
      'outer/main.tf': hcl('module "inner" {', '  source = "../inner"', '  providers = {', '    aws.replica = aws', '  }', '}'),
      'inner/main.tf': s('x', '  provider    = aws.replica'),
    });
    assert.equal(report(res, 'module.outer.module.inner.aws_kinesis_stream.x').region, 'us-west-2');
  });
});
