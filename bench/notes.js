// The notes under the table: for each missed target, the measured reason and what would close it, worked out
// from this run's own figures (the phase profile says which part of a re-analysis dominates); plus how each
// figure was measured.
'use strict';
const os = require('node:os');

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : 'n/a');
const n = (v) => v.toLocaleString('en-US');

function notes(r) {
  const out = [];
  const gate = r.sessions.find((s) => s.size === r.gateSize);
  const prof = r.profile[r.gateSize] || {};
  out.push(`Inputs: ${r.sessions.map((s) => `${n(s.lines)} lines / ${n(s.streams)} streams`).join(', ')}; ` +
    `each stream has a variable, a load annotation, a Lambda mapping, a Firehose and (every other one) an EFO consumer. ` +
    `The corpus: ${n(r.corpus.files)} files of ~${r.corpus.avgLines} lines in ${r.corpus.dirs} module directories.`);

  const cores = os.availableParallelism();
  // Measured before the benchmark starts anything: a load above one core's worth is someone else's work.
  if (r.load[0] > 1) {
    out.push(`The machine was busy with other work (load average ${r.load[0].toFixed(1)} on ${cores} cores before the run): absolute times are upper bounds; the ratios, measured side by side, are the fairer figures.`);
  }
  const undos = r.sessions.reduce((k, s) => k + s.undoMismatches, 0);
  out.push(undos === 0
    ? 'Consistency check passed: after every edit that undid the previous one, the diagnostics equalled those of the freshly opened file.'
    : `**Consistency check failed ${undos} time(s)**: after an edit that undid the previous one, the diagnostics differed from those of the freshly opened file (incremental results are not identical to a full analysis).`);
  const answered = r.sessions.reduce((k, s) => k + s.hoverAnswered, 0);
  const probes = r.sessions.reduce((k, s) => k + s.probes, 0);
  out.push(`Hover returned a stream breakdown for ${n(answered)} of ${n(probes)} probes (a probe that meets no result is answered from an empty model and would flatter the latency).`);

  if (prof.error) out.push(`Phase profile unavailable: ${prof.error.split('\n')[0]}`);
  const parse = r.parseMs[r.gateSize];
  if (gate && parse / gate.editP95 < 15) {
    const fixedDominates = prof.unchangedMs >= 0.5 * prof.editMs;
    out.push(`Edit latency, ${n(gate.lines)} lines (missed): in-process (medians, the server's caches), one re-analysis after a one-character edit in a stream takes ${ms(prof.editMs)}; ` +
      `${ms(prof.unchangedMs)} of that is the fixed cost of a pass in which every cache hits (reading and scanning the whole file, fingerprinting all ${n(gate.streams)} streams, assembling the results)` +
      (prof.resultCache ? `; without the stream-result cache it would be ${ms(prof.uncachedMs)}` : '') +
      `; a whole-file parse through the server's worker takes ${ms(prof.parseMs)}. Through the server the p50 is ${ms(gate.editP50)} and the p95 ${ms(gate.editP95)} ` +
      `(publishing ${n(gate.diagnostics)} diagnostics and answering the probes queued meanwhile). The target needs the p95 under ${ms(parse / 15)}. ` +
      (fixedDominates
        ? 'The fixed cost of a pass dominates. To close it: make a pass proportional to the edit — rescan and re-fingerprint only the edited top-level block, keep the others\' scan, texts and fingerprints from the previous pass (positions shifted), and publish from the previous results.'
        : 'The work on what changed dominates (re-parsing the edited block, re-analysing the streams it affects). To close it: narrow what an edit invalidates, and check that only the edited block goes back through hcl2json.'));
  }
  const worstLoop = Math.max(...r.sessions.map((s) => s.loopMaxMs));
  const worstProbe = Math.max(...r.sessions.flatMap((s) => [s.hoverP95, s.lensP95]));
  if (worstLoop > 20 || worstProbe > 10) {
    out.push(`Hover / code lens / event loop (missed): a request waits while the main thread runs the synchronous part of an analysis; ` +
      `the longest block (${ms(worstLoop)}) compares with the in-process re-analysis on ${n(gate.lines)} lines (${ms(prof.editMs)}, all on the main thread but the re-parse of the edited block). ` +
      'To close it: yield to the event loop between slices of the pass (per block or per stream, setImmediate) so requests interleave, and shrink the fixed per-pass cost above.');
  }
  if (r.cold.ms > 1500) {
    out.push(`Cold start (missed): ${ms(r.cold.ms)}, of which the first hcl2json parse in a fresh process (WASM load) takes ${ms(r.hclFirstMs)}. ` +
      'To close it: start the parser worker during initialize, before the first document arrives.');
  }
  const c = r.corpus;
  if (c.terraformMs !== undefined && c.cliMs > 2 * c.terraformMs) {
    const cp = r.corpusProfile || {};
    const small = r.sessions[0];
    const parseFloor = c.files * r.parseMs[small.size];
    const serial = cp.oneWorkerMs <= 1.1 * cp.poolMs;
    out.push(`CLI on the corpus (missed): ${ms(c.cliMs)} against terraform fmt's ${ms(c.terraformMs)}. ` +
      `A warm whole-file parse of the ${n(small.lines)}-line file takes ${ms(r.parseMs[small.size])}: ${n(c.files)} such parses on one thread take about ${ms(parseFloor)}. ` +
      (cp.error ? `Corpus profile unavailable: ${cp.error.split('\n')[0]}. ` :
        `In-process on the same corpus, the core takes ${ms(cp.poolMs)} with ${cp.workers} parser workers and ${ms(cp.oneWorkerMs)} with one` +
        (serial ? ' — no faster with more workers: the main thread (scanning, model, rules, pricing) is the bottleneck, the workers wait for it' : '') +
        `; again with every parse cached it still takes ${ms(cp.analysisMs)} (model, rules and pricing on the main thread, ${(cp.analysisMs / c.terraformMs).toFixed(1)}× terraform fmt alone). `) +
      'To close it: cut the main-thread analysis per module (allocation and GC dominate), or run whole modules — scan, model and rules, not only the parse — in the workers, one per core.');
  } else if (c.terraformMs === undefined) {
    out.push('CLI ratio not measured: terraform is not on the PATH (the native HCL floor).');
  }
  if (r.rssMB > 200) {
    const base = r.sessions[0];
    out.push(`Peak RSS (missed): ${Math.round(r.rssMB)} MB after the session, already ${Math.round(r.openRssMB)} MB right after opening the ${n(r.gateLines)}-line file, before any edit; ` +
      `the same server peaks at ${Math.round(base.rssMB)} MB on the ${n(base.lines)}-line file (Node, the server, a parser worker with hcl2json's WASM). ` +
      `At the end the main thread's V8 heap is ${Math.round(r.heapMB)} MB, so about ${Math.round(r.rssMB - r.heapMB)} MB of the peak is outside it: ` +
      'code, and the parser worker thread, which alone takes about 100 MB with hcl2json\'s 6.5 MB Go WASM loaded (reference/parsing.md §3: 106–113 MB for a bare process with it). ' +
      'Large files are already parsed block by block and the worker is recycled after large parses, so that part is the floor of one hcl2json worker. ' +
      'To close it: a smaller main heap (the caches keep every parsed block and each stream\'s results; the scan of the whole file is rebuilt per edit), or parsing in a child process whose memory is not counted as the server\'s — which would only move the figure, not lower it.');
  }
  return out;
}

function howMeasured(r) {
  return [
    'Edit → diagnostics: the real server (`node server/out/lsp/main.js --stdio`, run through bench/serverWithLoopStats.js) over stdio with ' +
      '`initializationOptions.settings.debounceMs = 0`. After the opened file settles and 2 untimed edits, each timed edit is one incremental ' +
      '`didChange` of a single character in a provisioned stream near the middle of the file (cycle: type a digit after `shard_count`\'s value, delete it, ' +
      'type a letter in a tag value, delete it); latency = from sending the change to the file\'s `publishDiagnostics` (or, were none published, the `kinesisLint/costSummary` that closes every analysis, awaited before the next edit). ' +
      'p50/p95 per session, then the median over sessions.',
    `Whole-file parse: \`require('@cdktf/hcl2json').parse\` of the same file in a separate Node process, steady state (after ≥ 3 s of untimed parses, while V8 optimises the WASM), files in turn; median of ${r.plan.parses}.`,
    'Hover / code lens: while each analysis runs, a hover (on the edited stream\'s header) and a codeLens request are sent together every 20 ms until the diagnostics arrive; p95 of their round trips per session, median over sessions.',
    'Event-loop block: `perf_hooks.monitorEventLoopDelay({ resolution: 1 })` in the server process (wrapper script, no server change), reset after the warm-up edits; the maximum delay over the timed edits, median over sessions.',
    `Cold start: from spawning \`node server/out/lsp/main.js --stdio\` to the first \`publishDiagnostics\` of the opened ${n(r.cold.lines)}-line file (initialize, initialized, didOpen sent as an editor does); median of ${r.plan.cold}.`,
    'Bundled vs unbundled (3b, 3c): scripts/bundle.js builds the esbuild bundles into the temp folder; 3b is `require()` of the extension entry (dist/extension.js vs client/out/extension.js) in a fresh Node process with a stub for `vscode` (bench/loadTime.js) — the part of activation the bundle changes; 3c is the cold start above with `dist/server.js` vs `server/out/lsp/main.js`; interleaved, medians of the same count as the cold starts.',
    `CLI: \`node server/out/cli/main.js CORPUS --format json\` (stdout discarded) against \`terraform fmt -check -recursive CORPUS\`, alternating, after one untimed run of each (page cache); median of ${r.plan.cli}.`,
    'Peak RSS: `VmHWM` of the server process from /proc at the end of each session on the largest file, before shutdown (parser worker threads included); the maximum over sessions.',
    'Corpus profile (notes only): the compiled core in a child process analysing the corpus\'s module directories with one parser worker per core (as the CLI), with one worker, and again with every parse cached.',
    'Phase profile (notes only): the compiled core in a child process with the server\'s parse and stream-result caches, timing a re-analysis after a one-character edit in the middle stream, one of unchanged text, and one with a fresh result cache; medians.',
  ];
}

module.exports = { notes, howMeasured };
