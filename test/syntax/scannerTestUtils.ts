// Small helpers for the scanner tests: compact, exact range notation and item lookup by path.
import type { ScanResult, ScannedAttribute, ScannedBlock, ScannedBody, Span } from '../../server/src/core/syntax/scanner';

/** `line:char-line:char` (0-based, UTF-16) of a span. */
export function at(result: ScanResult, span: Span): string {
  const { start, end } = result.lineIndex.rangeOf(span);
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

export function attr(body: ScannedBody, index: number): ScannedAttribute {
  const item = body.items[index];
  if (item?.kind !== 'attribute') throw new Error(`item ${index} is ${item?.kind ?? 'missing'}, not an attribute`);
  return item;
}

export function block(body: ScannedBody, index: number): ScannedBlock {
  const item = body.items[index];
  if (item?.kind !== 'block') throw new Error(`item ${index} is ${item?.kind ?? 'missing'}, not a block`);
  return item;
}

/** Names of a body's items, blocks written as `type label…{}`: a quick outline to assert shape. */
export function outline(body: ScannedBody): string[] {
  return body.items.map((item) => (item.kind === 'attribute' ? item.name : [item.type, ...item.labels.map((l) => l.value)].join(' ') + '{}'));
}
