// Child process: where the time of one re-analysis goes, measured on the compiled core the server uses, so a missed
// latency target comes with its reason. Usage: node phaseProfile.js RUNS FILE. Prints JSON, all medians in ms:
//   parseMs     a whole-file parse through the server's parser (worker thread, result copied back)
//   editMs      re-analysis after a one-character edit, parse cache warm (what the server does per keystroke)
//   cachedMs    re-analysis of unchanged text, every parse a cache hit (model, rules and pricing alone)
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
  const parseCache = new CachedParser(parser);
  const analyzer = new Analyzer(host, { parser, parseCache });
  // Warm-up: the worker's WASM and the core's JavaScript reach their optimised tiers only after a few runs.
  for (let i = 0; i < 3; i++) await parser.parse(original);
  for (let i = 0; i < 2; i++) await analyzer.analyzeModules([dir]);

  const parse = [];
  const edit = [];
  const cached = [];
  // Inserting a new digit each time makes every edited text new to the cache, like real typing.
  const at = original.indexOf('shard_count') + original.slice(original.indexOf('shard_count')).indexOf('\n');
  for (let i = 0; i < runs; i++) {
    parse.push(await time(() => parser.parse(original)));
    text = original.slice(0, at) + String(i + 1) + original.slice(at);
    edit.push(await time(() => analyzer.analyzeModules([dir])));
    cached.push(await time(() => analyzer.analyzeModules([dir])));
  }
  await parser.dispose();
  process.stdout.write(JSON.stringify({ parseMs: median(parse), editMs: median(edit), cachedMs: median(cached) }));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e && e.stack) || e));
    process.exit(1);
  },
);
