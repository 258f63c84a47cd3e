import { strict as assert } from 'node:assert';
import { maxNestingDepth } from '../../server/src/core/syntax/hcl2json/nestingDepth';

describe('hcl2json maxNestingDepth', () => {
  it('counts blocks, objects, tuples and parentheses', () => {
    assert.equal(maxNestingDepth('a = 1'), 0);
    assert.equal(maxNestingDepth('b {\n  c = [ { d = (1) } ]\n}\n'), 4);
    assert.equal(maxNestingDepth('a = ' + '['.repeat(10_000) + ']'.repeat(10_000)), 10_000);
  });

  it('ignores brackets in comments, quoted text and heredoc bodies', () => {
    const text = [
      '# {{{{',
      '// [[[[',
      '/* (((( */ a = "{{ [[ (( \\" {{"',
      'b = <<-EOT',
      '  {{{{ ${ "x" }',
      '  EOT',
      'c = {}',
    ].join('\n');
    assert.equal(maxNestingDepth(text), 1);
  });

  it('counts interpolations but not their escaped forms', () => {
    assert.equal(maxNestingDepth('a = "${ {x = "${[1]}"} }"'), 4);
    assert.equal(maxNestingDepth('a = "$${x} %%{y}"'), 0);
  });

  it('does not let stray closers or an unterminated string hide later nesting', () => {
    assert.equal(maxNestingDepth('}}} ]]\na = [[1]]'), 2);
    assert.equal(maxNestingDepth('a = "x\nb = [[[1]]]'), 3);
  });
});
