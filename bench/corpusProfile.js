// Child process: where the CLI's time on the corpus goes, on the compiled core the CLI uses (notes only).
// Usage: node corpusProfile.js CORPUS_DIR. Prints JSON in ms:
//   poolMs       analyse every module with one parser worker per core (as the CLI does, workers started first)
//   oneWorkerMs  the same with a single parser worker: if it is no slower, parses are not running in parallel
//   analysisMs   the same modules again on the same Analyzer, every parse a cache hit: model, rules and pricing
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const out = path.join(__dirname, '..', 'server', 'out');
const { Analyzer } = require(path.join(out, 'core', 'analyze'));
const { nodeHost } = require(path.join(out, 'node', 'nodeHost'));

/** The CLI's own bound on parser workers (server/src/cli/run.ts: at most 4). */
const MAX_PARSER_WORKERS = 4;

async function timed(workers, dirs, twice) {
  const analyzer = new Analyzer(nodeHost, { parserWorkers: workers });
  const t0 = performance.now();
  await analyzer.analyzeModules(dirs);
  const first = performance.now() - t0;
  let second;
  if (twice) {
    const t1 = performance.now();
    await analyzer.analyzeModules(dirs);
    second = performance.now() - t1;
  }
  await analyzer.dispose();
  return { first, second };
}

async function main() {
  const root = process.argv[2];
  const dirs = fs.readdirSync(root).map((d) => path.join(root, d)).filter((d) => fs.statSync(d).isDirectory());
  const workers = Math.min(os.availableParallelism(), dirs.length, MAX_PARSER_WORKERS);
  const pool = await timed(workers, dirs, true);
  const one = await timed(1, dirs, false);
  process.stdout.write(JSON.stringify({ workers, poolMs: pool.first, analysisMs: pool.second, oneWorkerMs: one.first }));
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e && e.stack) || e));
    process.exit(1);
  },
);
