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

/** The whole-text comparison positionMover made before it compared only a window around the edit. */
function wholeTextMover(before: string, after: string) {
  const split = /\r\n|\r|\n/;
  const a = before.split(split);
  const b = after.split(split);
  const shortest = Math.min(a.length, b.length);
  let head = 0;
  while (head < shortest && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < shortest - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const oldEnd = a.length - tail;
  const newEnd = b.length - tail;
  const chars = (x: string, y: string) => {
    const s = Math.min(x.length, y.length);
    let h = 0;
    while (h < s && x[h] === y[h]) h++;
    let t = 0;
    while (t < s - h && x[x.length - 1 - t] === y[y.length - 1 - t]) t++;
    return (c: number) => (c <= h ? c : c >= x.length - t ? c + y.length - x.length : h);
  };
  const oneLine = oldEnd - head === 1 && newEnd - head === 1 ? chars(a[head], b[head]) : undefined;
  return (p: { line: number; character: number }) => {
    if (p.line < head) return p;
    if (p.line >= oldEnd) return { line: p.line + newEnd - oldEnd, character: p.character };
    if (oneLine) return { line: head, character: oneLine(p.character) };
    if (newEnd === head) return { line: head, character: 0 };
    const line = Math.min(p.line, newEnd - 1);
    return { line, character: Math.min(p.character, b[line].length) };
  };
}

describe('positionMover compares only a window around the edit', () => {
  // Lines are unique (a run of equal lines makes "which one was deleted" a guess either way), line breaks mixed.
  it('moves every position as a comparison of the whole texts does (random texts and edits, CR, LF and CRLF)', () => {
    let seed = 11;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const breaks = ['\n', '\r\n', '\r'];
    const inserts = ['a', ' ', '\n', '\r\n', '\r', 'x = 1', '\n  y = 2\n'];
    for (let run = 0; run < 2000; run++) {
      const before = Array.from({ length: rand(40) }, (_, k) => `line ${k}${'z'.repeat(rand(3))}${breaks[rand(3)]}`).join('');
      const at = rand(before.length + 1);
      const cut = Math.min(before.length - at, rand(4) === 0 ? rand(30) : rand(2));
      const inserted = Array.from({ length: rand(3) === 0 ? rand(6) : rand(2) }, () => inserts[rand(inserts.length)]).join('');
      const after = before.slice(0, at) + inserted + before.slice(at + cut);
      const fast = positionMover(before, after);
      const whole = wholeTextMover(before, after);
      const lines = before.split(/\r\n|\r|\n/);
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character++) {
          const p = { line, character };
          assert.deepEqual(fast(p), whole(p), `${JSON.stringify(before)} → ${JSON.stringify(after)} at ${line}:${character}`);
        }
      }
    }
  });

  it('a 100,000-line text: a character typed at a line end moves nothing before it; an inserted line moves the lines after it', () => {
    const lines = Array.from({ length: 100_000 }, (_, k) => `  attribute_${k} = ${k}`);
    const before = lines.join('\n');
    const edited = [...lines];
    edited[50_000] += '7';
    const move = positionMover(before, edited.join('\n'));
    assert.deepEqual(move({ line: 50_000, character: 3 }), { line: 50_000, character: 3 });
    assert.deepEqual(move({ line: 50_000, character: 25 }), { line: 50_000, character: 25 });
    assert.deepEqual(move({ line: 99_999, character: 3 }), { line: 99_999, character: 3 });
    const inserted = [...lines.slice(0, 50_000), '  new = 1', ...lines.slice(50_000)];
    const down = positionMover(before, inserted.join('\n'));
    assert.deepEqual(down({ line: 49_999, character: 2 }), { line: 49_999, character: 2 });
    assert.deepEqual(down({ line: 50_000, character: 2 }), { line: 50_001, character: 2 });
  });
});
