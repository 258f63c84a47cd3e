#!/usr/bin/env node
// Validates the in-process git reader (server/src/node/git) against git itself on real repositories — mirrors of
// published Terraform modules, not in the clone, so not part of `npm test`:
//   npm run compile && node scripts/check-git-reader.js [--commits 8] [--max-blobs 20000] [--max-refs 2000] <git dir>...
// For every ref (full and short name) and a ladder of HEAD~N / ^2 revisions, resolveRevision must equal
// `git cat-file --batch-check` of `<rev>^{commit}` (or fail where git finds nothing). For sampled commits, every
// blob's bytes must equal `git cat-file --batch`, and every regular file read through commitTreeHost must equal
// those bytes decoded as UTF-8 (links and committed `.terraform/` paths, which the Host reads from disk, skipped).
// Timing: the reader (fresh store: cold caches) against one `git cat-file --batch` process over the same blobs,
// per 1,000 blobs. Only reads: the repositories are never written.
'use strict';
const { execFileSync } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');
const git = require('../server/out/node/git');
const { repositoryState } = require('../server/out/node/git/repository');
const { nodeHost } = require('../server/out/node/nodeHost');

const ENV = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
const run = (dir, args, input) =>
  execFileSync('git', ['--git-dir', dir, ...args], { env: ENV, input, maxBuffer: 2 ** 31 - 1 });

/** `git cat-file --batch-check` / `--batch` over lines: per line { oid, type, size, data? } or undefined. */
function catFile(dir, lines, withData) {
  const out = run(dir, ['cat-file', withData ? '--batch' : '--batch-check'], lines.join('\n') + '\n');
  const result = [];
  for (let at = 0; at < out.length; ) {
    const nl = out.indexOf(0x0a, at);
    const m = /^([0-9a-f]{40}) (\w+) (\d+)$/.exec(out.toString('utf8', at, nl));
    at = nl + 1;
    if (!m) {
      result.push(undefined);
      continue;
    }
    const size = Number(m[3]);
    result.push({ oid: m[1], type: m[2], size, data: withData ? out.subarray(at, at + size) : undefined });
    if (withData) at += size + 1;
  }
  return result;
}

async function checkRepository(gitDir, { commits: sampleCount, maxBlobs, maxRefs }) {
  const workTree = path.join(os.tmpdir(), 'kinesis-lint-check-git-reader', path.basename(path.dirname(gitDir)));
  const repo = { workTree, gitDir, commonDir: gitDir };
  const report = { repository: gitDir, revisions: 0, revisionMismatches: [], blobs: 0, blobMismatches: [], files: 0, fileMismatches: [], skipped: 0 };

  // Revisions: every ref by full and short name, HEAD~N and their second parents.
  const allRefs = await git.listRefs(repo);
  // Evenly spread when there are more than --max-refs (hashicorp/terraform has ~20,000 pull-request refs).
  const refs = allRefs.filter((_, i) => allRefs.length <= maxRefs || i % Math.ceil(allRefs.length / maxRefs) === 0);
  report.refs = `${refs.length} of ${allRefs.length}`;
  const depth = Number(run(gitDir, ['rev-list', '--first-parent', '--count', 'HEAD']).toString().trim());
  const revs = ['HEAD', '@'];
  for (const ref of refs) revs.push(ref, ref.replace(/^refs\/(heads|tags|remotes)\//, ''));
  for (let n = 0; n < depth; n += Math.max(1, Math.floor(depth / 60))) revs.push(`HEAD~${n}`, `HEAD~${n}^2`, `HEAD~${n}^2~1`);
  const expected = catFile(gitDir, revs.map((r) => `${r}^{commit}`), false);
  for (const [i, rev] of revs.entries()) {
    const got = await git.resolveRevision(repo, rev);
    const want = expected[i]?.oid;
    report.revisions++;
    if (want ? !(got.ok && got.commit === want) : got.ok) report.revisionMismatches.push({ rev, want: want ?? 'none', got });
  }

  // Blobs of sampled commits, spread over the whole history.
  const all = run(gitDir, ['rev-list', '--all']).toString().trim().split('\n');
  const sample = Array.from({ length: Math.min(sampleCount, all.length) }, (_, i) => all[Math.floor((i * all.length) / Math.min(sampleCount, all.length))]);
  const files = [];
  const blobSet = new Set();
  for (const commit of sample) {
    const listing = run(gitDir, ['ls-tree', '-r', '-z', commit]).toString('utf8').split('\0').filter(Boolean);
    for (const line of listing) {
      const [meta, file] = line.split('\t');
      const [mode, type, oid] = meta.split(' ');
      if (type !== 'blob') continue;
      if (blobSet.size < maxBlobs) blobSet.add(oid);
      if (blobSet.has(oid)) files.push({ commit, file, oid, regular: mode !== '120000' });
    }
  }
  const blobs = [...blobSet];
  const store = repositoryState(repo).store;
  let t = process.hrtime.bigint();
  const mine = [];
  for (const oid of blobs) mine.push(await store.read(oid).catch((e) => e));
  const readerMs = Number(process.hrtime.bigint() - t) / 1e6;
  t = process.hrtime.bigint();
  const theirs = catFile(gitDir, blobs, true);
  const gitMs = Number(process.hrtime.bigint() - t) / 1e6;
  const bytesOf = new Map();
  for (const [i, oid] of blobs.entries()) {
    report.blobs++;
    bytesOf.set(oid, theirs[i]?.data);
    // Missing for both (a partial clone's promisor pack leaves blobs on the server): agreement, counted apart.
    if (theirs[i] === undefined && mine[i] instanceof Error) {
      report.missingForBoth = (report.missingForBoth ?? 0) + 1;
      continue;
    }
    if (!(mine[i] && mine[i].data && theirs[i] && mine[i].type === theirs[i].type && mine[i].data.equals(theirs[i].data))) {
      report.blobMismatches.push({ oid, error: mine[i] instanceof Error ? mine[i].message : undefined });
    }
  }
  report.readerMsPer1000 = +((readerMs * 1000) / Math.max(1, blobs.length)).toFixed(1);
  report.gitCatFileMsPer1000 = +((gitMs * 1000) / Math.max(1, blobs.length)).toFixed(1);
  report.blobBytes = [...bytesOf.values()].reduce((s, b) => s + (b ? b.length : 0), 0);

  // The Host over each sampled commit: regular files (links resolve elsewhere; counted as skipped).
  const hosts = new Map(sample.map((c) => [c, git.commitTreeHost(repo, c, nodeHost)]));
  for (const f of files) {
    const want = bytesOf.get(f.oid);
    // Links resolve to other paths; a committed `.terraform/` path is read from the disk by design (modules
    // installed by terraform init are never committed; hashicorp/terraform commits such test fixtures).
    // A blob past --max-blobs was not fetched from git: nothing to compare with (counted as skipped).
    if (want === undefined || !f.regular || want.length > 4 * 1024 * 1024 || f.file.split('/').includes('.terraform')) {
      report.skipped++;
      continue;
    }
    report.files++;
    const text = await hosts.get(f.commit).readFile(path.join(workTree, ...f.file.split('/')));
    if (text !== want.toString('utf8')) report.fileMismatches.push({ commit: f.commit, file: f.file, problem: hosts.get(f.commit).readProblem(path.join(workTree, f.file)) });
  }
  await git.releaseRepository(repo);
  return report;
}

async function main() {
  const args = process.argv.slice(2);
  const opts = { commits: 8, maxBlobs: 20000, maxRefs: 2000 };
  const dirs = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--commits') opts.commits = Number(args[++i]);
    else if (args[i] === '--max-blobs') opts.maxBlobs = Number(args[++i]);
    else if (args[i] === '--max-refs') opts.maxRefs = Number(args[++i]);
    else dirs.push(path.resolve(args[i]));
  }
  if (!dirs.length) {
    console.error('usage: node scripts/check-git-reader.js [--commits N] [--max-blobs N] [--max-refs N] <git dir>...');
    process.exit(2);
  }
  let failed = false;
  for (const dir of dirs) {
    const t = Date.now();
    const r = await checkRepository(dir, opts);
    failed ||= r.revisionMismatches.length + r.blobMismatches.length + r.fileMismatches.length > 0;
    console.log(JSON.stringify({ ...r, seconds: (Date.now() - t) / 1000, revisionMismatches: r.revisionMismatches.slice(0, 5), blobMismatches: r.blobMismatches.slice(0, 5), fileMismatches: r.fileMismatches.slice(0, 5), mismatchCounts: [r.revisionMismatches.length, r.blobMismatches.length, r.fileMismatches.length] }));
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(2);
});
