// A value from -var / TF_VAR_ has no text a fix may edit: no fix then touches the variable's default or a tfvars
// entry it overrides, and the finding says where the value came from. A value from an HCL var file is fixed in
// that file, like terraform.tfvars; a JSON var file's value, like terraform.tfvars.json's, is not fixed.
import { strict as assert } from 'assert';
import * as path from 'path';
import { ENCRYPTED, abs, analyze, hcl, r } from '../model/kit';
import { ROOT } from '../support/analyze';
import type { Finding } from '../../server/src/core/types';
import type { VariableInputs } from '../../server/src/core/inputs/variableInputs';

// write 3 MiB/s needs ceil(3 / 0.8) = 4 shards.
const MAIN = '# kinesis-lint: write_mib_per_sec=3 records_per_sec=100\n' + hcl(
  'resource "aws_kinesis_stream" "s" {',
  '  name        = "s"',
  '  shard_count = var.shards',
  ...ENCRYPTED,
  '}',
);
const VARIABLES = hcl('variable "shards" {', '  type    = number', '  default = 1', '}');
const SHARD_VALUE = r(3, 16, 3, 26);

async function undersized(files: Record<string, string>, variables: VariableInputs = {}): Promise<Finding> {
  const res = await analyze({ 'main.tf': MAIN, 'variables.tf': VARIABLES, ...files }, { variables });
  const found = res.of('undersized-shards');
  assert.equal(found.length, 1, found.map((f) => f.message).join(' | '));
  return found[0];
}

const edited = (f: Finding) => f.fixes.flatMap((x) => x.edits.map((e) => [path.relative(ROOT, e.file), e.range.start.line, e.newText]));

describe('inputs: provenance of values, and fixes', () => {
  it('without inputs the fix edits the variable default (the reference beside the cases below)', async () => {
    const f = await undersized({});
    assert.deepEqual(edited(f), [['variables.tf', 2, '4']]);
    assert.doesNotMatch(`${f.message} ${f.detail}`, /comes from/);
  });

  it('--var: no fix, and the message names the option', async () => {
    const f = await undersized({}, { args: [{ kind: 'var', name: 'shards', text: '2' }] });
    assert.deepEqual(f.range, SHARD_VALUE);
    assert.deepEqual(f.fixes, []);
    assert.match(f.detail!, /\. shard_count comes from --var shards=2\.$/);
  });

  it('--var over terraform.tfvars: the overridden tfvars entry is not edited', async () => {
    const f = await undersized({ 'terraform.tfvars': 'shards = 3\n' }, { args: [{ kind: 'var', name: 'shards', text: '2' }] });
    assert.deepEqual(f.fixes, []);
    assert.match(f.detail!, /\. shard_count comes from --var shards=2\.$/);
  });

  it('TF_VAR_: no fix on the default, the message names the variable', async () => {
    const f = await undersized({}, { env: { shards: '2' } });
    assert.deepEqual(f.fixes, []);
    assert.match(f.detail!, / shard_count comes from TF_VAR_shards=2\.$/);
  });

  it('TF_VAR_ overridden by terraform.tfvars: the fix edits terraform.tfvars, no note', async () => {
    const f = await undersized({ 'terraform.tfvars': 'shards = 3\n' }, { env: { shards: '2' } });
    assert.deepEqual(edited(f), [['terraform.tfvars', 0, '4']]);
    assert.doesNotMatch(`${f.message} ${f.detail}`, /comes from/);
  });

  it('--var-file (HCL): the fix edits the file, whose name the title and the message give', async () => {
    const f = await undersized({ 'env/prod.tfvars': '# prod\nshards = 2\n' }, { args: [{ kind: 'file', path: abs('env/prod.tfvars'), label: '--var-file env/prod.tfvars', strict: true }] });
    assert.deepEqual(edited(f), [['env/prod.tfvars', 1, '4']]);
    assert.deepEqual(f.fixes[0].edits[0].range, r(1, 9, 1, 10));
    assert.match(f.fixes[0].title, / in prod\.tfvars:2/);
    assert.match(f.detail!, / shard_count comes from --var-file env\/prod\.tfvars\.$/);
  });

  it('a JSON var file: no fix (its values have no HCL text), the message names the file', async () => {
    const f = await undersized({ 'prod.tfvars.json': '{"shards": 2}' }, { args: [{ kind: 'file', path: abs('prod.tfvars.json'), label: '--var-file prod.tfvars.json', strict: true }] });
    assert.deepEqual(f.fixes, []);
    assert.match(f.detail!, / shard_count comes from --var-file prod\.tfvars\.json\.$/);
  });

  it('a value passed through a module call still names the root input, at the caller\'s argument', async () => {
    const res = await analyze({
      'main.tf': hcl('variable "shards" {', '  type = number', '}', 'module "m" {', '  source = "./mod"', '  shards = var.shards', '}'),
      'mod/main.tf': MAIN,
      'mod/variables.tf': VARIABLES,
    }, { variables: { args: [{ kind: 'var', name: 'shards', text: '2' }] } });
    const [f] = res.of('undersized-shards');
    assert.deepEqual([path.relative(ROOT, f.file), f.range], ['main.tf', r(5, 11, 5, 21)]);
    assert.deepEqual(f.fixes, []);
    assert.match(f.detail!, / shard_count comes from --var shards=2\.$/);
  });

  it('a value that stays unknown (an expression referring to another variable) gives no finding and no note', async () => {
    const res = await analyze(
      { 'main.tf': MAIN, 'variables.tf': hcl('variable "shards" {', '  type = any', '}') },
      { variables: { args: [{ kind: 'var', name: 'shards', text: 'var.other' }] } },
    );
    assert.deepEqual(res.of('undersized-shards'), []);
    assert.deepEqual(res.findings.filter((f) => /comes from/.test(`${f.message} ${f.detail}`)), []);
  });
});
