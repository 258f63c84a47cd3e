// HCL reports columns as 1-based grapheme-cluster counts (parsing.md §1 "Coordinates"); LSP wants UTF-16
// offsets. Local stand-in for the team's `core/text/graphemes.ts` (same signature, so the lead can dedupe).

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** UTF-16 offset in `lineText` of the 1-based grapheme column; columns past the end clamp to the line's length. */
export function graphemeColumnToUtf16(lineText: string, column1Based: number): number {
  // Array.from rather than for-of/spread: both silently iterate nothing when a tool down-levels to ES5.
  const segments = Array.from(segmenter.segment(lineText));
  const segment = segments[Math.max(0, column1Based - 1)];
  return segment ? segment.index : lineText.length;
}
