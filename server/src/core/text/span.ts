/** A half-open range of JS string indices (UTF-16 code units): [start, end). */
export interface Span {
  start: number;
  end: number;
}

/** The source text a span covers. */
export function spanText(text: string, span: Span): string {
  return text.slice(span.start, span.end);
}
