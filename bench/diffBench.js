// `kinesis-lint diff --base HEAD` against a plain run on the same modules (issue #12): the bench's corpus committed
// into a temporary git repository, then one edit in the work tree (one stream's shard_count), so the diff analyses
// the committed tree (through the in-process git reader) and the work tree. Alternating runs, medians. Also the git
// reader's read throughput against `git cat-file --batch` on the same blobs, loose objects and after `git repack`.
// Standalone: node bench/diffBench.js [files] [dirs] [runs]   (npm run compile first)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { writeCorpus } = require('./generate');
const { median } = require('./stats');
const { track } = require('./processes');

const CLI = path.join(__dirname, '..', 'server', 'out', 'cli', 'main.js');
const node = process.execPath;
const GIT_ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.invalid', GIT_COMMITTER_NAME: 'bench', GIT_COMMITTER_EMAIL: 'bench@example.invalid' };

function git(cwd, ...args) {
  const r = spawnSync('git', args, { cwd, env: GIT_ENV, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr}`);
  return r.stdout.trim();
}

/** Wall time of `node main.js args` in cwd (exit 0 or 1: findings are not failures). */
function timeCli(cwd, args) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = track(spawn(node, [CLI, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] }));
    const err = [];
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code === 0 || code === 1) resolve(ms);
      else reject(new Error(`kinesis-lint ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString().slice(0, 400)}`));
    });
  });
}

/** Whether this build has the diff command (its --help names it). */
function hasDiff() {
  const r = spawnSync(node, [CLI, '--help'], { encoding: 'utf8' });
  return /\bdiff\b/.test(`${r.stdout}${r.stderr}`);
}

function readTimes(work, commit, runs) {
  const r = spawnSync(node, [path.join(__dirname, 'gitReadTimer.js'), work, commit, String(runs)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return { error: r.stderr.slice(0, 400) };
  const x = JSON.parse(r.stdout);
  const rate = (ms) => Math.round(x.blobs / (ms / 1000));
  return { blobs: x.blobs, bytes: x.bytes, unread: x.unread, readerMs: median(x.readerMs), catFileMs: median(x.catFileMs),
    readerBlobsPerSec: rate(median(x.readerMs)), catFileBlobsPerSec: rate(median(x.catFileMs)) };
}

/** { files, lintMs, diffMs, ratio, read: { loose, packed } } (medians of `runs`). */
async function diffBench(workDir, { files = 200, dirs = 20, runs = 3 } = {}) {
  const work = path.join(workDir, 'diff-repo');
  fs.rmSync(work, { recursive: true, force: true });
  writeCorpus(work, files, dirs);
  git(work, 'init', '-q', '-b', 'main');
  git(work, 'add', '-A');
  git(work, 'commit', '-q', '-m', 'base');
  const commit = git(work, 'rev-parse', 'HEAD');
  // One edit in the work tree: the first shard_count of the first file, + 1.
  const file = path.join(work, 'team-000', 'streams_00.tf');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/(shard_count\s*=\s*)(\d+)/, (_, k, n) => `${k}${Number(n) + 1}`));

  const result = { files, dirs, runs, diff: hasDiff() };
  if (result.diff) {
    const lint = [];
    const diff = [];
    await timeCli(work, ['--format', 'json', '.']); // untimed: page cache and compile cache warm for both
    for (let r = 0; r < runs; r++) {
      lint.push(await timeCli(work, ['--format', 'json', '.']));
      diff.push(await timeCli(work, ['diff', '--base', 'HEAD', '--format', 'json']));
    }
    result.lintMs = median(lint);
    result.diffMs = median(diff);
    result.ratio = result.diffMs / result.lintMs;
  }
  result.read = { loose: readTimes(work, commit, runs) };
  git(work, 'repack', '-adq');
  result.read.packed = readTimes(work, commit, runs);
  return result;
}

function diffTable(r) {
  const rows = ['| measure | value |', '|---|---|'];
  if (r.diff) {
    rows.push(`| plain run (\`--format json .\`), ${r.files} files in ${r.dirs} modules | ${r.lintMs.toFixed(0)} ms |`);
    rows.push(`| \`diff --base HEAD --format json\`, one edit | ${r.diffMs.toFixed(0)} ms |`);
    rows.push(`| ratio diff / plain run | ${r.ratio.toFixed(2)} |`);
  } else rows.push('| diff --base | this build has no `diff` command |');
  for (const [kind, x] of Object.entries(r.read)) {
    if (x.error) rows.push(`| git reader, ${kind} objects | failed: ${x.error.split('\n')[0]} |`);
    else rows.push(`| ${x.blobs} .tf blobs (${(x.bytes / 1e6).toFixed(1)} MB), ${kind} objects: reader / \`git cat-file --batch\` | ${x.readerMs.toFixed(0)} ms (${x.readerBlobsPerSec} blobs/s${x.unread ? `, ${x.unread} unread` : ''}) / ${x.catFileMs.toFixed(0)} ms (${x.catFileBlobsPerSec} blobs/s) |`);
  }
  return rows.join('\n');
}

module.exports = { diffBench, diffTable };

if (require.main === module) {
  const [files, dirs, runs] = process.argv.slice(2).map(Number);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-diff-bench-'));
  diffBench(work, { files: files || 200, dirs: dirs || 20, runs: runs || 3 })
    .then((r) => process.stdout.write(`${diffTable(r)}\n\n${JSON.stringify(r)}\n`))
    .catch((e) => { process.stderr.write(`${e.stack ?? e}\n`); process.exitCode = 1; })
    .finally(() => fs.rmSync(work, { recursive: true, force: true }));
}
