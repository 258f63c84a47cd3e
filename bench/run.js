#!/usr/bin/env node
// `npm run bench`: generates the inputs, measures the five figures of issue 4 side by side in one run, prints the
// table and writes docs/benchmarks.md. BENCH_QUICK=1: a smoke run with fewer repetitions, written to
// .bench/benchmarks-quick.md instead. BENCH_KEEP=1 keeps the temp dir (inputs and server logs).
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { writeModules, writeCorpus } = require('./generate');
const { typingSession } = require('./typingSession');
const { coldStart } = require('./coldStart');
const { bundledVsUnbundled } = require('./bundled');
const { timeCommand, which } = require('./wallTime');
const { median } = require('./stats');
const { rows, table, machine } = require('./report');
const { notes, howMeasured } = require('./notes');
const { killAll } = require('./processes');

const QUICK = process.env.BENCH_QUICK === '1';
/** Repetitions: medians of several runs; the full plan stays under ~10 minutes on 2 cores. */
const PLAN = QUICK
  ? { sessions: 1, edits: { 100: 8, 2000: 8, 20000: 6 }, parses: 2, cold: 2, cli: 1, profile: 2 }
  : { sessions: 5, edits: { 100: 40, 2000: 40, 20000: 40 }, parses: 7, cold: 7, cli: 5, profile: 7 };
const SIZES = [100, 2000, 20000];
/** The file the latency and memory targets are set on (issue 4). */
const GATE = 20000;
const CORPUS = { files: 1000, dirs: 100 };
const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'server', 'out', 'cli', 'main.js');
const node = process.execPath;

const log = (msg) => process.stderr.write(`[bench] ${msg}\n`);

async function main() {
  const started = Date.now();
  const load = [os.loadavg()[0]];
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-bench-'));
  const cleanup = () => {
    killAll();
    if (process.env.BENCH_KEEP !== '1') fs.rmSync(work, { recursive: true, force: true });
  };
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => process.exit(130));
  process.on('exit', cleanup); // also after a crash (cleanup is synchronous and idempotent)
  try {
    log(`inputs in ${work}`);
    const modules = writeModules(path.join(work, 'in'), SIZES);
    const corpus = writeCorpus(path.join(work, 'corpus'), CORPUS.files, CORPUS.dirs);

    log('whole-file hcl2json parse (warm, child process)');
    const parsed = JSON.parse((await timeCommand(node, [path.join(__dirname, 'hclParseTimer.js'), String(PLAN.parses),
      ...modules.map((m) => m.file)], { capture: true })).stdout);
    const parseMs = Object.fromEntries(modules.map((m) => [m.size, median(parsed[m.file])]));

    // Runs interleave the sizes, so a change in machine load hits every size alike.
    const runs = Object.fromEntries(SIZES.map((s) => [s, []]));
    for (let r = 0; r < PLAN.sessions; r++) {
      for (const m of modules) {
        log(`typing session ${r + 1}/${PLAN.sessions}, ${m.lines} lines`);
        runs[m.size].push(await typingSession(m, PLAN.edits[m.size], work, r));
      }
    }
    const sessions = modules.map((m) => summarize(m, runs[m.size]));

    log('cold start');
    const small = modules[0];
    const cold = [];
    for (let r = 0; r < PLAN.cold; r++) cold.push((await coldStart(small, work, r)).ms);

    log('bundled vs unbundled: extension load and server cold start');
    const bundled = await bundledVsUnbundled(small, work, PLAN.cold);

    log('CLI on the corpus, and terraform fmt');
    const terraform = which('terraform');
    const cliArgs = [CLI, corpus.root, '--format', 'json'];
    const tfArgs = ['fmt', '-check', '-recursive', corpus.root];
    if (!QUICK) {
      // Untimed first runs: the page cache holds the corpus for both tools alike.
      await timeCommand(node, cliArgs, { okCodes: [0, 1] });
      if (terraform) await timeCommand(terraform, tfArgs, { okCodes: [0, 3] });
    }
    const cliMs = [];
    const tfMs = [];
    for (let r = 0; r < PLAN.cli; r++) {
      cliMs.push((await timeCommand(node, cliArgs, { okCodes: [0, 1] })).ms);
      if (terraform) tfMs.push((await timeCommand(terraform, tfArgs, { okCodes: [0, 3] })).ms);
    }

    log('where the time goes (phase profile, single-file CLI)');
    const profile = {};
    for (const m of modules.slice(1)) {
      const out = await timeCommand(node, [path.join(__dirname, 'phaseProfile.js'), String(PLAN.profile), m.file], { capture: true })
        .then((r) => JSON.parse(r.stdout), (e) => ({ error: e.message }));
      profile[m.size] = out;
    }
    const corpusProfile = await timeCommand(node, [path.join(__dirname, 'corpusProfile.js'), corpus.root], { capture: true })
      .then((r) => JSON.parse(r.stdout), (e) => ({ error: e.message }));
    const gate = modules.find((m) => m.size === GATE);
    const singleCli = [];
    for (let r = 0; r < PLAN.cli; r++) singleCli.push((await timeCommand(node, [CLI, gate.dir, '--format', 'json'], { okCodes: [0, 1] })).ms);
    load.push(os.loadavg()[0]);

    const result = {
      gateSize: GATE,
      gateLines: gate.lines,
      parseMs,
      hclFirstMs: parsed.firstMs,
      sessions,
      cold: { lines: small.lines, ms: median(cold) },
      bundled,
      corpus: { ...corpus, cliMs: median(cliMs), terraformMs: terraform ? median(tfMs) : undefined },
      rssMB: Math.max(...runs[GATE].map((s) => s.rssMB)),
      openRssMB: Math.max(...runs[GATE].map((s) => s.openRssMB)),
      heapMB: median(runs[GATE].map((s) => s.heapMB)),
      profile,
      corpusProfile,
      singleCliMs: median(singleCli),
      plan: PLAN,
      load,
    };
    const tableText = table(rows(result));
    process.stdout.write(`\n${tableText}\n\n${notes(result).map((n) => `- ${n}`).join('\n')}\n`);
    const doc = document(result, tableText, Math.round((Date.now() - started) / 1000));
    const target = QUICK ? path.join(ROOT, '.bench', 'benchmarks-quick.md') : path.join(ROOT, 'docs', 'benchmarks.md');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, doc);
    log(`written to ${path.relative(ROOT, target)}`);
  } finally {
    cleanup();
  }
}

/** Medians over the runs of one size, per statistic. */
function summarize(module, list) {
  const med = (key) => median(list.map((s) => s[key]));
  return {
    size: module.size,
    lines: module.lines,
    streams: module.streams,
    editP50: med('editP50'),
    editP95: med('editP95'),
    hoverP95: med('hoverP95'),
    lensP95: med('lensP95'),
    loopMaxMs: med('loopMaxMs'),
    coldOpenMs: med('coldOpenMs'),
    probes: list.reduce((n, s) => n + s.probes, 0),
    hoverAnswered: list.reduce((n, s) => n + s.hoverAnswered, 0),
    undoMismatches: list.reduce((n, s) => n + s.undoMismatches, 0),
    diagnostics: med('diagnostics'),
    rssMB: Math.max(...list.map((s) => s.rssMB)),
  };
}

function document(r, tableText, seconds) {
  return `# Benchmarks

Generated by \`${QUICK ? 'BENCH_QUICK=1 ' : ''}npm run bench\` (bench/run.js) on ${new Date().toISOString().slice(0, 10)}${QUICK ? ' — a quick smoke run, not for the record' : ''}.
Do not edit by hand: run the command again.

- Machine: ${machine()}
- Load average (1 min) at start / end: ${r.load.map((l) => l.toFixed(2)).join(' / ')}; the whole run took ${seconds} s.
- Repetitions: ${r.plan.sessions} typing session(s) per file (${r.sessions.map((s) => `${r.plan.edits[s.size]} timed edits on the ${s.lines.toLocaleString('en-US')}-line file`).join(', ')}), ${r.plan.parses} warm parses per file, ${r.plan.cold} cold starts, ${r.plan.cli} CLI and terraform run(s).

${tableText}

## Notes

${notes(r).map((n) => `- ${n}`).join('\n')}

## How measured

${howMeasured(r).map((n) => `- ${n}`).join('\n')}
`;
}

main().catch((e) => {
  process.stderr.write(`[bench] failed: ${(e && e.stack) || e}\n`);
  process.exitCode = 1;
});
