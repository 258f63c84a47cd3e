// Offsets → LSP positions, and JSON pointers → ranges. Schema validators (ajv) report JSON pointers; this is
// how a problem found in a parsed value gets back to the characters a user has to change.
import type { Range } from '../types';
import { LineIndex } from '../text/lineIndex';
import { JsonSyntaxError } from './scanner';
import { JsonNode, JsonProperty, parseJsonTree, toValue } from './tree';

/** Which part of a property a range should cover: its value, or its key (for "unknown key" problems). */
export type PointerPart = 'value' | 'key';


/** A parsed JSON text that can say where any of its values is. */
export class JsonDocument {
  readonly lines: LineIndex;
  readonly value: unknown;

  constructor(readonly text: string, readonly root: JsonNode) {
    this.lines = new LineIndex(text);
    this.value = toValue(root);
  }

  /** Range of the value at `pointer` (or of its key); falls back to the deepest existing ancestor. */
  rangeOf(pointer: string, part: PointerPart = 'value'): Range {
    const { node, property } = this.find(pointer);
    if (part === 'key' && property) return this.lines.rangeOf({ start: property.keyStart, end: property.keyEnd });
    return this.lines.rangeOf({ start: node.start, end: node.end });
  }

  /** The node at `pointer`, or the deepest ancestor that exists, with the property that holds it. */
  find(pointer: string): { node: JsonNode; property?: JsonProperty; exact: boolean } {
    let node = this.root;
    let property: JsonProperty | undefined;
    for (const segment of parsePointer(pointer)) {
      let child: JsonNode | undefined;
      let childProperty: JsonProperty | undefined;
      if (node.kind === 'object') {
        // The last duplicate wins, matching the parsed value that validators see.
        childProperty = [...node.properties].reverse().find((p) => p.key === segment);
        child = childProperty?.value;
      } else if (node.kind === 'array' && /^(0|[1-9]\d*)$/.test(segment)) {
        child = node.items[Number(segment)];
      }
      if (!child) return { node, property, exact: false };
      node = child;
      property = childProperty;
    }
    return { node, property, exact: true };
  }
}

export type ParsedJson = { ok: true; doc: JsonDocument } | { ok: false; message: string; range: Range };

/** Parses JSON text; a syntax error comes back with the range of the bad token. */
export function parseJsonDocument(text: string): ParsedJson {
  try {
    return { ok: true, doc: new JsonDocument(text, parseJsonTree(text)) };
  } catch (e) {
    const lines = new LineIndex(text);
    // The tree is built recursively: absurd nesting is a problem of the file, not a crash of the analysis.
    if (e instanceof RangeError) return { ok: false, message: 'JSON nested too deeply to read', range: lines.rangeOf({ start: 0, end: 0 }) };
    if (!(e instanceof JsonSyntaxError)) throw e;
    return { ok: false, message: e.message, range: lines.rangeOf({ start: e.start, end: e.end }) };
  }
}

/** Splits an RFC 6901 JSON pointer ("/rules/missing-kms") into unescaped segments. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, segment: string): string {
  return `${base}/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}
