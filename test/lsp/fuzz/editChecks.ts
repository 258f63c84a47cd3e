// What every code action edit must satisfy against the text it says it was computed for: a version the document
// really had, ranges inside that text, no range splitting a surrogate pair, a CRLF or a word, no two edits
// overlapping, and only text a fix owns touched: a stream block, or where a value comes from (a variable, locals
// or module block, a .tfvars argument), each with the comment lines right above it (annotations, ignore
// comments), and the lines of the finding the action is for ("Ignore … for this line").
import type { CodeAction, Range, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { scan, type ScannedBlock } from '../../../server/src/core/syntax/scanner';
import { lineStarts } from '../../../server/src/core/fixes/applyEdits';

/** The edits of `action` per URI with the version they carry (null: a file that is not open). */
export function editsOf(action: CodeAction): { uri: string; version: number | null; edits: TextEdit[] }[] {
  const edit = action.edit;
  if (!edit) return [];
  if (edit.changes) throw new Error(`"${action.title}": unversioned changes sent to a client that accepts documentChanges`);
  return (edit.documentChanges ?? []).map((c) => {
    if (!('textDocument' in c)) throw new Error(`"${action.title}": a resource operation ${JSON.stringify(c)}`);
    const d = c as TextDocumentEdit;
    return { uri: d.textDocument.uri, version: d.textDocument.version, edits: d.edits as TextEdit[] };
  });
}

const isWord = (ch: string | undefined) => ch !== undefined && /[A-Za-z0-9_]/.test(ch);
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** Offset of a position that must lie inside `text` (no clamping: a server must not rely on it). */
function exactOffset(text: string, starts: number[], p: Range['start'], what: string): number {
  if (p.line >= starts.length) throw new Error(`${what}: line ${p.line} past the last line ${starts.length - 1}`);
  let end = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  while (end > starts[p.line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  if (p.character > end - starts[p.line]) throw new Error(`${what}: character ${p.character} past the end of line ${p.line} (${end - starts[p.line]})`);
  return starts[p.line] + p.character;
}

/** Offset spans a fix may touch in `text` (top-level arguments count: they are a .tfvars file's values). */
export function ownedSpans(text: string): { start: number; end: number; what: string }[] {
  const starts = lineStarts(text);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return line;
  };
  const owned: { start: number; end: number; what: string }[] = [];
  for (const item of scan(text).body.items) {
    const b = item as ScannedBlock;
    const stream = b.type === 'resource' && b.labels[0]?.value === 'aws_kinesis_stream';
    if (item.kind === 'block' && !stream && !['variable', 'locals', 'module'].includes(b.type)) continue;
    // From the first of the comment lines right above the block to the end of its last line.
    let first = lineOf(b.span.start);
    while (first > 0 && /^[ \t]*(#|\/\/)/.test(text.slice(starts[first - 1], starts[first]))) first--;
    const lastLine = lineOf(Math.max(b.span.start, b.span.end - 1));
    const end = lastLine + 1 < starts.length ? starts[lastLine + 1] : text.length;
    owned.push({ start: starts[first], end, what: item.kind === 'block' ? `${b.type} ${b.labels.map((l) => l.value).join('.')}` : item.name });
  }
  return owned;
}

/** Throws when `edits` cannot be applied cleanly to `text`, or touch text no fix owns. */
export function checkEdits(text: string, edits: readonly TextEdit[], title: string, findings: readonly Range[] = []): void {
  const starts = lineStarts(text);
  const lineSpan = (r: Range) => ({
    start: starts[Math.min(r.start.line, starts.length - 1)],
    end: r.end.line + 1 < starts.length ? starts[r.end.line + 1] : text.length,
    what: 'the finding',
  });
  const owned = [...ownedSpans(text), ...findings.map(lineSpan)];
  const spans = edits.map((e, i) => {
    const what = `"${title}" edit ${i} ${JSON.stringify(e)}`;
    const s = exactOffset(text, starts, e.range.start, what);
    const end = exactOffset(text, starts, e.range.end, what);
    if (end < s) throw new Error(`${what}: its end is before its start`);
    for (const o of [s, end]) {
      if (isHigh(text.charCodeAt(o - 1)) && isLow(text.charCodeAt(o))) throw new Error(`${what}: splits a surrogate pair`);
      if (isWord(text[o - 1]) && isWord(text[o])) throw new Error(`${what}: splits the word around ${JSON.stringify(text.slice(o - 8, o + 8))}`);
    }
    // "Ignore … for this file" inserts its comment line at the very start: an insertion, replacing nothing.
    const fileComment = s === 0 && end === 0 && /^# kinesis-lint-ignore-file: /.test(e.newText);
    if (!fileComment && !owned.some((o) => o.start <= s && end <= o.end)) {
      throw new Error(`${what}: touches ${JSON.stringify(text.slice(s, end + 20))}, outside every stream, variable, locals and module block and argument`);
    }
    return { s, end, what };
  });
  spans.sort((a, b) => a.s - b.s || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const [a, b] = [spans[i - 1], spans[i]];
    if (b.s < a.end) throw new Error(`${a.what} and ${b.what} overlap`);
  }
}

/**
 * The changes that apply `edits` (all relative to the one text, as a TextDocumentEdit's are) one after another, as
 * an editor sends them in a didChange: last first, and of two insertions at one place the later-listed first.
 */
export function sequentialChanges(edits: readonly TextEdit[]): { range: Range; text: string }[] {
  const cmp = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
  return edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => cmp(b.e.range.start, a.e.range.start) || cmp(b.e.range.end, a.e.range.end) || b.i - a.i)
    .map(({ e }) => ({ range: e.range, text: e.newText }));
}
