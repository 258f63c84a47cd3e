// Child process of bench/metricsBench.js: reading a metrics snapshot through the compiled core
// (core/metrics/readSnapshot.ts: JSON with positions, schema validation, the cross checks, the sha1 digest), against
// plain JSON.parse of the same text as a floor. The file is read from disk once, untimed; each run times every file
// in turn (alternating across the sizes), after one untimed warm-up read of each.
// Prints JSON { "<file>": { ok, problems, readMs: [...], jsonParseMs: [...] } }.
//   node bench/snapshotReadTimer.js <runs> <file>...
'use strict';
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');
const { readSnapshot } = require('../server/out/core/metrics/readSnapshot');

const [runsArg, ...files] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const texts = files.map((f) => fs.readFileSync(f, 'utf8'));
const now = new Date();
const out = {};
files.forEach((f, i) => {
  const r = readSnapshot(texts[i], { now }); // untimed warm-up (and the check that the snapshot is valid)
  JSON.parse(texts[i]);
  out[f] = { ok: Boolean(r.snapshot) && r.problems.length === 0, problems: r.problems.slice(0, 3).map((p) => `${p.path}: ${p.message}`), readMs: [], jsonParseMs: [] };
});
for (let r = 0; r < runs; r++) {
  files.forEach((f, i) => {
    let t0 = performance.now();
    readSnapshot(texts[i], { now });
    out[f].readMs.push(performance.now() - t0);
    t0 = performance.now();
    JSON.parse(texts[i]);
    out[f].jsonParseMs.push(performance.now() - t0);
  });
}
process.stdout.write(JSON.stringify(out));
