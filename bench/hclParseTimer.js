// Child process: the reference "whole-file hcl2json parse" time. hcl2json blocks its thread for the whole parse,
// so it runs here, away from the benchmark's event loop. Usage: node hclParseTimer.js RUNS FILE...
// Prints {"firstMs": ms, "<file>": [ms, ...]}: the first parse of the process (WASM load included), then warm
// parses (one untimed parse per file first, for JIT warm-up).
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { parse } = require('@cdktf/hcl2json');

async function main() {
  const [runsArg, ...files] = process.argv.slice(2);
  const runs = Number(runsArg);
  const t0 = performance.now();
  await parse('main.tf', fs.readFileSync(files[0], 'utf8'));
  const result = { firstMs: performance.now() - t0 };
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    await parse('main.tf', text);
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      await parse('main.tf', text);
      times.push(performance.now() - t0);
    }
    result[file] = times;
  }
  process.stdout.write(JSON.stringify(result));
}

main().then(
  // hcl2json's Go runtime keeps the process alive; exit once the figures are out.
  () => process.exit(0),
  (e) => {
    process.stderr.write(String(e && e.stack || e));
    process.exit(1);
  },
);
