// Child process of bench/diffBench.js: the in-process git reader (commitTreeHost.readFile) against
// `git cat-file --batch` reading the same blobs (every .tf of a commit), alternating, `runs` times each, cold reader
// state every run. Prints JSON { blobs, bytes, unread (blobs the reader could not read), readerMs: [...], catFileMs: [...] }.
//   node bench/gitReadTimer.js <work-tree> <commit> <runs>
'use strict';
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const git = require('../server/out/node/git');
const { nodeHost } = require('../server/out/node/nodeHost');

const [workTree, commit, runsArg] = process.argv.slice(2);
const runs = Number(runsArg ?? 3);
const gitDir = path.join(workTree, '.git');

const listing = spawnSync('git', ['--git-dir', gitDir, 'ls-tree', '-r', '-z', commit], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout
  .split('\0').filter(Boolean).map((l) => ({ oid: l.split('\t')[0].split(' ')[2], file: l.split('\t')[1] })).filter((e) => e.file.endsWith('.tf'));

function catFile() {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const p = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch']);
    let bytes = 0;
    p.stdout.on('data', (d) => { bytes += d.length; });
    p.on('error', reject);
    p.on('close', () => resolve({ ms: performance.now() - t0, bytes }));
    p.stdin.end(listing.map((e) => `${e.oid}\n`).join(''));
  });
}

async function reader() {
  const repo = { workTree, gitDir, commonDir: gitDir };
  const t0 = performance.now();
  const host = git.commitTreeHost(repo, commit, nodeHost);
  let bytes = 0;
  let unread = 0;
  for (const e of listing) {
    const text = await host.readFile(path.join(workTree, e.file));
    if (text === undefined) unread++;
    else bytes += Buffer.byteLength(text);
  }
  const ms = performance.now() - t0;
  await git.releaseRepository?.(repo);
  return { ms, bytes, unread };
}

(async () => {
  const readerMs = [];
  const catFileMs = [];
  let bytes = 0;
  let unread = 0;
  for (let r = 0; r < runs; r++) {
    const a = await reader();
    readerMs.push(a.ms);
    bytes = a.bytes;
    unread = a.unread;
    catFileMs.push((await catFile()).ms);
  }
  process.stdout.write(JSON.stringify({ blobs: listing.length, bytes, unread, readerMs, catFileMs }));
})().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
