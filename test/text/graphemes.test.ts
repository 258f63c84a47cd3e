import * as assert from 'assert';
import { graphemeColumnToUtf16 } from '../../server/src/core/text/graphemes';

describe('graphemeColumnToUtf16', () => {
  it('maps the measured HCL example: column 11 of `x = "ü😀é" y` (é = e + U+0301) is UTF-16 12', () => {
    const line = 'x = "\u00fc\u{1F600}e\u0301" y';
    assert.strictEqual(graphemeColumnToUtf16(line, 11), 12);
    assert.strictEqual(line[12], 'y');
  });

  it('counts a ZWJ family emoji as one column', () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}'; // 8 UTF-16 code units
    const line = `a${family}b`;
    assert.strictEqual(graphemeColumnToUtf16(line, 2), 1);
    assert.strictEqual(graphemeColumnToUtf16(line, 3), 9);
  });

  it('counts a flag (two regional indicators) as one column', () => {
    assert.strictEqual(graphemeColumnToUtf16('\u{1F1E9}\u{1F1EA}=1', 2), 4);
  });

  it('counts a tab as one column', () => {
    assert.strictEqual(graphemeColumnToUtf16('\tx = 1', 2), 1);
  });

  it('clamps: column 1 and below give 0, columns past the end give the line length', () => {
    assert.strictEqual(graphemeColumnToUtf16('abc', 1), 0);
    assert.strictEqual(graphemeColumnToUtf16('abc', 0), 0);
    assert.strictEqual(graphemeColumnToUtf16('abc', 4), 3);
    assert.strictEqual(graphemeColumnToUtf16('a😀', 9), 3);
    assert.strictEqual(graphemeColumnToUtf16('', 5), 0);
  });
});

describe('graphemeColumnToUtf16 on long lines', () => {
  it('maps a column far into a 40,000-character ASCII line, and after an emoji on it', () => {
    const line = 'x'.repeat(40000);
    assert.equal(graphemeColumnToUtf16(line, 39001), 39000);
    assert.equal(graphemeColumnToUtf16(`😀${line}`, 39001), 39001);
  });
});
