// Held positions follow the text (server/src/lsp/relocate.ts): lines before an edit stay, lines after it move by
// the lines added or removed, and characters after an edit within one line move with the line's end.
import { strict as assert } from 'node:assert';
import { positionMover, unmoved } from '../../server/src/lsp/relocate';

const BEFORE = ['a = 1', 'b = 2', 'c = 3', 'd = 4'].join('\n');

describe('positionMover', () => {
  it('the same text moves nothing', () => {
    assert.equal(positionMover(BEFORE, BEFORE), unmoved);
  });

  it('a line inserted: lines before stay, lines after move down', () => {
    const move = positionMover(BEFORE, ['a = 1', 'b = 2', 'x = ', 'c = 3', 'd = 4'].join('\n'));
    assert.deepEqual(move({ line: 1, character: 5 }), { line: 1, character: 5 });
    assert.deepEqual(move({ line: 2, character: 5 }), { line: 3, character: 5 });
    assert.deepEqual(move({ line: 3, character: 0 }), { line: 4, character: 0 });
  });

  it('a line removed: lines after move up; a position on the removed line goes to where it was', () => {
    const move = positionMover(BEFORE, ['a = 1', 'c = 3', 'd = 4'].join('\n'));
    assert.deepEqual(move({ line: 2, character: 4 }), { line: 1, character: 4 });
    assert.deepEqual(move({ line: 1, character: 4 }), { line: 1, character: 0 });
  });

  it('an edit within one line: characters after it move with the line end, before it stay', () => {
    const move = positionMover(BEFORE, ['a = 1', 'bbb = 2', 'c = 3', 'd = 4'].join('\n'));
    assert.deepEqual(move({ line: 1, character: 0 }), { line: 1, character: 0 });
    assert.deepEqual(move({ line: 1, character: 5 }), { line: 1, character: 7 });
    assert.deepEqual(move({ line: 2, character: 5 }), { line: 2, character: 5 });
  });

  it('CRLF and LF count the same lines; several edited lines keep their line within the region', () => {
    const move = positionMover(BEFORE.replace(/\n/g, '\r\n'), ['a = 1', 'B', 'C', 'd = 4'].join('\r\n'));
    assert.deepEqual(move({ line: 2, character: 4 }), { line: 2, character: 1 });
    assert.deepEqual(move({ line: 3, character: 4 }), { line: 3, character: 4 });
  });
});
