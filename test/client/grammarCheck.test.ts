// Whether an installed extension highlights Terraform, for the one-time suggestion (issue #10 item 12).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { hasTerraformGrammar } from '../../client/src/grammarCheck';

const ours = { id: 'kinesis-lint.kinesis-lint', packageJSON: JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) };
const grammar = (scopeName: string, extra: object = {}) => ({ contributes: { grammars: [{ scopeName, path: './x.json', ...extra }] } });

describe('Terraform grammar check', () => {
  it('finds none in kinesis-lint alone (its grammar is an injection) nor in unrelated grammars', () => {
    assert.equal(hasTerraformGrammar([ours]), false);
    assert.equal(hasTerraformGrammar([ours, { id: 'a.b', packageJSON: grammar('source.python') }, { id: 'c.d', packageJSON: undefined }]), false);
    assert.equal(hasTerraformGrammar([{ id: 'x.inject', packageJSON: grammar('source.hcl.terraform', { injectTo: ['source.hcl'] }) }]), false);
  });

  it('finds HashiCorp\'s extension by id, and any extension contributing a Terraform grammar scope', () => {
    assert.equal(hasTerraformGrammar([{ id: 'HashiCorp.terraform', packageJSON: {} }]), true);
    assert.equal(hasTerraformGrammar([ours, { id: 'someone.tf', packageJSON: grammar('source.hcl.terraform') }]), true);
    assert.equal(hasTerraformGrammar([{ id: 'someone.tf2', packageJSON: grammar('source.terraform') }]), true);
  });
});
