import * as assert from 'assert';
import { LineIndex } from '../../server/src/core/text/lineIndex';

describe('LineIndex', () => {
  it('maps offsets and positions on LF text', () => {
    const li = new LineIndex('ab\ncd\n');
    assert.deepStrictEqual(li.lineStarts, [0, 3, 6]);
    assert.strictEqual(li.lineCount, 3);
    assert.deepStrictEqual(li.positionAt(4), { line: 1, character: 1 });
    assert.deepStrictEqual(li.positionAt(6), { line: 2, character: 0 });
    assert.strictEqual(li.offsetAt({ line: 1, character: 2 }), 5);
    assert.deepStrictEqual([li.lineText(0), li.lineText(1), li.lineText(2)], ['ab', 'cd', '']);
    assert.deepStrictEqual([li.eolAt(0), li.eolAt(1), li.eolAt(2)], ['\n', '\n', '']);
  });

  it('keeps CRLF out of line text and maps the inside of a CRLF to the line end', () => {
    const li = new LineIndex('ab\r\ncd');
    assert.deepStrictEqual(li.lineStarts, [0, 4]);
    assert.strictEqual(li.lineText(0), 'ab');
    assert.strictEqual(li.eolAt(0), '\r\n');
    assert.deepStrictEqual(li.positionAt(2), { line: 0, character: 2 });
    assert.deepStrictEqual(li.positionAt(3), { line: 0, character: 2 });
    assert.deepStrictEqual(li.positionAt(4), { line: 1, character: 0 });
    assert.strictEqual(li.offsetAt({ line: 0, character: 99 }), 2);
  });

  it('treats a lone CR as a line break, like LSP', () => {
    const li = new LineIndex('a\rb\r\nc\n\rd');
    assert.deepStrictEqual(li.lineStarts, [0, 2, 5, 7, 8]);
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((l) => li.eolAt(l)), ['\r', '\r\n', '\n', '\r', '']);
    assert.deepStrictEqual([0, 1, 2, 3, 4].map((l) => li.lineText(l)), ['a', 'b', 'c', '', 'd']);
  });

  it('clamps out-of-range offsets and positions', () => {
    const li = new LineIndex('ab\ncd');
    assert.deepStrictEqual(li.positionAt(-5), { line: 0, character: 0 });
    assert.deepStrictEqual(li.positionAt(99), { line: 1, character: 2 });
    assert.strictEqual(li.offsetAt({ line: -1, character: 3 }), 0);
    assert.strictEqual(li.offsetAt({ line: 7, character: 0 }), 5);
    assert.strictEqual(li.offsetAt({ line: 0, character: -4 }), 0);
    assert.strictEqual(li.lineText(9), '');
  });

  it('counts characters in UTF-16 code units (astral characters take two)', () => {
    const text = 'x = "😀é"\ny';
    const li = new LineIndex(text);
    assert.deepStrictEqual(li.positionAt(text.indexOf('é')), { line: 0, character: 7 });
    assert.deepStrictEqual(li.rangeOf({ start: 4, end: 9 }), { start: { line: 0, character: 4 }, end: { line: 0, character: 9 } });
    assert.deepStrictEqual(li.positionAt(text.indexOf('y')), { line: 1, character: 0 });
  });

  it('handles the empty text', () => {
    const li = new LineIndex('');
    assert.deepStrictEqual(li.lineStarts, [0]);
    assert.deepStrictEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.strictEqual(li.offsetAt({ line: 0, character: 3 }), 0);
    assert.strictEqual(li.eolAt(0), '');
  });

  it('round-trips every offset of a mixed text', () => {
    const text = '\ufeffa\r\n\tb 😀\n\nc\rd';
    const li = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      const inCrlf = text[offset - 1] === '\r' && text[offset] === '\n';
      if (!inCrlf) assert.strictEqual(li.offsetAt(li.positionAt(offset)), offset, `offset ${offset}`);
    }
  });
});
