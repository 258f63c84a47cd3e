// The edits of a differential session: what a user types (characters, deletions, numbers) and what a user does to
// whole blocks (insert, delete, move within a file or to another file, paste a large chunk), on a module given as
// `{ path: text }`. Every edit is a pure function of the files and the seeded random source, so a failure replays.
// Text inserted into a file written with CRLF line breaks uses CRLF too, as an editor does.
import { moduleText } from './generated';

export type Files = Record<string, string>;
export type Rng = () => number;

export const pick = <T>(rnd: Rng, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

const eolOf = (text: string) => (text.includes('\r\n') ? '\r\n' : '\n');
const withEol = (s: string, eol: string) => (eol === '\n' ? s : s.replace(/\r?\n/g, eol));

/** What a user types: digits, names, braces, quotes, newlines, deletions, and whole pasted lines. */
export function typeEdit(text: string, rnd: Rng): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const pieces = ['1', '0', '9', 'a', '_', ' ', '"', '{', '}', '=', '\n', '#', '[', ']', '${', 'shard_count = 3\n', 'retention_period = 200\n'];
  const r = rnd();
  if (r < 0.45) return text.slice(0, at) + withEol(pick(rnd, pieces), eolOf(text)) + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
  // Replace a digit run with another number: the edits a user makes to shard_count or retention_period.
  return text.replace(/\b\d+\b/, String(Math.floor(rnd() * 900)));
}

/** A top-level block: from its first annotation comment line (if any) to just after its closing `}` line. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The top-level blocks of formatted text: a header line at column 0 ending in `{`, closed by the next `}` line at
 * column 0, with the `#` comment lines just above it (a stream's load annotations travel with it).
 */
export function topBlocks(text: string): Span[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const line = (i: number) => text.slice(starts[i], i + 1 < starts.length ? starts[i + 1] : text.length).replace(/\r?\n$/, '');
  const out: Span[] = [];
  for (let i = 0; i < starts.length; i++) {
    if (!/^[A-Za-z_][\w-]*( +"[^"]*")* *\{\s*$/.test(line(i))) continue;
    let j = i + 1;
    while (j < starts.length && !/^\}\s*$/.test(line(j))) j++;
    if (j >= starts.length) break;
    let first = i;
    while (first > 0 && line(first - 1).startsWith('#')) first--;
    out.push({ start: starts[first], end: j + 1 < starts.length ? starts[j + 1] : text.length });
    i = j;
  }
  return out;
}

/** An offset where a block may go: the start or end of a top-level block, or the start or end of the file. */
function boundary(text: string, rnd: Rng): number {
  const spots = [0, text.length, ...topBlocks(text).flatMap((b) => [b.start, b.end])];
  return pick(rnd, spots);
}

/** `block` (ending in a line break) put at a block boundary of `text`, followed by a blank line. */
export function insertAt(text: string, at: number, block: string): string {
  const eol = eolOf(text);
  const lead = at > 0 && text[at - 1] !== '\n' ? eol : '';
  return text.slice(0, at) + lead + withEol(block, eol) + eol + text.slice(at);
}

/** A new name for what an edit adds, from the session's random source (so a replay adds the same names). */
export const fresh = (what: string, rnd: Rng) => `${what}_n${Math.floor(rnd() * 1e9)}`;

export function newStream(name: string, shards = 'var.shards_extra'): string {
  return [
    '# kinesis-lint: write_mib_per_sec=3 records_per_sec=2500',
    `resource "aws_kinesis_stream" "${name}" {`,
    `  name             = "${name}"`,
    `  shard_count      = ${shards}`,
    '  retention_period = 48',
    '}',
    '',
  ].join('\n');
}

export function newVariable(name = 'shards_extra', value = 2): string {
  return [`variable "${name}" {`, '  type    = number', `  default = ${value}`, '}', ''].join('\n');
}

/** Generated stream groups (variable, stream, consumers) of at least `lines` lines, with ids that are new. */
export function pasteChunk(lines: number, rnd: Rng): string {
  const prefix = fresh('p', rnd);
  const text = moduleText(lines + 30, Math.floor(rnd() * 1e6)).text;
  return renameIds(text.slice(text.indexOf('variable "retention_')), `${prefix}_`) + '\n';
}

/** bench/generate.js names its streams s0000, s0001…: give them another prefix (so several chunks can coexist). */
export function renameIds(text: string, prefix: string): string {
  return text.replace(/(?<![A-Za-z0-9])s(\d{4})(?!\d)/g, `${prefix}$1`);
}

export interface Edited {
  files: Files;
  /** What was done, for a failure message. */
  label: string;
}

const blocksOf = (files: Files, file: string) => topBlocks(files[file]);

const dirOf = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');

/**
 * Cut a whole block and paste it elsewhere: in the same file, or in another file of the same module. The blank line
 * after the block goes with it, so a move within a file keeps the file's length (a cache that compared lengths
 * instead of texts would be caught).
 */
export function moveBlock(files: Files, file: string, rnd: Rng, toOtherFile: boolean): Edited | undefined {
  const text = files[file];
  const blocks = topBlocks(text);
  if (blocks.length === 0) return undefined;
  const b = pick(rnd, blocks);
  const eol = eolOf(text);
  const end = text.startsWith(eol, b.end) ? b.end + eol.length : b.end;
  const block = text.slice(b.start, b.end).replace(/(\r?\n)*$/, '\n');
  const rest = text.slice(0, b.start) + text.slice(end);
  const others = Object.keys(files).filter((f) => f !== file && f.endsWith('.tf') && dirOf(f) === dirOf(file));
  if (toOtherFile && others.length === 0) return undefined;
  const target = toOtherFile ? pick(rnd, others) : file;
  const out = { ...files, [file]: rest };
  out[target] = insertAt(out[target], boundary(out[target], rnd), block);
  return { files: out, label: `move the block at ${file}:${b.start} to ${toOtherFile ? target : 'elsewhere in the file'}` };
}

export function deleteBlock(files: Files, file: string, rnd: Rng): Edited | undefined {
  const blocks = blocksOf(files, file);
  if (blocks.length === 0) return undefined;
  const b = pick(rnd, blocks);
  const header = files[file].slice(b.start, b.end).split('\n').find((l) => !l.startsWith('#'));
  return { files: { ...files, [file]: files[file].slice(0, b.start) + files[file].slice(b.end) }, label: `delete ${header} in ${file}` };
}

export function insertBlock(files: Files, file: string, rnd: Rng, block: string, label: string): Edited {
  return { files: { ...files, [file]: insertAt(files[file], boundary(files[file], rnd), block) }, label: `${label} in ${file}` };
}

/**
 * Break the file as a user does mid-typing: an unclosed brace, an unclosed heredoc or an unclosed string inside a
 * block. `completed` is the same text finished by the user (the brace, heredoc or string closed): a fix that is not
 * an undo.
 */
export function breakFile(files: Files, file: string, rnd: Rng): Edited & { completed: Files } {
  const text = files[file];
  const eol = eolOf(text);
  const blocks = topBlocks(text);
  // Inside a block (after its header line), so the break lands where users type.
  const b = blocks.length ? pick(rnd, blocks) : { start: 0, end: text.length };
  const lineEnd = text.indexOf('\n', text.indexOf('{', b.start));
  const at = lineEnd >= 0 ? lineEnd + 1 : text.length;
  const kind = pick(rnd, ['brace', 'heredoc', 'string'] as const);
  const [open, close] = {
    brace: [`  extra {${eol}    a = 1${eol}`, `  }${eol}`],
    heredoc: [`  description = <<EOT${eol}  text${eol}`, `EOT${eol}`],
    string: ['  description = "unclosed', `"${eol}`],
  }[kind];
  const broken = text.slice(0, at) + open + text.slice(at);
  const completed = text.slice(0, at) + open + close + text.slice(at);
  return { files: { ...files, [file]: broken }, label: `break ${file} with an unclosed ${kind} at ${at}`, completed: { ...files, [file]: completed } };
}

/** Set the value a pattern's first group matches (a variable every stream reads, a module input). */
export function setValue(files: Files, file: string, pattern: RegExp, value: string): Edited | undefined {
  const text = files[file];
  const m = pattern.exec(text);
  if (!m || m[1] === undefined) return undefined;
  const at = m.index + m[0].indexOf(m[1]);
  return { files: { ...files, [file]: text.slice(0, at) + value + text.slice(at + m[1].length) }, label: `set ${pattern} in ${file} to ${value}` };
}
