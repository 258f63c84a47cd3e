/** A half-open range of JS string indices (UTF-16 code units): [start, end). */
export interface Span {
  start: number;
  end: number;
}
