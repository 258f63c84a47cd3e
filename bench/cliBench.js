// The CLI on the corpus against `terraform fmt -check -recursive` (the native HCL floor), alternating so load hits
// both alike, and — when this build has `--cache` (issue #11 item 3) — a cold `--cache` run (no cache file) against
// a warm one (the cache file the previous run wrote, nothing changed).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { timeCommand, which } = require('./wallTime');
const { median } = require('./stats');

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli', 'main.js');
const node = process.execPath;

/** Whether this build's CLI has --cache: its --help mentions it. */
function cliHasCache() {
  const r = spawnSync(node, [CLI, '--help'], { encoding: 'utf8' });
  return /--cache\b/.test(`${r.stdout}${r.stderr}`);
}

/** { cliMs, terraformMs?, startupMs (`--version`), cache: { available, coldMs?, warmMs? } }, medians of `runs`. */
async function cliBench(corpusRoot, workDir, runs, { untimedFirst }) {
  const terraform = which('terraform');
  const cliArgs = [CLI, corpusRoot, '--format', 'json'];
  const tfArgs = ['fmt', '-check', '-recursive', corpusRoot];
  if (untimedFirst) {
    // Untimed first runs: the page cache holds the corpus for both tools alike.
    await timeCommand(node, cliArgs, { okCodes: [0, 1] });
    if (terraform) await timeCommand(terraform, tfArgs, { okCodes: [0, 3] });
  }
  const cli = [];
  const tf = [];
  for (let r = 0; r < runs; r++) {
    cli.push((await timeCommand(node, cliArgs, { okCodes: [0, 1] })).ms);
    if (terraform) tf.push((await timeCommand(terraform, tfArgs, { okCodes: [0, 3] })).ms);
  }
  // The fixed cost of any run (Node start-up and loading the CLI's modules), for the notes.
  const startup = [];
  for (let r = 0; r < runs; r++) startup.push((await timeCommand(node, [CLI, '--version'])).ms);
  const cache = { available: cliHasCache() };
  if (cache.available) {
    const file = path.join(workDir, 'cli-cache');
    const cacheArgs = [...cliArgs, '--cache', '--cache-location', file];
    const cold = [];
    const warm = [];
    for (let r = 0; r < runs; r++) {
      fs.rmSync(file, { recursive: true, force: true });
      cold.push((await timeCommand(node, cacheArgs, { okCodes: [0, 1] })).ms);
      warm.push((await timeCommand(node, cacheArgs, { okCodes: [0, 1] })).ms);
    }
    cache.coldMs = median(cold);
    cache.warmMs = median(warm);
  }
  return { cliMs: median(cli), terraformMs: terraform ? median(tf) : undefined, terraform, startupMs: median(startup), cache };
}

module.exports = { cliBench };
