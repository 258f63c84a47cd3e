// An edited file re-parsed from its previous SourceFile (updateSourceFile.ts) must equal a from-scratch parse of the
// new text exactly — scan, comments, line index, blocks, values, syntax errors — while redoing only the top-level
// items the edit touched (asserted by counts, never by time).
import { strict as assert } from 'node:assert';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseSourceFile, type HclAttribute, type HclBlock, type SourceFile } from '../../server/src/core/syntax/sourceFile';
import { isConsumed, reparseSourceFile, updateStats, type UpdateStats } from '../../server/src/core/syntax/updateSourceFile';
import { CachedParser, type TextParser } from '../../server/src/core/syntax/parseCache';
import { scanFacts } from '../../server/src/core/syntax/scanner';
import { loadModuleSource } from '../../server/src/core/model/moduleSource';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';

const PATH = '/ws/main.tf';

/** Every observable part of a SourceFile as plain data; also checks that every block and argument points at it. */
function shape(file: SourceFile): unknown {
  const attr = (a: HclAttribute): unknown => {
    assert.equal(a.file, file, `argument ${a.name} belongs to the file`);
    return { name: a.name, scanned: a.scanned, json: a.json };
  };
  const block = (b: HclBlock): unknown => {
    assert.equal(b.file, file, `block ${b.type} ${b.labels.join(' ')} belongs to the file`);
    return {
      type: b.type,
      labels: b.labels,
      scanned: b.scanned,
      hasValues: b.hasValues,
      attributes: [...b.attributes].map(([k, a]) => [k, attr(a)]),
      blocks: b.blocks.map(block),
    };
  };
  const scannedBlocks = file.scan.body.items.filter((i) => i.kind === 'block');
  assert.equal(file.blocks.length, scannedBlocks.length);
  file.blocks.forEach((b, i) => assert.equal(b.scanned, scannedBlocks[i], 'a block holds its own scan'));
  assert.equal(file.lines, file.scan.lineIndex);
  return {
    path: file.path,
    text: file.text,
    eol: file.eol,
    syntax: file.syntax,
    body: file.scan.body,
    comments: file.scan.comments,
    maxDepth: file.scan.maxDepth,
    facts: scanFacts(file.scan),
    lineStarts: file.lines.lineStarts,
    blocks: file.blocks.map(block),
    attributes: [...file.attributes].map(([k, a]) => [k, attr(a)]),
    syntaxErrors: file.syntaxErrors,
  };
}

/** hcl2json behind a parse cache, counting the texts that reach hcl2json. */
function countingCache(): { parser: CachedParser; calls: string[] } {
  const calls: string[] = [];
  const inner: TextParser = { parse: (text) => (calls.push(text), sharedParser().parse(text)) };
  return { parser: new CachedParser(inner), calls };
}

/** Updates `previous` to `text` and checks the result against a from-scratch parse (no cache). */
async function update(previous: SourceFile, text: string, parser: TextParser): Promise<{ file: SourceFile; stats: UpdateStats }> {
  const file = await reparseSourceFile(PATH, text, parser, previous);
  const scratch = await parseSourceFile(PATH, text, sharedParser());
  assert.deepStrictEqual(shape(file), shape(scratch));
  const stats = updateStats(file)!;
  assert.equal(isConsumed(previous), stats.incremental, 'an update consumes the previous file');
  return { file, stats };
}

function stream(i: number, shards = (i % 5) + 1): string {
  return `resource "aws_kinesis_stream" "s${i}" {\n  name        = "s${i}"\n  shard_count = ${shards}\n}\n`;
}

function streams(n: number, eol = '\n'): string {
  const text = Array.from({ length: n }, (_, i) => stream(i)).join('\n');
  return eol === '\n' ? text : text.replace(/\n/g, eol);
}

function splice(text: string, at: number, remove: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + remove);
}

describe('incremental re-parse of an edited file', function () {
  this.timeout(120_000);

  it('a one-character edit in one block of a 3,000-block file rescans, joins and parses only that block', async () => {
    const { parser, calls } = countingCache();
    const text = streams(3000);
    // Parsed whole once (as a first open of a small file is); the update asks the cache for the edited block only.
    const previous = await parseSourceFile(PATH, text, sharedParser());
    const before = [...previous.blocks];
    const at = text.indexOf('shard_count = ', text.indexOf('"s1500"')) + 'shard_count = '.length;
    calls.length = 0;
    const { file, stats } = await update(previous, splice(text, at, 1, '7'), parser);
    assert.deepEqual(
      { incremental: stats.incremental, rescanned: stats.rescannedItems, kept: stats.keptItems, shifted: stats.shiftedItems, rejoined: stats.rejoinedBlocks, parsed: stats.parsedBlocks, whole: stats.wholeParse },
      { incremental: true, rescanned: 1, kept: 2999, shifted: 0, rejoined: 1, parsed: 1, whole: false },
    );
    assert.equal(calls.length, 1, 'one block text reached hcl2json');
    assert.match(calls[0], /^resource "aws_kinesis_stream" "s1500" \{[^]*shard_count = 7\n\}$/);
    // Untouched blocks are the same objects (later stages memoize by them); the edited one is new, with its value.
    assert.ok(file.blocks.every((b, i) => (i === 1500 ? b !== before[i] : b === before[i])));
    assert.equal(file.blocks[1500].attributes.get('shard_count')!.json, 7);
  });

  it('an edit that changes the length shifts every later block exactly (spans, labels, values, lines)', async () => {
    const { parser } = countingCache();
    const text = streams(200);
    const previous = await parseSourceFile(PATH, text, parser);
    const at = text.indexOf('"s100"');
    const { file, stats } = await update(previous, splice(text, at + 2, 0, 'xyz'), parser);
    assert.equal(stats.rescannedItems, 1);
    assert.equal(stats.shiftedItems, 99);
    const moved = file.blocks[150];
    assert.equal(file.text.slice(moved.labels.length && moved.scanned.labels[1].span.start, moved.scanned.labels[1].span.end), '"s150"');
    assert.deepEqual(file.lines.rangeOf(moved.attributes.get('shard_count')!.scanned.valueSpan).start, { line: 150 * 5 + 2, character: 16 });
  });

  it('a newline inserted or deleted shifts the lines of every later block', async () => {
    const { parser } = countingCache();
    const text = streams(50);
    let file = await parseSourceFile(PATH, text, parser);
    const at = text.indexOf('shard_count', text.indexOf('"s20"'));
    ({ file } = await update(file, splice(text, at, 0, '\n  '), parser));
    assert.equal(updateStats(file)!.rescannedItems, 1);
    assert.equal(file.lines.positionAt(file.blocks[30].scanned.span.start).line, 30 * 5 + 1);
    ({ file } = await update(file, text, parser));
    assert.equal(file.lines.positionAt(file.blocks[30].scanned.span.start).line, 30 * 5);
    // Blank lines between two blocks: the text before the next block grows, no item is rescanned.
    const between = text.indexOf('\n\nresource "aws_kinesis_stream" "s31"') + 1;
    let stats: UpdateStats;
    ({ file, stats } = await update(file, splice(text, between, 0, '\n\n\n'), parser));
    assert.deepEqual([stats.incremental, stats.rescannedItems, stats.shiftedItems], [true, 0, 19]);
    // A comment typed after a block's '}' is part of that block's unit: it is rescanned.
    ({ stats } = await update(file, splice(text, between - 1, 0, ' # note'), parser));
    assert.deepEqual([stats.incremental, stats.rescannedItems], [true, 1]);
  });

  it('inserting or deleting whole blocks rescans only the inserted text', async () => {
    const { parser, calls } = countingCache();
    const text = streams(100);
    const previous = await parseSourceFile(PATH, text, parser);
    const at = text.indexOf('resource "aws_kinesis_stream" "s40"');
    calls.length = 0;
    // Pasted before the block (the common prefix `resource "aws_kinesis_stream" "s` makes the edit look like it
    // starts inside s40; it slides back to the block's start).
    const inserted = stream(9999) + '\n' + stream(9998) + '\n';
    const { file, stats } = await update(previous, splice(text, at, 0, inserted), parser);
    assert.deepEqual([stats.rescannedItems, stats.parsedBlocks, calls.length], [2, 2, 2]);
    assert.equal(file.blocks.length, 102);
    // And deleted again: nothing is rescanned at all.
    const after = await update(file, text, parser);
    assert.deepEqual([after.stats.incremental, after.stats.rescannedItems, after.stats.parsedBlocks], [true, 0, 0]);
    // A block deleted with the blank line after it, or the one before it.
    const s40 = text.indexOf('resource "aws_kinesis_stream" "s40"');
    const s41 = text.indexOf('resource "aws_kinesis_stream" "s41"');
    const del = await update(after.file, splice(text, s40, s41 - s40, ''), parser);
    assert.deepEqual([del.stats.rescannedItems, del.file.blocks.length], [0, 99]);
    const del2 = await update(del.file, splice(text, s40 - 1, s41 - s40, ''), parser);
    assert.equal(del2.stats.incremental, true);
  });

  it('edits at the start and the end of the file', async () => {
    const { parser } = countingCache();
    const text = streams(20);
    let file = await parseSourceFile(PATH, text, parser);
    const steps = [
      '# header\n' + text,
      '\n' + text,
      text.slice(1),
      text,
      text + '\n' + stream(20),
      text.slice(0, -1),
      text + '# trailing comment',
      text,
      '',
      text,
    ];
    for (const next of steps) ({ file } = await update(file, next, parser));
    const { stats } = await update(file, '\n' + text, parser);
    assert.deepEqual([stats.incremental, stats.rescannedItems], [true, 0]);
  });

  it('an edit that leaves a brace or a block comment open falls back to a full scan and still equals from scratch', async () => {
    const { parser } = countingCache();
    const text = streams(30);
    const closing = text.indexOf('}\n', text.indexOf('"s10"'));
    let { file, stats } = await update(await parseSourceFile(PATH, text, parser), splice(text, closing, 1, ''), parser);
    assert.equal(stats.incremental, false);
    assert.match(stats.reason!, /open/);
    assert.ok(file.syntaxErrors.length > 0);
    // From the recovered scan, the next update is a full parse too; closing it again gives the original.
    ({ file, stats } = await update(file, text, parser));
    assert.deepEqual([stats.incremental, file.syntaxErrors.length], [false, 0]);
    const comment = text.indexOf('shard_count', text.indexOf('"s12"'));
    ({ file, stats } = await update(file, splice(text, comment, 0, '/* '), parser));
    assert.equal(stats.incremental, false);
    // A block comment closed within the file swallows items up to its end: the rescan resynchronises after it.
    ({ file } = await update(await parseSourceFile(PATH, text, parser), text, parser));
    const end = text.indexOf('shard_count', text.indexOf('"s14"'));
    ({ file, stats } = await update(file, splice(splice(text, end, 0, '*/ '), comment, 0, '/* '), parser));
    assert.equal(stats.incremental, true);
    assert.ok(stats.rescannedItems <= 3);
  });

  it('heredocs: one left without a closing line is kept exact, and the next edit re-parses the whole file', async () => {
    const { parser } = countingCache();
    const text = streams(30).replace('shard_count = 3\n}', 'shard_count = 3\n  policy = <<EOT\n{}\nEOT\n}');
    let file = await parseSourceFile(PATH, text, parser);
    const at = text.indexOf('shard_count', text.indexOf('"s20"'));
    let stats: UpdateStats;
    ({ file, stats } = await update(file, splice(text, at, 0, 'doc = <<NEVER\n  '), parser));
    assert.equal(stats.incremental, true);
    ({ file, stats } = await update(file, text, parser));
    assert.equal(stats.incremental, false);
    assert.match(stats.reason!, /heredoc/);
    // A heredoc opened in one block and closed by a marker line in a later one swallows the blocks between.
    const later = text.indexOf('shard_count', text.indexOf('"s25"'));
    ({ file, stats } = await update(file, splice(splice(text, later, 0, 'XX\n  '), at, 0, 'doc = <<XX\n  '), parser));
    assert.equal(stats.incremental, true);
    assert.ok(file.syntaxErrors.length > 0 || file.blocks.length < 30);
  });

  it('CRLF files: line breaks split, joined and edited across the CR and the LF', async () => {
    const { parser } = countingCache();
    const text = streams(40, '\r\n');
    let file = await parseSourceFile(PATH, text, parser);
    assert.equal(file.eol, '\r\n');
    const crlf = text.indexOf('\r\n', text.indexOf('"s15"'));
    const steps = [
      splice(text, crlf + 1, 0, 'x'), // between CR and LF: a lone CR, then a new line
      splice(text, crlf + 1, 1, ''), // LF removed: a lone CR
      splice(text, crlf, 1, ''), // CR removed
      splice(text, crlf + 2, 0, '\r\n'),
      splice(text, crlf, 0, '\r'),
      text,
    ];
    for (const next of steps) ({ file } = await update(file, next, parser));
    assert.deepEqual(updateStats(file)!.incremental, true);
  });

  it('broken and not blockwise files: errors and values as from scratch, the kept blocks judged again', async () => {
    const { parser } = countingCache();
    const text = streams(20);
    let file = await parseSourceFile(PATH, text, parser);
    const at = text.indexOf('shard_count = ', text.indexOf('"s5"')) + 'shard_count = '.length;
    let stats: UpdateStats;
    ({ file, stats } = await update(file, splice(text, at, 1, ''), parser)); // `shard_count =` with no value
    assert.deepEqual([stats.incremental, stats.wholeParse], [true, true]);
    assert.ok(file.syntaxErrors.length > 0);
    assert.equal(file.blocks[5].hasValues, false);
    assert.equal(file.blocks[6].attributes.get('shard_count')!.json, 2);
    ({ file, stats } = await update(file, text, parser));
    assert.deepEqual([stats.incremental, file.syntaxErrors.length, file.blocks[5].hasValues], [true, 0, true]);
    // Top-level arguments make a file not blockwise (a .tfvars, or garbage): the whole text gives values and verdict.
    ({ file } = await update(file, 'region = "eu-west-1"\n' + text, parser));
    ({ file } = await update(file, 'region = "eu-west-1"\nshards = 3\n' + text, parser));
    assert.equal(file.attributes.get('shards')!.json, 3);
    ({ file } = await update(file, 'region = "eu-west-1"\nshards = \n' + text, parser));
    ({ file, stats } = await update(file, text, parser));
    assert.equal(stats.incremental, true);
  });

  it('random edits, each update made from the last: always equal to a from-scratch parse', async () => {
    const { parser } = countingCache();
    let seed = 11;
    const rnd = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const base = [
      '# header comment\n',
      streams(6),
      '\nlocals {\n  a = [1, 2, {b = 3}]\n  s = "x ${var.y} z"\n}\n',
      'variable "v" {\n  default = <<EOT\nhello\nEOT\n}\n',
      '/* block\ncomment */\nmodule "m" {\n  source = "./m"\n  nested {\n    x = 1 // trailing\n  }\n}\n',
    ].join('\n');
    const pieces = ['1', 'a', ' ', '\n', '\r\n', '\r', '"', '{', '}', '[', ']', '=', '#', '/*', '*/', '<<EOT\n', 'EOT\n', '${', stream(77), 'x = 1\n'];
    let text = base;
    let file = await parseSourceFile(PATH, text, parser);
    let incremental = 0;
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(rnd() * (text.length + 1));
      const r = rnd();
      if (r < 0.5) text = splice(text, at, 0, pieces[Math.floor(rnd() * pieces.length)]);
      else if (r < 0.9) text = splice(text, at, 1 + Math.floor(rnd() * 4), '');
      else text = base;
      const stats: UpdateStats = (await update(file, text, parser).then((u) => ((file = u.file), u.stats)));
      if (stats.incremental) incremental++;
    }
    assert.ok(incremental > 30, `most updates are incremental (${incremental} of 150)`);
  });

  it('loadModuleSource updates an edited file from the previous one', async () => {
    const text = streams(10);
    const files = new Map<string, SourceFile>();
    let current = text;
    const host = { ...memoryHost({ [PATH]: text }), readFile: async (p: string) => (p === PATH ? current : undefined) };
    const parser = new CachedParser(sharedParser());
    await loadModuleSource('/ws', host, parser, { withTfvars: false, files });
    const first = files.get(PATH)!;
    current = splice(text, text.indexOf('shard_count = ') + 14, 1, '9');
    const module = await loadModuleSource('/ws', host, parser, { withTfvars: false, files });
    const second = files.get(PATH)!;
    assert.notEqual(second, first);
    assert.deepEqual([updateStats(second)!.incremental, updateStats(second)!.rescannedItems], [true, 1]);
    assert.equal(module!.resources[0].attributes.get('shard_count')!.json, 9);
    assert.equal(module!.resources[1], first.blocks[1]);
    // Back to the first text: the consumed first file is not reused, the text is updated again.
    current = text;
    await loadModuleSource('/ws', host, parser, { withTfvars: false, files });
    assert.equal(updateStats(files.get(PATH)!)!.incremental, true);
  });
});

describe('incremental re-parse: memory', () => {
  it('kept blocks do not pin the file versions they were scanned from (typing in 20 different blocks of a 1 MB file)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const block = (i: number, v: number) =>
      `resource "aws_kinesis_stream" "stream_number_${i}" {\n  # a comment longer than thirteen characters\n  retention_period = ${24 + v}\n}\n`;
    const textOf = (versions: number[]) => `${'#'.repeat(1_000_000)}\n\n${versions.map((v, i) => block(i, v)).join('\n')}`;
    const versions = Array.from({ length: 20 }, () => 0);
    let file: SourceFile | undefined = await parseSourceFile('/ws/main.tf', textOf(versions), sharedParser());
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    for (let i = 0; i < versions.length; i++) {
      versions[i] = 1;
      file = await reparseSourceFile('/ws/main.tf', textOf(versions), sharedParser(), file);
      assert.equal(updateStats(file)?.rescannedItems, 1);
    }
    gc();
    const grownMB = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
    // 20 pinned versions would be 20 MB; the current text and the first version's kept scan stay.
    assert.ok(grownMB < 6, `heap grew ${grownMB.toFixed(1)} MB`);
    assert.equal(file.blocks.length, 20);
  });
});
