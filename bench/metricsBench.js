// The metrics snapshot (issue #13, docs/metrics.md) in the benchmark. (1) The CLI on the bench's corpus, plain
// against `--metrics FILE` with a snapshot that has an entry for every stream of the corpus plus many unrelated ones:
// alternating runs, medians, the ratio. (2) Reading a large snapshot: parse + validate (core/metrics/readSnapshot.ts,
// compiled) of snapshots of 100, 1,000 and 5,000 streams with 8 shards each, in a child process
// (bench/snapshotReadTimer.js), against the loader's size limit (loadMetrics.ts MAX_METRICS_BYTES).
// `metrics pull` is not measured: its fake CloudWatch (test/metrics/fakeCloudWatch.ts) is TypeScript test code.
// Standalone: node bench/metricsBench.js [files] [dirs] [runs]   (npm run compile first)
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');
const { performance } = require('node:perf_hooks');
const { writeCorpus, prng } = require('./generate');
const { median } = require('./stats');
const { track } = require('./processes');

const ROOT = path.join(__dirname, '..');
const CLI = path.join(ROOT, 'server', 'out', 'cli', 'main.js');
const node = process.execPath;
/** The corpus' streams: `name = "${local.prefix}-<id>"`, local.prefix = "${var.environment}-bench", environment
 *  "prod" and region var.region "us-east-1" by default (bench/generate.js header and streamGroup). */
const CORPUS_PREFIX = 'prod-bench-';
const CORPUS_REGION = 'us-east-1';
const OTHER_REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2'];
/** Unrelated entries in the CLI's snapshot, per corpus stream. */
const UNRELATED_PER_STREAM = 4;
const READ_SIZES = [100, 1000, 5000];
const READ_SHARDS = 8;

/** Wall time of `node main.js args` in cwd (exit 0 or 1: findings are not failures); stdout kept when asked. */
function runCli(cwd, args, keep = false) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = track(spawn(node, [CLI, ...args], { cwd, stdio: ['ignore', keep ? 'pipe' : 'ignore', 'pipe'] }));
    const out = [];
    const err = [];
    if (keep) child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      if (code === 0 || code === 1) resolve({ ms, stdout: Buffer.concat(out).toString() });
      else reject(new Error(`kinesis-lint ${args.join(' ')} exited ${code}: ${Buffer.concat(err).toString().slice(0, 400)}`));
    });
  });
}

/** Whether this build reads a snapshot (its --help names --metrics). */
function hasMetrics() {
  const r = spawnSync(node, [CLI, '--help'], { encoding: 'utf8' });
  return /--metrics\b/.test(`${r.stdout}${r.stderr}`);
}

/** Per-second statistics around `level` (peak ≥ p99 ≥ mean), rounded as a pull's would be. */
function stats(level, rand) {
  const p99 = Math.round(level * (0.8 + 0.4 * rand()));
  return { peak: Math.round(p99 * (1.1 + rand())), p99, mean: Math.round(p99 * (0.2 + 0.3 * rand())) };
}

/** One snapshot entry with every statistic a pull writes: bytes, records, reads, throttling, one EFO consumer, and
 *  `shards` shard-level entries (none when 0). */
function entry(stream, region, shards, rand) {
  const bytes = 65_536 + Math.floor(rand() * 1_048_576);
  const e = {
    stream,
    region,
    minutes: 20_160,
    incomingBytes: stats(bytes, rand),
    incomingRecords: stats(bytes / 1024, rand),
    getRecordsBytes: stats(bytes * 2, rand),
    writeThrottled: { peak: 0, p99: 0, mean: 0, total: 0, minutes: 0 },
    readThrottled: { peak: 0, p99: 0, mean: 0, total: 0, minutes: 0 },
    efoConsumers: { analytics: stats(bytes, rand) },
  };
  if (shards > 0) {
    e.shards = {};
    for (let s = 0; s < shards; s++) {
      e.shards[`shardId-${String(s).padStart(12, '0')}`] = { incomingBytes: stats(bytes / shards, rand), incomingRecords: stats(bytes / 1024 / shards, rand) };
    }
  }
  return e;
}

/** A version-1 snapshot (docs/metrics.md), written as `metrics pull` writes it (JSON.stringify, 2 spaces). */
function snapshotText(entries, now = new Date()) {
  const end = new Date(Math.floor(now.getTime() / 86_400_000) * 86_400_000);
  const start = new Date(end.getTime() - 14 * 86_400_000);
  const snapshot = {
    version: 1,
    range: { start: start.toISOString().replace('.000', ''), end: end.toISOString().replace('.000', ''), periodSeconds: 60 },
    pulledAt: end.toISOString().replace('.000', ''),
    source: { tool: 'kinesis-lint metrics pull', version: '0.13.0' },
    streams: entries,
  };
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** The corpus' stream names, from its files (bench/generate.js names every aws_kinesis_stream after its id). */
function corpusStreams(root) {
  const names = [];
  for (const dir of fs.readdirSync(root).sort()) {
    for (const file of fs.readdirSync(path.join(root, dir)).sort()) {
      const text = fs.readFileSync(path.join(root, dir, file), 'utf8');
      for (const m of text.matchAll(/^resource "aws_kinesis_stream" "([^"]+)"/gm)) names.push(`${CORPUS_PREFIX}${m[1]}`);
    }
  }
  return names;
}

/** Streams of a `--format json` report (one module or several) and how many carry an observation. */
function observedCount(stdout) {
  const doc = JSON.parse(stdout);
  const streams = [];
  const walk = (x) => {
    if (Array.isArray(x)) x.forEach(walk);
    else if (x && typeof x === 'object') {
      if (Array.isArray(x.streams)) streams.push(...x.streams);
      for (const [k, v] of Object.entries(x)) if (k !== 'streams') walk(v);
    }
  };
  walk(doc);
  return { streams: streams.length, observed: streams.filter((s) => s.observed).length };
}

function loaderLimit() {
  try {
    return require(path.join(ROOT, 'server', 'out', 'core', 'metrics', 'loadMetrics.js')).MAX_METRICS_BYTES;
  } catch {
    return undefined;
  }
}

/** { cli: { files, dirs, streams, entries, snapshotBytes, matched, plainMs, metricsMs, ratio }, read: [...], limitBytes } */
async function metricsBench(workDir, { files = 200, dirs = 20, runs = 3 } = {}) {
  const work = path.join(workDir, 'metrics');
  fs.rmSync(work, { recursive: true, force: true });
  const result = { runs, load: [os.loadavg()[0]], metrics: hasMetrics(), limitBytes: loaderLimit() };

  if (result.metrics) {
    const corpus = writeCorpus(path.join(work, 'corpus'), files, dirs);
    const names = corpusStreams(corpus.root);
    const rand = prng(13);
    const entries = names.map((name, i) => entry(name, CORPUS_REGION, i % 2 === 0 ? 4 : 0, rand));
    const unrelated = names.length * UNRELATED_PER_STREAM;
    for (let i = 0; i < unrelated; i++) {
      entries.push(entry(`unrelated-${String(i).padStart(5, '0')}`, OTHER_REGIONS[i % OTHER_REGIONS.length], i % 2 === 0 ? 4 : 0, rand));
    }
    // Outside the corpus, so the plain run finds no snapshot (no .kinesis-lint/metrics.json above it either).
    const file = path.join(work, 'metrics.json');
    const text = snapshotText(entries);
    fs.writeFileSync(file, text);
    const plainArgs = ['--format', 'json', '.'];
    const metricsArgs = ['--format', 'json', '--metrics', file, '.'];
    // Untimed: page cache and compile cache warm for both; and the check that every corpus stream is matched.
    const plainCheck = observedCount((await runCli(corpus.root, plainArgs, true)).stdout);
    const withCheck = observedCount((await runCli(corpus.root, metricsArgs, true)).stdout);
    const plain = [];
    const withMetrics = [];
    for (let r = 0; r < runs; r++) {
      plain.push((await runCli(corpus.root, plainArgs)).ms);
      withMetrics.push((await runCli(corpus.root, metricsArgs)).ms);
    }
    result.cli = {
      files, dirs, streams: names.length, entries: entries.length, snapshotBytes: Buffer.byteLength(text),
      reportStreams: withCheck.streams, matched: withCheck.observed, matchedPlain: plainCheck.observed,
      plainMs: median(plain), metricsMs: median(withMetrics),
    };
    result.cli.ratio = result.cli.metricsMs / result.cli.plainMs;
  }

  // Reading: one file per size, all timed in one child process, alternating across the sizes each run.
  const rand = prng(1313);
  const read = READ_SIZES.map((n) => {
    const entries = [];
    for (let i = 0; i < n; i++) entries.push(entry(`stream-${String(i).padStart(5, '0')}`, OTHER_REGIONS[i % OTHER_REGIONS.length], READ_SHARDS, rand));
    const file = path.join(work, `snapshot-${n}.json`);
    fs.mkdirSync(work, { recursive: true });
    const text = snapshotText(entries);
    fs.writeFileSync(file, text);
    return { streams: n, shards: READ_SHARDS, bytes: Buffer.byteLength(text), file };
  });
  const timer = spawnSync(node, [path.join(__dirname, 'snapshotReadTimer.js'), String(runs), ...read.map((x) => x.file)], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (timer.status !== 0) result.readError = (timer.stderr || `exit ${timer.status}`).slice(0, 400);
  else {
    const times = JSON.parse(timer.stdout);
    result.read = read.map(({ file, ...x }) => {
      const t = times[file];
      return { ...x, ok: t.ok, readMs: median(t.readMs), jsonParseMs: median(t.jsonParseMs) };
    });
  }
  result.load.push(os.loadavg()[0]);
  return result;
}

const MB = (bytes) => (bytes / 1e6).toFixed(bytes < 1e6 ? 2 : 1);
const ms = (x) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));

function metricsTable(r) {
  const rows = ['| measure | value |', '|---|---|'];
  if (r.cli) {
    const c = r.cli;
    rows.push(`| plain run (\`--format json .\`), ${c.files} files in ${c.dirs} modules, ${c.streams} streams | ${ms(c.plainMs)} ms |`);
    rows.push(`| with \`--metrics FILE\`: ${c.entries.toLocaleString('en-US')} entries (${c.streams} of the corpus, half with 4 shards; the rest unrelated), ${MB(c.snapshotBytes)} MB; ${c.matched} of ${c.reportStreams} streams observed | ${ms(c.metricsMs)} ms |`);
    rows.push(`| ratio with / without | ${c.ratio.toFixed(2)} |`);
  } else if (!r.metrics) rows.push('| --metrics | this build has no `--metrics` option |');
  if (r.read) {
    for (const x of r.read) {
      rows.push(`| read a snapshot of ${x.streams.toLocaleString('en-US')} streams × ${x.shards} shards, ${MB(x.bytes)} MB: readSnapshot (parse + validate) / JSON.parse | ${x.ok ? '' : 'NOT VALID: '}${ms(x.readMs)} ms / ${ms(x.jsonParseMs)} ms |`);
    }
    const big = r.read[r.read.length - 1];
    if (r.limitBytes) {
      const streams = Math.floor(r.limitBytes / (big.bytes / big.streams));
      const estimate = big.readMs * (r.limitBytes / big.bytes);
      rows.push(`| loader limit (loadMetrics.ts MAX_METRICS_BYTES) | ${(r.limitBytes / 2 ** 20).toFixed(0)} MiB (${MB(r.limitBytes)} MB) ≈ ${streams.toLocaleString('en-US')} such streams; ≈ ${(estimate / 1000).toFixed(0)} s to read at the ${big.streams.toLocaleString('en-US')}-stream rate (extrapolated, not measured) |`);
    }
  } else rows.push(`| read a snapshot | failed: ${(r.readError || '').split('\n')[0]} |`);
  rows.push(`| load average (1 min) at start / end | ${r.load.map((l) => l.toFixed(2)).join(' / ')} (${os.cpus().length} cores) |`);
  return rows.join('\n');
}

module.exports = { metricsBench, metricsTable };

if (require.main === module) {
  const [files, dirs, runs] = process.argv.slice(2).map(Number);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-metrics-bench-'));
  metricsBench(work, { files: files || 200, dirs: dirs || 20, runs: runs || 3 })
    .then((r) => process.stdout.write(`${metricsTable(r)}\n\n${JSON.stringify(r)}\n`))
    .catch((e) => { process.stderr.write(`${e.stack ?? e}\n`); process.exitCode = 1; })
    .finally(() => fs.rmSync(work, { recursive: true, force: true }));
}
