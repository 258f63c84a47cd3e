// What a user does in an editor, drawn from a seeded PRNG: typing, deleting, pasting and deleting whole stream
// blocks, line breaks of every kind, unicode (surrogate pairs and combining marks), undo, and the requests an
// editor sends meanwhile (hover, code lens, inlay hints, code actions). Every action is computed from the text as
// it is when the action is taken, so a seed replays the same session.
import type { Position, Range } from 'vscode-languageserver';
import { scan, type ScannedBlock } from '../../../server/src/core/syntax/scanner';
import type { Change, EditorDocument } from './editorDocument';

export type Rng = () => number;

export type Action =
  | { kind: 'change'; changes: Change[]; what: string }
  | { kind: 'undo' }
  /** The tab is closed and opened again (the disk text counts in between), with the next version. */
  | { kind: 'reopen' }
  | { kind: 'hover'; position: Position }
  | { kind: 'lens' }
  | { kind: 'hints'; range: Range }
  /** `apply`: wait for this version's diagnostics, ask, and apply one returned action as an editor would. */
  | { kind: 'codeAction'; range: Range; only?: string[]; apply: boolean };

export const FIX_ALL = 'source.fixAll.kinesisLint';

const int = (rnd: Rng, n: number): number => Math.floor(rnd() * n);
const pick = <T>(rnd: Rng, xs: readonly T[]): T => xs[int(rnd, xs.length)];

/** Pieces a user types or pastes: HCL delimiters, templates, line breaks, unicode (a surrogate pair, a combining mark). */
const FRAGMENTS = ['{', '}', '"', '${', '}"', '%{', '[', ']', '(', ')', '=', ',', '#', '//', '/*', '*/', '\n', '\r\n', '\r', '\t', ' ',
  '<<EOF\n', '\nEOF\n', '\u{1F600}', '\u{1D11E}', 'e\u0301', '\u00e9', '\u2028', '\uFEFF', '1', '0', '-', '.', 'x'];
/** Tokens typed one character at a time. */
const TOKENS = ['shard_count = 4', 'encryption_type = "KMS"', 'kms_key_id = "alias/k"', 'retention_period = 168', 'count = 2',
  '"${var.environment}-x"', '# kinesis-lint: write_mib_per_sec=5', '# kinesis-lint-ignore: missing-kms', 'stream_mode_details {\n  stream_mode = "ON_DEMAND"\n}',
  'var.shard_count', 'aws_kinesis_stream', '\u{1F680} rocket', 'for_each = toset(["a", "b"])'];

let blockNo = 0;
/** A whole stream block as a user pastes it (sometimes with the annotation above it, CRLF line breaks or no final newline). */
function streamBlock(rnd: Rng): string {
  const name = `pasted_${blockNo++ % 7}`;
  const body = [
    `  name        = "${name}"`,
    pick(rnd, ['  shard_count = 1', '  shard_count = 8', '  shard_count = var.shard_count', '  stream_mode_details {\n    stream_mode = "ON_DEMAND"\n  }']),
    ...(rnd() < 0.5 ? ['  encryption_type = "KMS"', '  kms_key_id      = "alias/aws/kinesis"'] : []),
    ...(rnd() < 0.3 ? ['  retention_period = 168'] : []),
    ...(rnd() < 0.2 ? ['  count = 2'] : []),
  ];
  const lines = [
    ...(rnd() < 0.5 ? [`# kinesis-lint: write_mib_per_sec=${pick(rnd, ['0.5', '3', '12'])} consumers=${pick(rnd, ['1', '3'])}`] : []),
    `resource "aws_kinesis_stream" "${name}" {`,
    ...body,
    '}',
    '',
  ];
  const text = lines.join('\n');
  return rnd() < 0.15 ? text.replace(/\n/g, '\r\n') : text;
}

function randomPosition(doc: EditorDocument, rnd: Rng): Position {
  const line = int(rnd, doc.lineCount);
  // Mostly inside the line; sometimes one past its end (LSP clamps), which the server must accept too.
  return { line, character: int(rnd, doc.line(line).length + (rnd() < 0.05 ? 3 : 1)) };
}

function randomRange(doc: EditorDocument, rnd: Rng, maxLines: number): Range {
  const a = randomPosition(doc, rnd);
  const line = Math.min(doc.lineCount - 1, a.line + int(rnd, maxLines + 1));
  const b = line === a.line
    ? { line, character: Math.min(doc.line(line).length, a.character + int(rnd, 12)) }
    : { line, character: int(rnd, doc.line(line).length + 1) };
  const before = b.line < a.line || (b.line === a.line && b.character < a.character);
  return before ? { start: b, end: a } : { start: a, end: b };
}

const lineStart = (line: number): Position => ({ line, character: 0 });

function topBlocks(doc: EditorDocument): ScannedBlock[] {
  return scan(doc.text).body.items.filter((i): i is ScannedBlock => i.kind === 'block');
}

/** Values a user puts after `=`: numbers, strings, references, unknowns, templates. */
const VALUES = ['1', '4', '0', '-1', '2.5', '100000', '"KMS"', '"NONE"', '"alias/aws/kinesis"', 'var.shard_count', 'var.nope', 'local.x',
  'null', 'true', '"${var.environment}-s"', '168', '8760', '"ON_DEMAND"', '[]', '{}', 'max(2, 3)'];

/** Types `text` at `offset`, one didChange per keystroke (a surrogate pair is one keystroke). */
function* typeAt(doc: EditorDocument, offset: number, text: string, what: string): Generator<Action> {
  for (let i = 0; i < text.length; ) {
    const n = text.codePointAt(i)! > 0xffff ? 2 : 1;
    yield { kind: 'change', changes: [{ range: emptyAt(doc.positionAt(offset + i)), text: text.slice(i, i + n) }], what };
    i += n;
  }
}

/** One edit (a didChange with one or a few changes, or a few keystrokes). */
function* edit(doc: EditorDocument, rnd: Rng): Generator<Action> {
  const roll = rnd();
  if (roll < 0.15) {
    yield { kind: 'change', changes: [{ range: emptyAt(randomPosition(doc, rnd)), text: pick(rnd, FRAGMENTS) }], what: 'insert fragment' };
  } else if (roll < 0.25) {
    yield { kind: 'change', changes: [{ range: randomRange(doc, rnd, rnd() < 0.8 ? 0 : 3), text: '' }], what: 'delete range' };
  } else if (roll < 0.3) {
    const line = int(rnd, doc.lineCount);
    const end = line + 1 < doc.lineCount ? lineStart(line + 1) : { line, character: doc.line(line).length };
    yield { kind: 'change', changes: [{ range: { start: lineStart(line), end }, text: '' }], what: 'delete line' };
  } else if (roll < 0.38) {
    yield* typeAt(doc, doc.offsetAt(randomPosition(doc, rnd)), pick(rnd, TOKENS), 'type token');
  } else if (roll < 0.52) {
    // A whole argument line typed at the start of a line: half-typed on the way, usually valid once done.
    const token = pick(rnd, TOKENS.filter((t) => /^[a-z_]+ = /.test(t) || t.startsWith('#')));
    yield* typeAt(doc, doc.offsetAt(lineStart(int(rnd, doc.lineCount))), `  ${token}\n`, 'type line');
  } else if (roll < 0.64) {
    const values = [...doc.text.matchAll(/=[ \t]*([^\s{][^\r\n]*)/g)];
    if (values.length === 0) return;
    const m = pick(rnd, values);
    const start = m.index! + m[0].length - m[1].length;
    yield { kind: 'change', changes: [{ range: doc.rangeOf(start, start + m[1].length), text: pick(rnd, VALUES) }], what: 'replace value' };
  } else if (roll < 0.73) {
    yield { kind: 'change', changes: [{ range: emptyAt(lineStart(int(rnd, doc.lineCount))), text: streamBlock(rnd) }], what: 'paste block' };
  } else if (roll < 0.8) {
    const blocks = topBlocks(doc);
    if (blocks.length === 0) return;
    const b = pick(rnd, blocks);
    yield { kind: 'change', changes: [{ range: doc.rangeOf(b.span.start, b.span.end), text: '' }], what: 'delete block' };
  } else if (roll < 0.88) {
    yield { kind: 'change', changes: [{ range: randomRange(doc, rnd, 1), text: pick(rnd, FRAGMENTS) }], what: 'replace range' };
  } else {
    // Several changes in one notification (multi-cursor, format): each applies to the result of the previous.
    const changes: Change[] = [];
    for (let n = 2 + int(rnd, 3); n > 0; n--) changes.push({ range: emptyAt(randomPosition(doc, rnd)), text: pick(rnd, FRAGMENTS) });
    yield { kind: 'change', changes, what: 'multi-change' };
  }
}

const emptyAt = (p: Position): Range => ({ start: p, end: p });

/** An endless session on `doc`; the caller applies each action before taking the next. */
export function* session(doc: EditorDocument, rnd: Rng): Generator<Action> {
  for (;;) {
    const roll = rnd();
    // Past ~8,000 characters, shrink (undo or delete a block) so the session stays about editor-sized.
    if (doc.text.length > 8000) {
      if (doc.undoStack.length > 0 && rnd() < 0.5) yield { kind: 'undo' };
      else yield { kind: 'change', changes: [{ range: doc.rangeOf(0, Math.min(doc.text.length, 2000)), text: '' }], what: 'delete top' };
    } else if (roll < 0.55) yield* edit(doc, rnd);
    else if (roll < 0.63) {
      // Undo one or a few edits (each is one didChange of the inverse).
      for (let n = 1 + int(rnd, 4); n > 0 && doc.undoStack.length > 0; n--) yield { kind: 'undo' };
    } else if (roll < 0.645) yield { kind: 'reopen' };
    else if (roll < 0.73) yield { kind: 'hover', position: randomPosition(doc, rnd) };
    else if (roll < 0.78) yield { kind: 'lens' };
    else if (roll < 0.83) yield { kind: 'hints', range: randomRange(doc, rnd, 40) };
    else {
      const only = pick(rnd, [undefined, ['quickfix'], [FIX_ALL], ['source'], ['quickfix', FIX_ALL]]);
      yield { kind: 'codeAction', range: randomRange(doc, rnd, 2), only, apply: rnd() < 0.5 };
    }
  }
}
