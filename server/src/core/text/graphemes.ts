// HCL diagnostics count columns in grapheme clusters (measured, see reference/parsing.md "Error format");
// LSP wants UTF-16 code units. Intl.Segmenter gave the right answer for ZWJ emoji, flags and tabs.

let segmenter: Intl.Segmenter | undefined;

/** HCL error columns are 1-based grapheme-cluster columns; convert to 0-based UTF-16 character on that line. */
export function graphemeColumnToUtf16(lineText: string, column1Based: number): number {
  const wanted = Math.floor(column1Based) - 1;
  if (!(wanted > 0)) return 0; // also catches NaN
  // Below U+0300 (no combining marks, no surrogates) every character is its own cluster: the column is the index.
  // Errors on 40,000-character lines would otherwise take seconds to segment.
  if (/^[\u0000-\u02ff]*$/.test(lineText.slice(0, wanted + 1))) return Math.min(wanted, lineText.length);
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  // The segment iterator is lazy: stop at the wanted cluster instead of splitting the whole line.
  let n = 0;
  for (const cluster of segmenter.segment(lineText)) {
    if (n++ === wanted) return cluster.index;
  }
  // Past the last cluster (HCL points one column beyond the text at end-of-line errors): clamp.
  return lineText.length;
}
