// An editor's buffer after a few edits is a rope of concatenated pieces (a V8 "cons string"): reading it one character
// at a time walks the rope on every access (8 ms to compare two 500 KB texts, against 0.04 ms flat). A regular
// expression needs a flat subject, so V8 flattens the string in place once; every later access (scanner, line index,
// the edit's diff) then reads flat memory. (A plain indexOf was measured not to flatten it.)
const NUL = /\u0000/;

export function flatten(text: string): string {
  NUL.test(text);
  return text;
}
