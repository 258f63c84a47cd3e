// Wall time of a whole command (the CLI, terraform fmt, the hcl2json timer), stdout discarded unless captured.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { track } = require('./processes');

/**
 * Runs `cmd args`; resolves with its wall time, exit code, and stdout when `capture` is set. `timeoutMs`: kill it
 * and reject after that long.
 */
function timeCommand(cmd, args, { capture = false, okCodes = [0], timeoutMs } = {}) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = track(spawn(cmd, args, { stdio: ['ignore', capture ? 'pipe' : 'ignore', 'pipe'] }));
    const out = [];
    const err = [];
    if (capture) child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      const ms = performance.now() - t0;
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === null && timeoutMs !== undefined && ms >= timeoutMs) reject(new Error(`timed out after ${timeoutMs / 1000} s`));
      else if (!okCodes.includes(code)) reject(new Error(`${cmd} ${args.join(' ')} exited ${code}: ${stderr.slice(0, 500)}`));
      else resolve({ ms, code, stdout: Buffer.concat(out).toString('utf8') });
    });
  });
}

/** The first `name` on the PATH, or undefined. */
function which(name) {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

module.exports = { timeCommand, which };
