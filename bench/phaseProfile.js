// Child process: where the time of one re-analysis goes, measured on the compiled core with the caches the server
// keeps, so a missed latency target comes with its reason. Usage: node phaseProfile.js RUNS FILE [LINE:CHARACTER]
// (where to type; default: the end of the first shard_count line after the middle of FILE). FILE's directory is
// the module analysed. Prints JSON, all medians in ms:
//   parseMs      a whole-file parse through the server's parser (worker thread, result copied back)
//   editMs       re-analysis after a one-character edit in a stream block, caches warm (the server's work per keystroke)
//   unchangedMs  re-analysis of unchanged text: every cache hits, so this is the fixed cost of a pass
//   uncachedMs   re-analysis after the edit with a fresh result cache (parse cache warm): model, rules and pricing of
//                every stream, what the result cache saves
//   editParses   texts the parse cache sent to the parser worker during the edit pass, and editParsedKB their size:
//                one block when only the edited block is re-parsed, most of the module when the cache evicts
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { median } = require('./stats');

const out = path.join(__dirname, '..', 'server', 'out');
const { Analyzer } = require(path.join(out, 'core', 'analyze'));
const { HclParser } = require(path.join(out, 'core', 'syntax', 'hcl2json'));
const { CachedParser } = require(path.join(out, 'core', 'syntax', 'parseCache'));
const { nodeHost } = require(path.join(out, 'node', 'nodeHost'));

/** The server's stream-result cache, when this build has one (absent builds profile without it). */
function newResultCache() {
  try {
    const { ResultCache } = require(path.join(out, 'core', 'pipeline', 'resultCache'));
    return new ResultCache();
  } catch {
    return undefined;
  }
}

/** The offset of "LINE:CHARACTER" (0-based, as LSP positions) in text. */
function offsetOf(text, position) {
  const [line, character] = position.split(':').map(Number);
  let at = 0;
  for (let i = 0; i < line; i++) at = text.indexOf('\n', at) + 1;
  return at + character;
}

async function time(fn) {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

async function main() {
  // At most 9 runs: each inserts a different digit 1-9.
  const runs = Math.min(9, Number(process.argv[2]));
  const file = process.argv[3];
  const dir = path.dirname(file);
  const original = fs.readFileSync(file, 'utf8');
  let text = original;
  // The disk, except that `file` reads as the editor's current buffer.
  const host = { ...nodeHost, readFile: async (p) => (p === file ? text : nodeHost.readFile(p)) };
  const parser = new HclParser();
  // Counts what misses the parse cache and goes to the worker.
  const misses = { count: 0, chars: 0 };
  const counting = {
    parse: (t) => {
      misses.count++;
      misses.chars += t.length;
      return parser.parse(t);
    },
  };
  const parseCache = new CachedParser(new Proxy(parser, { get: (p, k) => (k === 'parse' ? counting.parse : typeof p[k] === 'function' ? p[k].bind(p) : p[k]) }));
  // The server keeps each file's last SourceFile: an edited file is re-parsed from it, only where the edit touched.
  const sourceFiles = new Map();
  const analyzer = (resultCache) => new Analyzer(host, { parser, parseCache, resultCache, sourceFiles });
  const resultCache = newResultCache();
  // Warm-up: the worker's WASM and the core's JavaScript reach their optimised tiers only after a few runs.
  // (the first ~200 KB only: whole parses of a 2 MB file take seconds each and warm the worker no better)
  const cut = original.indexOf('\n}\n', 200_000);
  const head = cut < 0 ? original : original.slice(0, cut + 3);
  for (let i = 0; i < 3; i++) await parser.parse(head);
  for (let i = 0; i < 2; i++) await analyzer(resultCache).analyzeModules([dir]);

  const r = { parse: [], edit: [], unchanged: [], uncached: [], parses: [], parsedKB: [] };
  // The first shard_count after the middle of the file (where the typing session edits too), at the end of its
  // value; inserting a new digit each time makes every edited text new to the caches, like real typing.
  const at = process.argv[4] ? offsetOf(original, process.argv[4])
    : original.indexOf('\n', original.indexOf('shard_count', Math.floor(original.length / 2)));
  for (let i = 0; i < runs; i++) {
    // One whole-file parse is enough past ~500 KB (seconds each, little spread); every run below that.
    if (i === 0 || original.length < 500_000) r.parse.push(await time(() => parser.parse(original)));
    text = original.slice(0, at) + String(i + 1) + original.slice(at);
    const before = { ...misses };
    r.edit.push(await time(() => analyzer(resultCache).analyzeModules([dir])));
    r.parses.push(misses.count - before.count);
    r.parsedKB.push((misses.chars - before.chars) / 1024);
    r.unchanged.push(await time(() => analyzer(resultCache).analyzeModules([dir])));
    r.uncached.push(await time(() => analyzer(newResultCache()).analyzeModules([dir])));
  }
  await parser.dispose();
  process.stdout.write(JSON.stringify({
    parseMs: median(r.parse),
    editMs: median(r.edit),
    unchangedMs: median(r.unchanged),
    uncachedMs: median(r.uncached),
    resultCache: resultCache !== undefined,
    editParses: median(r.parses),
    editParsedKB: median(r.parsedKB),
    lines: original.split('\n').length,
  }));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e && e.stack) || e));
    process.exit(1);
  },
);
