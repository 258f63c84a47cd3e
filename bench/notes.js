// The notes under the tables: for each missed target, the measured reason and what would close it, worked out
// from this run's own figures (the phase profiles say which part of a re-analysis dominates and how much the parse
// cache sent back to the worker); plus how each figure was measured.
'use strict';
const os = require('node:os');
const { cliffPairs, stepName, label } = require('./report');

const ms = (v) => (Number.isFinite(v) ? `${Math.round(v).toLocaleString('en-US')} ms` : 'n/a');
const n = (v) => v.toLocaleString('en-US');
const kb = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} KB` : 'n/a');

function notes(r) {
  const out = [];
  const by = (id) => r.sessions.find((s) => s.id === id);
  const gate = by(r.gate);
  out.push('Inputs (bench/shapes.js, seeded): ' + r.shapes.map((def) => `${def.shape} — ${def.title} (${r.sessions.filter((s) => s.shape === def.shape)
    .map((s) => `${stepName(s)}: ${n(s.lines)} lines, ${n(s.blocks)} blocks`).join('; ')})`).join('; ') +
    `. The CLI corpus: ${n(r.corpus.files)} files of ~${r.corpus.avgLines} lines in ${r.corpus.dirs} module directories.`);
  const big = by(r.largest);
  if (big && r.largestRequested !== big.step) {
    out.push(`The single shape stops at ${n(big.lines)} lines, not ${n(r.largestRequested)}: ${n(r.largestRequested)} lines of this generator (~${(r.largestBytes / big.lines).toFixed(1)} bytes a line, about as dense as real Terraform) exceed the server's limit of ${n(r.maxFileBytes)} bytes for one file, and the server skips a larger file (docs/limits.md), so it would measure nothing. ` +
      `The targets set at 100k lines (the no-cliff ratio and the 350 MB RSS) are measured on the ${n(big.lines)}-line file; measuring 100k lines in one file needs the limit raised (about ${((r.largestBytes / big.lines) * r.largestRequested / 2 ** 20).toFixed(1)} MiB).`);
  }
  if (r.load[0] > 1) {
    out.push(`The machine was busy with other work (load average ${r.load[0].toFixed(1)} on ${os.availableParallelism()} cores before the run): absolute times are upper bounds; the ratios, measured side by side, are the fairer figures.`);
  }
  const bad = r.sessions.filter((s) => s.undoMismatches > 0);
  out.push(bad.length === 0
    ? 'Consistency check passed for every shape and size: after every edit that undid the previous one, the diagnostics equalled those of the freshly opened file.'
    : `**Consistency check failed** on ${bad.map((s) => `${label(s)} (${s.undoMismatches}×)`).join(', ')}: after an edit that undid the previous one, the diagnostics differed from those of the freshly opened file (incremental results are not identical to a full analysis).`);
  const answered = r.sessions.reduce((k, s) => k + s.hoverAnswered, 0);
  const probes = r.sessions.reduce((k, s) => k + s.probes, 0);
  out.push(`Hover returned a stream breakdown for ${n(answered)} of ${n(probes)} probes (a probe that meets no result is answered from an empty model and would flatter the latency).`);
  const failed = r.sessions.filter((s) => s.failed);
  if (failed.length > 0) out.push(`**Sessions failed** (the input's remaining sessions skipped; its figures are from the sessions before, if any): ${failed.map((s) => `${label(s)}: ${s.failed}`).join('; ')}.`);
  const cut = r.sessions.filter((s) => !s.failed && s.edits < r.plan.sessions * r.plan.edits);
  if (cut.length > 0) out.push(`Sessions cut short by the time budget (fewer timed edits, the p95 rests on fewer samples): ${cut.map((s) => `${label(s)} (${s.edits})`).join(', ')}.`);
  for (const [id, p] of Object.entries(r.profile)) if (p.error) out.push(`Phase profile of ${id} unavailable: ${p.error.split('\n')[0]}`);

  for (const { def, small, large } of cliffPairs(r)) {
    if (!(large.editP95 > 2 * small.editP95)) continue; // met, or not measured (a failed session, said above)
    out.push(cliffNote(r, def, small, large, r.profile[large.id] || {}));
  }
  const prof = r.profile[r.gate] || {};
  if (gate && r.parse.gateMs / gate.editP95 < 15) {
    const fixedDominates = prof.unchangedMs >= 0.5 * prof.editMs;
    out.push(`Edit latency, ${n(gate.lines)} lines (missed): in-process (medians, the server's caches), one re-analysis after a one-character edit in a stream takes ${ms(prof.editMs)}; ` +
      `a pass over unchanged text, in which every cache hits (the fixed cost of a pass), takes ${ms(prof.unchangedMs)}` +
      (prof.resultCache ? `; without the stream-result cache it would be ${ms(prof.uncachedMs)}` : '') +
      `; the edit sent ${prof.editParses} text(s) (${kb(prof.editParsedKB)}) to the parser worker; a whole-file parse through the worker takes ${ms(prof.parseMs)}. ` +
      `Through the server the p50 is ${ms(gate.editP50)} and the p95 ${ms(gate.editP95)} (publishing ${n(gate.diagnostics)} diagnostics and answering the probes queued meanwhile). ` +
      `The target needs the p95 under ${ms(r.parse.gateMs / 15)}. ` +
      (prof.editMs < 0.5 * gate.editP95
        ? 'The core\'s pass is the smaller part: the server\'s own work around it (publishing, the store, converting results, the probes) dominates. To close it: publish only what changed and keep that work proportional to the edit.'
        : fixedDominates
          ? 'The fixed cost of a pass dominates. To close it: make a pass proportional to the edit — rescan and re-fingerprint only the edited top-level block, keep the others\' scan, texts and fingerprints from the previous pass (positions shifted), and publish from the previous results.'
          : 'The work on what changed dominates (re-parsing, re-analysing the streams the edit affects). To close it: narrow what an edit invalidates, and check that only the edited block goes back through hcl2json.'));
  }
  const loop = worstOf(r, 'loopMaxMs');
  const probe = [worstOf(r, 'hoverP95'), worstOf(r, 'lensP95')].sort((a, b) => b.v - a.v)[0];
  if (loop.v > 20 || probe.v > 10) {
    const profiled = r.profile[loop.s.id] ? loop.s : by(r.gate);
    const p = r.profile[profiled.id] || {};
    out.push(`Hover / code lens / event loop (missed): the worst probe p95 is ${ms(probe.v)} (${label(probe.s)}), the longest block ${ms(loop.v)} (${label(loop.s)}); ` +
      `over 10 ms also on ${r.sessions.filter((s) => Math.max(s.hoverP95, s.lensP95) > 10).map(label).join(', ') || 'no other input'}. ` +
      `A request waits while the main thread runs a synchronous stretch of the analysis or of the server's publishing; ` +
      `the in-process re-analysis after an edit of ${label(profiled)} takes ${ms(p.editMs)}, all on the main thread but the re-parse of the edited block. ` +
      'To close it: answer hover and lens from the store without waiting for the pass, and slice every main-thread stretch (scan, join, fingerprint, finalize, publish) below 10 ms with yields between slices.');
  }
  if (r.cold.ms > 1500) {
    out.push(`Cold open (missed): ${ms(r.cold.ms)} for ${n(r.cold.lines)} lines; the first hcl2json parse in a fresh process (Node start-up and WASM load) takes ${ms(r.parse.firstMs)} and a warm whole-file parse of the file ${ms(r.parse.gateMs)}. ` +
      'To close it: start the parser worker during initialize, before the first document arrives, and parse the blocks of a large file on more than one worker.');
  }
  const c = r.corpus;
  if (c.terraformMs !== undefined && c.cliMs > 1.5 * c.terraformMs) {
    const cp = r.corpusProfile || {};
    const parseFloor = c.files * r.parse.corpusFileMs;
    const serial = cp.oneWorkerMs <= 1.1 * cp.poolMs;
    out.push(`CLI on the corpus (missed): ${ms(c.cliMs)} against terraform fmt's ${ms(c.terraformMs)}; Node start-up and loading the CLI alone (\`--version\`) take ${ms(c.startupMs)}. ` +
      `A warm whole-file parse of one ${n(r.parse.corpusFileLines)}-line corpus file takes ${ms(r.parse.corpusFileMs)}: ${n(c.files)} such parses on one thread take about ${ms(parseFloor)}. ` +
      (cp.error ? `Corpus profile unavailable: ${cp.error.split('\n')[0]}. ` :
        `In-process on the same corpus, the core's Analyzer takes ${ms(cp.poolMs)} with ${cp.workers} parser workers and ${ms(cp.oneWorkerMs)} with one` +
        (serial ? ' — no faster with more workers: the main thread (scanning, model, rules, pricing) is the bottleneck' : '') +
        `; again with every parse cached it still takes ${ms(cp.analysisMs)} (model, rules and pricing, ${(cp.analysisMs / c.terraformMs).toFixed(1)}× terraform fmt alone). `) +
      'To close it: run whole modules — scan, model, rules and pricing, not only the parse — in worker threads, one per core, and cut the per-module analysis (allocation and GC dominate).');
  } else if (c.terraformMs === undefined) {
    out.push('CLI ratio not measured: terraform is not on the PATH (the native HCL floor).');
  }
  if (!c.cache.available) out.push('CLI --cache: not available in this build (`--help` does not mention --cache); the warm/cold ratio is measured once it is.');
  else if (c.cache.warmMs > 0.25 * c.cache.coldMs) {
    out.push(`CLI --cache (missed): the warm run takes ${ms(c.cache.warmMs)} against ${ms(c.cache.coldMs)} cold; Node start-up and loading the CLI alone (\`--version\`) take ${ms(c.startupMs)}, ` +
      `so the rest of a warm run — walking ${n(c.files)} files, reading and hashing what every module reads, loading the cache file — is ${ms(c.cache.warmMs - c.startupMs)}. ` +
      'To close it: keep the warm path to stat + hash + one cache read (no parser worker or price table loaded when every module hits), and load the analysis modules lazily.');
  }
  if (!r.idle.available) out.push('Parser idle shutdown: not available in this build (neither an idle-period setting in server/out/lsp/settings.js nor an `idleShutdownMs` default in the compiled parser); the cold start after an idle shutdown is measured once it is.');
  else if (r.idle.skipped) out.push(`Parser idle shutdown: not measured, ${r.idle.skipped}.`);
  else if (r.idle.error) out.push(`Parser idle shutdown: the measurement failed: ${r.idle.error}`);
  else {
    out.push(`Parser idle shutdown (${r.idle.setting}): the server had ${r.idle.busyThreads} threads after an edit and ${r.idle.idleThreads} after the idle period` +
      `${r.idle.idleThreads < r.idle.busyThreads ? ' (the worker thread was stopped)' : ' — **no fewer: the worker may not have been shut down**'}; the next edit took ${ms(r.idle.coldMs)} to its diagnostics against ${ms(r.idle.warmMs)} with the worker running.`);
  }
  for (const [id, limit] of [[r.gate, 200], [r.largest, 350]]) {
    const s = by(id);
    if (!s || !Number.isFinite(s.rssMB) || s.rssMB <= limit) continue;
    const base = r.sessions.filter((x) => Number.isFinite(x.rssMB)).reduce((a, b) => (a.rssMB < b.rssMB ? a : b));
    out.push(`Peak RSS, ${n(s.lines)} lines (missed): ${Math.round(s.rssMB)} MB after the session, already ${Math.round(s.openRssMB)} MB right after opening the file, before any edit; ` +
      `the smallest peak of the sweep is ${Math.round(base.rssMB)} MB (${label(base)}). At the end the main thread's V8 heap is ${Math.round(s.heapMB)} MB, so about ${Math.round(s.rssMB - s.heapMB)} MB of the peak is outside it: ` +
      'code, and the parser worker thread, which alone takes about 100 MB with hcl2json\'s Go WASM loaded (reference/parsing.md §3). ' +
      'To close it: shut the worker down when idle and bound every typing-path cache by bytes (the open-time peak is the whole-file parse: parse block by block with the worker recycled), and keep the document text and scan once.');
  }
  return out;
}

function worstOf(r, key) {
  const measured = r.sessions.filter((x) => Number.isFinite(x[key]));
  const s = measured.reduce((w, x) => (x[key] > w[key] ? x : w), measured[0] ?? r.sessions[0]);
  return { s, v: s[key] };
}

/** Why a shape's p95 grows with size, from the phase profile of its largest input; and what would close it. */
function cliffNote(r, def, small, large, p) {
  const head = `No cliff, ${def.title} (missed): the p95 grows from ${ms(small.editP95)} at ${stepName(small)} to ${ms(large.editP95)} at ${stepName(large)} ` +
    `(${(large.editP95 / small.editP95).toFixed(1)}× for ${(large.step / small.step).toFixed(0)}× the size; p50 ${ms(small.editP50)} → ${ms(large.editP50)}). `;
  if (p.error || p.editMs === undefined) return `${head}No phase profile to say why${r.plan.profile <= 1 && !r.profile[large.id] ? ' (a quick run profiles only the 20k file)' : ''}.`;
  const scope = def.shape === 'modules' ? ' (the edited root alone: the server also re-checks which roots read the edited file)' : '';
  const measured = `In-process on the ${stepName(large)} input${scope}, a re-analysis after the edit takes ${ms(p.editMs)}; a pass over unchanged text (every cache hits) ${ms(p.unchangedMs)}` +
    (p.resultCache ? `, one with an empty stream-result cache ${ms(p.uncachedMs)}` : '') +
    `; the edit sent ${n(p.editParses)} text(s), ${kb(p.editParsedKB)}, to the parser worker (a whole-file parse: ${ms(p.parseMs)}). `;
  let why;
  if (p.editParses > 3) {
    why = `The parse cache missed blocks the edit did not touch: ${n(large.blocks)} top-level blocks against a cache limited by entry count evict, in LRU order, the blocks the next pass needs. To close it: bound the parse cache by bytes, above the working set of the largest module supported, degrading gradually beyond it.`;
  } else if (p.editParsedKB > 32) {
    why = `Only the edited block went back to the parser, but that block is itself large (${kb(p.editParsedKB)}: ${def.shape === 'foreach' ? 'the locals map that holds every instance' : 'one top-level block'}), and every instance it feeds is re-analysed. To close it: re-parse below the top-level block (the edited map entry or attribute) and re-analyse only the instances whose values changed.`;
  } else if (p.unchangedMs >= 0.5 * p.editMs) {
    why = 'The fixed cost of a pass grows with the module (scanning, joining and fingerprinting every block, assembling every stream\'s results). To close it: keep the scan, join and fingerprints of untouched blocks from the previous pass (positions shifted) and publish from the previous results.';
  } else if (p.editMs < 0.5 * large.editP95) {
    why = 'The core\'s pass is the smaller part of the latency: the server\'s own work around it grows with the module (publishing every file\'s diagnostics, store indexing, converting ranges). To close it: re-publish only files whose diagnostics changed and index the store incrementally.';
  } else {
    why = 'The work on what the edit changed dominates (the streams it affects are re-analysed). To close it: narrow what an edit invalidates to the streams whose inputs changed.';
  }
  return head + measured + why;
}

function howMeasured(r) {
  return [
    'Shapes (bench/shapes.js): single — one main.tf of 5k/20k/40k/100k lines, the largest lowered by 10k lines until it fits the server\'s file limit (bench/generate.js: per stream a variable, a load annotation, the stream, a Lambda mapping, a Firehose, every other one an EFO consumer); ' +
      'blocks — one file of streams that each have their own variable and aws_kms_key (3 top-level blocks per stream; 250 and 1,000 streams: ~750 and ~3,000 blocks, the issue\'s cliff shape); ' +
      'files — one module of 20 or 200 files of ~100 lines; modules — 5 or 50 root modules (~140 lines each) that each call one shared local module, opened as one workspace, the edit in the middle root; ' +
      'foreach — one stream resource with for_each over a locals map of 50 or 500 entries (and a Lambda mapping per instance), the edit in the middle entry. ' +
      'No cliff: the p95 at a shape\'s largest size over its smallest (single 100k ÷ 5k, blocks 1,000 ÷ 250 streams, files 200 ÷ 20, modules 50 ÷ 5, foreach 500 ÷ 50).',
    'Edit → diagnostics: the real server (`node server/out/lsp/main.js --stdio`, run through bench/serverWithLoopStats.js) over stdio with ' +
      '`initializationOptions.settings.debounceMs = 0`, the input\'s folder as the workspace. After the opened file settles and 2 untimed edits, each timed edit is one incremental ' +
      '`didChange` of a single character in a provisioned stream near the middle (cycle: type a digit after the shard count, delete it, ' +
      'type a letter in a tag value, delete it); latency = from sending the change to the file\'s `publishDiagnostics` (or, were none published, the `kinesisLint/costSummary` that closes every analysis, awaited before the next edit). ' +
      `p50/p95 per session, then the median over sessions; a session stops after ${r.plan.budgetMs / 1000} s of timed edits (at least ${r.plan.minEdits}).`,
    `Whole-file parse: \`require('@cdktf/hcl2json').parse\` of the same 20k-line text in a separate Node process, steady state (after ≥ 3 s of untimed parses, while V8 optimises the WASM); median of ${r.plan.parses}.`,
    'Hover / code lens: while each analysis runs, a hover (on the edited stream\'s header) and a codeLens request are sent together every 20 ms until the diagnostics arrive; p95 of their round trips per session, median over sessions.',
    'Event-loop block: `perf_hooks.monitorEventLoopDelay({ resolution: 1 })` in the server process (wrapper script, no server change), reset after the warm-up edits; the maximum delay over the timed edits, median over sessions.',
    'Peak RSS: `VmHWM` of the server process (all its threads, parser workers included) from /proc at the end of each session, before shutdown; the maximum over sessions. "open → first diagnostics" in the sweep is the same session\'s spawn-to-first-publish (through the wrapper).',
    `Cold open: from spawning \`node server/out/lsp/main.js --stdio\` to the first \`publishDiagnostics\` of the opened ${n(r.cold.lines)}-line file (initialize, initialized, didOpen sent as an editor does); median of ${r.plan.cold}.`,
    'Bundled vs unbundled: scripts/bundle.js builds the esbuild bundles into the temp folder; the extension load is `require()` of the extension entry (dist/extension.js vs client/out/extension.js) in a fresh Node process with a stub for `vscode` (bench/loadTime.js); the cold open is the one above with `dist/server.js` vs `server/out/lsp/main.js`; interleaved, medians.',
    'Parser idle restart (bench/idleRestart.js): when server/out/lsp/settings.js reads an idle-period setting (a name containing "idle"), the server is started with it at 1 s and each cycle waits 2.5 s; without such a setting but with an `idleShutdownMs` default in the compiled parser (≤ 90 s), one cycle waits that default out (full runs only). The 20k file is opened; after the wait (the worker shut down; the server\'s thread count read from /proc before and after) an edit → diagnostics is timed (worker started again), and its undo right after (worker warm); medians.',
    `CLI: \`node server/out/cli/main.js CORPUS --format json\` (stdout discarded) against \`terraform fmt -check -recursive CORPUS\` (terraform from the PATH), alternating, after one untimed run of each (page cache); median of ${r.plan.cli}. ` +
      '--cache (when `--help` mentions it): the same command with `--cache --cache-location FILE`, a cold run after deleting FILE, then a warm run, alternating; medians. Start-up: `node server/out/cli/main.js --version`.',
    'Phase profiles (notes only, bench/phaseProfile.js): the compiled core in a child process with the server\'s parse and stream-result caches, on the 20k file and the largest input of each shape: a re-analysis after a one-character edit at the session\'s edit point (the texts the parse cache sent to the worker counted), one of unchanged text, one with a fresh result cache; medians.',
    'Corpus profile (notes only): the compiled core in a child process analysing the corpus\'s module directories with one parser worker per core, with one worker, and again with every parse cached.',
  ];
}

module.exports = { notes, howMeasured };
