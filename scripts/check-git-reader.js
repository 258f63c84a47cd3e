#!/usr/bin/env node
// Validates the in-process git reader (server/src/node/git, compiled: npm run compile) against git itself on real
// repositories (bare mirrors: their packfiles, deltas and refs as GitHub serves them). Not part of `npm test`.
//   node scripts/check-git-reader.js [--last N] <git-dir>...
// For each of the last N commits (git rev-list --all, default 200): every .tf / .tf.json / .tfvars blob of the commit's
// tree read through commitTreeHost compared with `git cat-file --batch`, and the root directory listing compared with
// `git ls-tree`; for every ref (and HEAD, short oids, REV~1, REV^2 of merges) resolveRevision compared with
// `git rev-parse --verify`. Prints every mismatch (repo, commit, path) and the read throughput of both side by side.
'use strict';
const { spawnSync, spawn } = require('node:child_process');
const path = require('node:path');
const git = require('../server/out/node/git');
const { nodeHost } = require('../server/out/node/nodeHost');

const args = process.argv.slice(2);
let last = 200;
const dirs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--last') last = Number(args[++i]);
  else dirs.push(path.resolve(args[i]));
}
if (dirs.length === 0) {
  process.stderr.write('usage: check-git-reader.js [--last N] <git-dir>...\n');
  process.exit(2);
}
const TERRAFORM = /(\.tf|\.tf\.json|\.tfvars|\.tfvars\.json)$/;
const MAX = 4 * 1024 * 1024;

function run(gitDir, ...a) {
  // No config from the machine: the truth must be plain git on the object store.
  const r = spawnSync('git', ['--git-dir', gitDir, ...a], { encoding: 'buffer', maxBuffer: 1 << 30, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', GIT_NO_LAZY_FETCH: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr.toString() };
}

/** `git cat-file --batch` for a list of oids: Map oid → Buffer (or null when missing), and the time it took. */
function catFileBatch(gitDir, oids) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const p = spawn('git', ['--git-dir', gitDir, 'cat-file', '--batch'], { env: { ...process.env, GIT_NO_LAZY_FETCH: '1' } });
    const chunks = [];
    p.stdout.on('data', (c) => chunks.push(c));
    p.on('error', reject);
    p.on('close', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const buf = Buffer.concat(chunks);
      const out = new Map();
      let at = 0;
      for (const oid of oids) {
        const nl = buf.indexOf(10, at);
        const header = buf.subarray(at, nl).toString();
        at = nl + 1;
        if (header.endsWith(' missing')) { out.set(oid, null); continue; }
        const size = Number(header.split(' ')[2]);
        out.set(oid, buf.subarray(at, at + size));
        at += size + 1;
      }
      resolve({ blobs: out, ms });
    });
    p.stdin.end(oids.map((o) => `${o}\n`).join(''));
  });
}

async function checkRepository(gitDir) {
  // A mirror is …/owner+name/repo, a clone's is …/name/.git: name it by the folder that says which repository it is.
  const name = ['repo', '.git'].includes(path.basename(gitDir)) ? path.basename(path.dirname(gitDir)) : path.basename(gitDir);
  const workTree = path.join('/nonexistent-work-tree', name); // never read: every path below is inside the commit's tree
  const repo = { workTree, gitDir, commonDir: gitDir };
  const mismatches = [];
  const commits = run(gitDir, 'rev-list', '--all', `--max-count=${last}`).out.toString().split('\n').filter(Boolean);
  let files = 0, bytes = 0, skipped = { symlink: 0, large: 0, missing: 0 }, dirsChecked = 0;
  let readerMs = 0, gitMs = 0;

  for (const commit of commits) {
    const entries = run(gitDir, 'ls-tree', '-r', '-z', '--full-tree', commit).out.toString('utf8').split('\0').filter(Boolean).map((line) => {
      const [meta, file] = line.split('\t');
      const [mode, type, oid] = meta.split(' ');
      return { mode, type, oid, file };
    });
    const wanted = entries.filter((e) => e.type === 'blob' && TERRAFORM.test(e.file));
    const links = wanted.filter((e) => e.mode === '120000');
    skipped.symlink += links.length;
    const blobs = wanted.filter((e) => e.mode !== '120000');
    const truth = await catFileBatch(gitDir, [...new Set(blobs.map((e) => e.oid))]);
    gitMs += truth.ms;

    const host = git.commitTreeHost(repo, commit, nodeHost);
    const t0 = process.hrtime.bigint();
    const got = [];
    for (const e of blobs) got.push(await host.readFile(path.join(workTree, e.file)));
    const rootList = await host.readDir(workTree);
    readerMs += Number(process.hrtime.bigint() - t0) / 1e6;

    blobs.forEach((e, i) => {
      const expected = truth.blobs.get(e.oid);
      if (expected === null) {
        skipped.missing++;
        if (got[i] !== undefined) mismatches.push({ commit, file: e.file, oid: e.oid, what: 'git has no such object (partial clone) but the reader returned text' });
        return;
      }
      if (expected.length > MAX) {
        skipped.large++;
        if (got[i] !== undefined) mismatches.push({ commit, file: e.file, oid: e.oid, what: `over ${MAX} bytes but read` });
        return;
      }
      files++;
      bytes += expected.length;
      const text = expected.toString('utf8');
      if (got[i] !== text) mismatches.push({ commit, file: e.file, oid: e.oid, what: got[i] === undefined ? `unread: ${host.readProblem?.(path.join(workTree, e.file))}` : `text differs (reader ${got[i].length} chars, git ${text.length})` });
    });

    const top = run(gitDir, 'ls-tree', '-z', commit).out.toString('utf8').split('\0').filter(Boolean).map((l) => ({ name: l.split('\t')[1], dir: l.split(' ')[1] === 'tree' }));
    const mine = (rootList ?? []).map((e) => `${e.name}${e.isDirectory ? '/' : ''}`).sort().join(',');
    const theirs = top.map((e) => `${e.name}${e.dir ? '/' : ''}`).sort().join(',');
    dirsChecked++;
    if (mine !== theirs) mismatches.push({ commit, file: '(root listing)', what: `reader [${mine}] git [${theirs}]` });
  }

  // Revisions: every ref, HEAD, and for a sample of commits the short oid, ~1 and ^2.
  const refs = run(gitDir, 'for-each-ref', '--format=%(refname)').out.toString().split('\n').filter(Boolean);
  const revs = ['HEAD', '@', ...refs];
  for (const r of refs) {
    const m = /^refs\/(heads|tags|remotes)\/(.+)$/.exec(r);
    if (m) revs.push(m[2]);
  }
  for (const c of commits.slice(0, 30)) revs.push(c.slice(0, 7), c.slice(0, 12), `${c}~1`, `${c}^`, `${c}^2`, `${c.slice(0, 10)}~2`);
  revs.push('HEAD~3', 'HEAD^1', 'no-such-branch-mian');
  let revsChecked = 0, revsAgree = 0;
  for (const rev of revs) {
    const truth = run(gitDir, 'rev-parse', '--verify', '-q', `${rev}^{commit}`);
    const expected = truth.code === 0 ? truth.out.toString().trim() : undefined;
    const got = await git.resolveRevision(repo, rev);
    revsChecked++;
    const mine = got.ok ? got.commit : undefined;
    if (mine === expected) revsAgree++;
    else mismatches.push({ commit: '-', file: `rev ${rev}`, what: `reader ${got.ok ? got.commit : `error: ${got.error}`}, git ${expected ?? '(no commit)'}` });
  }
  await git.releaseRepository?.(repo);
  return { name, commits: commits.length, files, bytes, skipped, dirsChecked, revsChecked, revsAgree, readerMs, gitMs, mismatches };
}

(async () => {
  let bad = 0;
  for (const dir of dirs) {
    const r = await checkRepository(dir);
    bad += r.mismatches.length;
    const rate = (ms) => (ms > 0 ? Math.round(r.files / (ms / 1000)) : 0);
    process.stdout.write(`${r.name}: ${r.commits} commits, ${r.files} .tf/.tfvars blobs (${(r.bytes / 1e6).toFixed(2)} MB) identical ${r.files - r.mismatches.filter((m) => !m.file.startsWith('rev ') && m.file !== '(root listing)').length}/${r.files}; `
      + `skipped ${r.skipped.symlink} symlinks, ${r.skipped.large} > 4 MiB, ${r.skipped.missing} absent (partial clone); root listings ${r.dirsChecked}; `
      + `revisions ${r.revsAgree}/${r.revsChecked} agree; reader ${r.readerMs.toFixed(0)} ms (${rate(r.readerMs)} blobs/s), git cat-file --batch ${r.gitMs.toFixed(0)} ms (${rate(r.gitMs)} blobs/s)\n`);
    // One line per distinct problem (the same blob is in many commits' trees): the first commit and path, and how many.
    const distinct = new Map();
    for (const m of r.mismatches) {
      const key = `${m.oid ?? m.file}\u0000${m.what}`;
      const seen = distinct.get(key);
      if (seen) seen.count++;
      else distinct.set(key, { ...m, count: 1 });
    }
    process.stdout.write(`  ${r.mismatches.length} mismatches, ${distinct.size} distinct\n`);
    for (const m of distinct.values()) process.stdout.write(`  MISMATCH ${r.name} ${m.commit} ${m.file}${m.oid ? ` (blob ${m.oid})` : ''}${m.count > 1 ? ` and ${m.count - 1} other commit(s)` : ''}: ${m.what}\n`);
  }
  process.exit(bad === 0 ? 0 : 1);
})().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(2);
});
