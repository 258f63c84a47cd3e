// Bundled against unbundled (issue #10 item 17), side by side in one run: the extension module's load time (the
// part of activation bundling changes) and the language server's cold start to first diagnostics. The bundles are
// built into the bench's temp folder by scripts/bundle.js, so the measurement never depends on a stale dist/.
'use strict';
const path = require('node:path');
const { coldStart } = require('./coldStart');
const { timeCommand } = require('./wallTime');
const { median } = require('./stats');

const ROOT = path.join(__dirname, '..');

/** { loadMs: { unbundled, bundled }, coldMs: { unbundled, bundled }, files: n } or { error } when esbuild is missing. */
async function bundledVsUnbundled(module, workDir, runs) {
  let files;
  const dist = path.join(workDir, 'dist');
  try {
    files = await require('../scripts/bundle').bundle(dist);
  } catch (e) {
    return { error: `no bundle: ${e.message}` };
  }
  const entries = {
    unbundled: { client: path.join(ROOT, 'client', 'out', 'extension.js'), server: path.join(ROOT, 'server', 'out', 'lsp', 'main.js') },
    bundled: { client: path.join(dist, 'extension.js'), server: path.join(dist, 'server.js') },
  };
  const load = { unbundled: [], bundled: [] };
  const cold = { unbundled: [], bundled: [] };
  // Interleaved, so a change in machine load hits both alike.
  for (let r = 0; r < runs; r++) {
    for (const kind of ['unbundled', 'bundled']) {
      const out = await timeCommand(process.execPath, [path.join(__dirname, 'loadTime.js'), entries[kind].client], { capture: true });
      load[kind].push(Number(out.stdout.trim()));
      cold[kind].push((await coldStart(module, workDir, `${kind}-${r}`, entries[kind].server)).ms);
    }
  }
  return {
    files: files.length,
    loadMs: { unbundled: median(load.unbundled), bundled: median(load.bundled) },
    coldMs: { unbundled: median(cold.unbundled), bundled: median(cold.bundled) },
  };
}

module.exports = { bundledVsUnbundled };
