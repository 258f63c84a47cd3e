// Child process: the reference "whole-file hcl2json parse" time. hcl2json blocks its thread for the whole parse,
// so it runs here, away from the benchmark's event loop. Usage: node hclParseTimer.js RUNS FILE...
// Prints {"firstMs": ms, "<file>": [ms, ...]}: process start → first parse done (Node start-up and WASM load
// included; performance.now() counts from process start), then steady-state parses of every file.
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { parse } = require('@cdktf/hcl2json');

/**
 * Warm-up before timing: V8 compiles the Go WASM with its baseline tier first and optimises it in the background;
 * measured here, a 132-line parse took 20–40 ms for its first ~20 runs and 1–4 ms after that.
 */
const WARMUP_MS = 3_000;
const WARMUP_MIN_ROUNDS = 2;

async function main() {
  const [runsArg, ...files] = process.argv.slice(2);
  const runs = Number(runsArg);
  const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
  await parse('main.tf', texts[0]);
  const result = { firstMs: performance.now() };
  const warmStart = performance.now();
  for (let round = 0; round < WARMUP_MIN_ROUNDS || performance.now() - warmStart < WARMUP_MS; round++) {
    for (const text of texts) await parse('main.tf', text);
  }
  for (const f of files) result[f] = [];
  // Round-robin, so a change in machine load hits every file alike.
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < files.length; k++) {
      const t0 = performance.now();
      await parse('main.tf', texts[k]);
      result[files[k]].push(performance.now() - t0);
    }
  }
  process.stdout.write(JSON.stringify(result));
}

main().then(
  // hcl2json's Go runtime keeps the process alive; exit once the figures are out.
  () => process.exit(0),
  (e) => {
    process.stderr.write(String((e && e.stack) || e));
    process.exit(1);
  },
);
