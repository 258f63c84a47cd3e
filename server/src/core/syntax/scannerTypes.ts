// Result shapes of the HCL structure scanner (scanner.ts). All offsets are JS string indices (UTF-16).
import type { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/span';

export type { Span } from '../text/span';

export interface ScannedAttribute {
  kind: 'attribute';
  name: string;
  nameSpan: Span;
  /**
   * The expression's source text, trimmed of surrounding whitespace, excluding trailing comments.
   * Empty (start === end, just after '=') when the value is missing (`shard_count =`).
   */
  valueSpan: Span;
  /** Name start .. value end. */
  span: Span;
}

/** A block label; span includes the quotes, value is unquoted and unescaped. */
export interface ScannedLabel {
  value: string;
  span: Span;
  quoted: boolean;
}

export interface ScannedBlock {
  kind: 'block';
  type: string;
  typeSpan: Span;
  labels: ScannedLabel[];
  /** Type start .. just after '{'. */
  headerSpan: Span;
  /** Offset of '{'. */
  openBrace: number;
  /** Offset of the matching '}', null when unclosed (half-typed file). */
  closeBrace: number | null;
  /**
   * Type start .. after '}'. When unclosed: to the end of the text, or, when error recovery ended the
   * block early (a less indented line), to the last non-whitespace character before that line.
   */
  span: Span;
  /** '{' and '}' on the same line. */
  oneLine: boolean;
  body: ScannedBody;
}

export type ScannedItem = ScannedAttribute | ScannedBlock;

export interface ScannedBody {
  /** Attributes and blocks in source order. */
  items: ScannedItem[];
}

export interface ScannedComment {
  span: Span;
  /** Full comment text including its marker (and the closing star-slash of a block comment). */
  text: string;
  style: '#' | '//' | '/*';
}

export interface ScanResult {
  /** Top-level items. */
  body: ScannedBody;
  /** Every comment in the file in source order, including those inside blocks and expressions. */
  comments: ScannedComment[];
  /** Deepest nesting of blocks, brackets, braces and interpolations seen (hcl2json crashes on very deep input). */
  maxDepth: number;
  lineIndex: LineIndex;
}
