// HCL diagnostics count columns in grapheme clusters (measured, see reference/parsing.md "Error format");
// LSP wants UTF-16 code units. Intl.Segmenter gave the right answer for ZWJ emoji, flags and tabs.

let segmenter: Intl.Segmenter | undefined;

/** HCL error columns are 1-based grapheme-cluster columns; convert to 0-based UTF-16 character on that line. */
export function graphemeColumnToUtf16(lineText: string, column1Based: number): number {
  const wanted = Math.floor(column1Based) - 1;
  if (!(wanted > 0)) return 0; // also catches NaN
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const clusters = Array.from(segmenter.segment(lineText));
  // Past the last cluster (HCL points one column beyond the text at end-of-line errors): clamp.
  return wanted < clusters.length ? clusters[wanted].index : lineText.length;
}
