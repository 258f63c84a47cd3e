// The parser worker's cold start after an idle shutdown (issue #11 item 4): open a file, let the server go idle
// until the worker is shut down, then time one edit → diagnostics (the worker starts again on demand) against the
// same edit undone right after (worker warm). The idle period is set short through a server setting when there is
// one; otherwise the parser's default period is waited out (one cycle, full runs only). Builds whose parser has no
// idle shutdown report { available: false }.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const { performance } = require('node:perf_hooks');
const { LspClient, delay } = require('./lspClient');
const { editScript, settle } = require('./typingSession');
const { median } = require('./stats');

const SERVER = path.join(__dirname, '..', 'server', 'out', 'lsp', 'main.js');
const SETTINGS_JS = path.join(__dirname, '..', 'server', 'out', 'lsp', 'settings.js');
const PARSER_JS = path.join(__dirname, '..', 'server', 'out', 'core', 'syntax', 'hcl2json', 'index.js');
/** Waiting out a default idle period longer than this is not worth the run's time. */
const MAX_DEFAULT_WAIT_MS = 90_000;
/** The idle period the benchmark asks for; long enough that typing never trips it, short enough to wait out. */
const IDLE_MS = 1000;

/**
 * The server setting for the parser's idle period, if this build has one: a key normalizeSettings reads whose name
 * mentions "idle" (e.g. `parserIdleMs`, or `parserIdleSeconds`), with the value to send for IDLE_MS.
 */
function idleSetting() {
  let src;
  try {
    src = fs.readFileSync(SETTINGS_JS, 'utf8');
  } catch {
    return undefined;
  }
  const m = /\bs\.(\w*idle\w*)\b/i.exec(src);
  if (!m) return undefined;
  return { key: m[1], value: /sec/i.test(m[1]) ? IDLE_MS / 1000 : IDLE_MS };
}

/** The parser's default idle period (HclParser's `idleShutdownMs`), in ms, if this build has one. */
function idleDefaultMs() {
  try {
    const m = /\bidleShutdownMs:\s*([\d_]+)/.exec(fs.readFileSync(PARSER_JS, 'utf8'));
    return m ? Number(m[1].replace(/_/g, '')) : undefined;
  } catch {
    return undefined;
  }
}

/** Threads of the server process (main, libuv, V8 platform, and each worker's): drops when the parser worker stops. */
function threads(pid) {
  const m = /Threads:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

async function timedEdit(client, uri, version, change) {
  const analysed = client.waitFor('kinesisLint/costSummary');
  let pub;
  const stop = client.onNotification((msg, at) => {
    if (!pub && msg.method === 'textDocument/publishDiagnostics' && msg.params.uri === uri) pub = at;
  });
  const sentAt = performance.now();
  client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range: change.range, text: change.text }] });
  const summary = await analysed;
  stop();
  return (pub ?? summary.at) - sentAt;
}

/**
 * `runs` cycles of: idle past the period, edit (cold), undo (warm). Medians, and the thread counts seen.
 * `quick`: skip when only the default period could be waited out.
 */
async function idleRestart(module, workDir, runs, { quick = false } = {}) {
  const setting = idleSetting();
  const defaultMs = idleDefaultMs();
  if (!setting && defaultMs === undefined) return { available: false };
  if (!setting && (quick || defaultMs > MAX_DEFAULT_WAIT_MS)) {
    return { available: true, skipped: `no server setting for the idle period; waiting out its default (${Math.round(defaultMs / 1000)} s) is ${quick ? 'skipped in a quick run' : 'too long for the run'}` };
  }
  const waitMs = (setting ? IDLE_MS : defaultMs) + 1500;
  if (!setting) runs = 1;
  const client = new LspClient([SERVER, '--stdio'], { logFile: path.join(workDir, 'idle.log') });
  try {
    const uri = pathToFileURL(module.file).href;
    const first = client.waitFor('textDocument/publishDiagnostics', (p) => p.uri === uri);
    await client.initialize(module.workspace, setting ? { [setting.key]: setting.value } : {});
    client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'terraform', version: 1, text: module.text } });
    await settle(client, uri, 1000, await first);
    const script = editScript(module.targets, 2);
    const cold = [];
    const warm = [];
    const busyThreads = [];
    const idleThreads = [];
    let version = 1;
    for (let r = 0; r < runs; r++) {
      busyThreads.push(threads(client.pid));
      await delay(waitMs);
      idleThreads.push(threads(client.pid));
      cold.push(await timedEdit(client, uri, ++version, script[0]));
      warm.push(await timedEdit(client, uri, ++version, script[1]));
    }
    return {
      available: true,
      setting: setting ? `setting ${setting.key}: ${setting.value}` : `no setting: the parser's default idle period, ${Math.round(defaultMs / 1000)} s, waited out`,
      coldMs: median(cold),
      warmMs: median(warm),
      busyThreads: Math.max(...busyThreads),
      idleThreads: Math.min(...idleThreads),
      runs,
    };
  } finally {
    await client.shutdown();
  }
}

module.exports = { idleRestart };
