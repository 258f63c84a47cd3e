// One scripted typing session against the real server over stdio: open a file, then single-character edits in
// one stream block, each timed to the publishDiagnostics it causes; hover and code-lens requests are sent
// while every analysis runs. Also reads the server's longest event-loop block and its peak RSS.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { LspClient, delay } = require('./lspClient');
const { percentile } = require('./stats');

const WRAPPER = path.join(__dirname, 'serverWithLoopStats.js');
/** Gap between hover/code-lens probes while an analysis runs: about one request pair per editor frame burst. */
const PROBE_INTERVAL_MS = 20;
/** Untimed edits first, as an editor that has been open a while has warm caches and JIT. */
const WARMUP_EDITS = 2;
/** Timed edits a session makes even past its time budget. */
const MIN_EDITS = 4;

/** The edit script, repeated: type a digit after shard_count's value, delete it, then the same in a tag value. */
function editScript(targets, count) {
  const at = (p, text, del) => ({
    range: { start: p, end: { line: p.line, character: p.character + (del ? 1 : 0) } },
    text,
  });
  const cycle = [
    at(targets.shardCount, '7', false),
    at(targets.shardCount, '', true),
    at(targets.tagValue, 'x', false),
    at(targets.tagValue, '', true),
  ];
  return Array.from({ length: count }, (_, i) => ({ ...cycle[i % 4], undoes: i % 2 === 1 }));
}

function diagnosticsKey(params) {
  return JSON.stringify(params.diagnostics.map((d) => [d.code, d.message, d.range]));
}

/** Waits until the server publishes nothing for `quietMs` (start-up may run more than one analysis). */
async function settle(client, uri, quietMs, first) {
  let last = first;
  for (;;) {
    try {
      last = await client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri, quietMs);
    } catch {
      return last;
    }
  }
}

async function readLoopStats(client, file, previousWindow) {
  client.proc.kill('SIGUSR2');
  for (let i = 0; i < 200; i++) {
    await delay(10);
    try {
      const stats = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (stats.window > previousWindow) return stats;
    } catch {
      // not written yet
    }
  }
  throw new Error('the server wrote no event-loop stats');
}

/** The process's peak resident set so far (VmHWM, in kB = KiB), in MB (10^6 bytes). */
function peakRssMB(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? (Number(m[1]) * 1024) / 1e6 : NaN;
}

/**
 * Runs one session on `module` (an input of bench/shapes.js: workspace, file, text, targets) with `edits` timed
 * edits, or fewer once `budgetMs` of timed edits have passed (at least MIN_EDITS), so a shape with a cliff cannot
 * stretch the whole run; the count actually timed is returned.
 */
async function typingSession(module, edits, workDir, runIndex, budgetMs = Infinity) {
  const statsFile = path.join(workDir, `loop-${module.id}-${runIndex}.json`);
  const client = new LspClient([WRAPPER, '--stdio'], {
    env: { KINESIS_LINT_LOOP_STATS_FILE: statsFile },
    logFile: path.join(workDir, `server-${module.id}-${runIndex}.log`),
  });
  try {
    const uri = pathToFileURL(module.file).href;
    const openStart = performance.now();
    const first = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await client.initialize(module.workspace);
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: module.text } });
    const firstPublish = await first;
    const firstAt = firstPublish.at;
    // Quiet for as long as the first analysis took (at least 0.5 s, at most 3 s): start-up may run a second pass.
    const original = await settle(client, uri, Math.min(3000, Math.max(500, firstAt - openStart)), firstPublish);
    const originalKey = original ? diagnosticsKey(original.params) : undefined;
    const openRssMB = peakRssMB(client.pid);

    let version = 1;
    const latencies = [];
    const hoverMs = [];
    const lensMs = [];
    let hoverAnswered = 0;
    let undoMismatches = 0;
    let loop = { window: -1 };
    const script = editScript(module.targets, WARMUP_EDITS + edits);
    let timedFrom;
    for (let i = 0; i < script.length; i++) {
      if (i === WARMUP_EDITS) timedFrom = performance.now();
      // Stop early only after an undo, so the text ends as opened.
      if (i >= WARMUP_EDITS + MIN_EDITS && i % 2 === 0 && performance.now() - timedFrom > budgetMs) break;
      if (i === WARMUP_EDITS) loop = await readLoopStats(client, statsFile, loop.window);
      const timed = i >= WARMUP_EDITS;
      // The cost summary closes every analysis (it follows the diagnostics), so waiting for it keeps each edit in
      // step with its own analysis even if a server skipped publishing unchanged diagnostics.
      const analysed = client.waitFor('kinesisLint/costSummary');
      let pub;
      const stopWatching = client.onNotification((msg, at) => {
        if (!pub && msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) pub = { params: msg.params, at };
      });
      let done = false;
      const sentAt = performance.now();
      client.notify('textDocument/didChange', {
        textDocument: { uri, version: ++version },
        contentChanges: [{ range: script[i].range, text: script[i].text }],
      });
      const probes = (async () => {
        while (!done) {
          const [h, l] = await Promise.all([
            client.request('textDocument/hover', { textDocument: { uri }, position: module.targets.hover }),
            client.request('textDocument/codeLens', { textDocument: { uri } }),
          ]);
          if (timed) {
            hoverMs.push(h.ms);
            lensMs.push(l.ms);
            if (h.result) hoverAnswered++;
          }
          await Promise.race([delay(PROBE_INTERVAL_MS), analysed]);
        }
      })();
      const summary = await analysed;
      stopWatching();
      done = true;
      await probes;
      if (!timed) continue;
      latencies.push((pub ?? summary).at - sentAt);
      // Undoing an edit restores the original text, so it must restore the original diagnostics too.
      if (pub && script[i].undoes && originalKey !== undefined && diagnosticsKey(pub.params) !== originalKey) undoMismatches++;
    }
    const loopStats = await readLoopStats(client, statsFile, loop.window);
    const rssMB = peakRssMB(client.pid);
    return {
      id: module.id,
      edits: latencies.length,
      coldOpenMs: firstAt - openStart,
      editP50: percentile(latencies, 50),
      editP95: percentile(latencies, 95),
      hoverP95: percentile(hoverMs, 95),
      lensP95: percentile(lensMs, 95),
      probes: hoverMs.length,
      hoverAnswered,
      undoMismatches,
      diagnostics: original ? original.params.diagnostics.length : 0,
      loopMaxMs: loopStats.maxMs,
      heapMB: loopStats.heapMB,
      openRssMB,
      rssMB,
    };
  } finally {
    await client.shutdown();
  }
}

module.exports = { typingSession, editScript, settle, peakRssMB, MIN_EDITS };
