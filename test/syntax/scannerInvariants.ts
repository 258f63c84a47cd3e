// Checks that a scan result is well formed, whatever the input: spans inside the text and ordered,
// children inside their parents, braces where the spans say. Iterative (results can be very deep).
import * as assert from 'assert';
import type { ScanResult, ScannedItem, Span } from '../../server/src/core/syntax/scanner';

export function assertWellFormed(text: string, result: ScanResult): void {
  const inText = (s: Span, what: string): void =>
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= text.length, `${what} ${s.start}-${s.end} outside 0-${text.length}`);
  const pending: { items: ScannedItem[]; from: number; to: number }[] = [{ items: result.body.items, from: 0, to: text.length }];
  while (pending.length > 0) {
    const { items, from, to } = pending.pop()!;
    let previousEnd = from;
    for (const item of items) {
      inText(item.span, item.kind);
      assert.ok(item.span.start >= previousEnd && item.span.end <= to, `${item.kind} at ${item.span.start} out of order or outside its parent`);
      previousEnd = item.span.end;
      if (item.kind === 'attribute') {
        assert.strictEqual(text.slice(item.nameSpan.start, item.nameSpan.end), item.name);
        assert.strictEqual(item.nameSpan.start, item.span.start);
        assert.strictEqual(item.valueSpan.end, item.span.end);
        assert.ok(item.nameSpan.end < item.valueSpan.start || item.valueSpan.start === item.valueSpan.end, 'value after name');
        continue;
      }
      assert.strictEqual(text.slice(item.typeSpan.start, item.typeSpan.end), item.type);
      assert.strictEqual(text[item.openBrace], '{');
      assert.strictEqual(item.headerSpan.end, item.openBrace + 1);
      for (const label of item.labels) assert.ok(label.span.start >= item.typeSpan.end && label.span.end <= item.openBrace);
      if (item.closeBrace !== null) {
        assert.strictEqual(text[item.closeBrace], '}');
        assert.strictEqual(item.span.end, item.closeBrace + 1);
      } else {
        assert.strictEqual(item.oneLine, false);
      }
      pending.push({ items: item.body.items, from: item.openBrace + 1, to: item.closeBrace ?? item.span.end });
    }
  }
  let previousEnd = 0;
  for (const c of result.comments) {
    inText(c.span, 'comment');
    assert.ok(c.span.start >= previousEnd, `comment at ${c.span.start} overlaps the previous one`);
    assert.strictEqual(c.text, text.slice(c.span.start, c.span.end));
    assert.ok(c.text.startsWith(c.style === '#' ? '#' : c.style), `comment ${c.text} has style ${c.style}`);
    previousEnd = c.span.end;
  }
}
