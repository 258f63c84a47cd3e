// One diagnostic per problem in .kinesis-lint.json: the server's JSON syntax error is dropped where VS Code's JSON
// service reports the same error (issue #10 defect 8); everything else stays.
import { strict as assert } from 'assert';
import { keepDiagnostic } from '../../client/src/jsonSyntaxText';

describe('JSON syntax errors in the editor', () => {
  const syntax = { key: 'k', resource: null, jsonSyntax: true };
  it('drops the server\'s JSON syntax error of a JSON document VS Code validates', () => {
    assert.equal(keepDiagnostic(syntax, 'json', true), false);
    assert.equal(keepDiagnostic(syntax, 'jsonc', true), false);
  });
  it('keeps it where nobody else reports it: validation off, a closed file, another language', () => {
    assert.equal(keepDiagnostic(syntax, 'json', false), true);
    assert.equal(keepDiagnostic(syntax, undefined, true), true);
    assert.equal(keepDiagnostic(syntax, 'terraform', true), true);
  });
  it('keeps every other diagnostic (schema problems, rule findings, no data)', () => {
    assert.equal(keepDiagnostic({ key: 'k', resource: null }, 'json', true), true);
    assert.equal(keepDiagnostic({ key: 'k', resource: null, jsonSyntax: false }, 'json', true), true);
    assert.equal(keepDiagnostic(undefined, 'json', true), true);
  });
});
