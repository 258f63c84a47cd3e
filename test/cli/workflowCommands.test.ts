import { strict as assert } from 'assert';
import { escapeData, escapeProperty, workflowCommand } from '../../server/src/cli/format/workflowCommands';

// The escapes of actions/toolkit packages/core/src/command.ts (escapeData, escapeProperty).
describe('cli/format/workflowCommands', () => {
  it('escapes % first, then CR and LF, in the message', () => {
    assert.equal(escapeData('50 % of 1\r\n2%0A'), '50 %25 of 1%0D%0A2%250A');
    assert.equal(escapeData('a: b, c'), 'a: b, c');
  });

  it('escapes : and , as well in property values', () => {
    assert.equal(escapeProperty('dir,1/a:b.tf%\n'), 'dir%2C1/a%3Ab.tf%25%0A');
  });

  it('writes the properties in GitHub\'s order, leaves out undefined ones, and the message after ::', () => {
    assert.equal(
      workflowCommand('error', { title: 'x: y', endColumn: 9, col: 3, file: 'a,b.tf', line: 2, endLine: 2 }, 'bad\n::warning::forged'),
      '::error file=a%2Cb.tf,line=2,endLine=2,col=3,endColumn=9,title=x%3A y::bad%0A::warning::forged',
    );
    assert.equal(workflowCommand('notice', {}, 'total'), '::notice::total');
  });
});
