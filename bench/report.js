// The tables of docs/benchmarks.md: the targets of issue #11 (measured, target, ratio, met?) and the sweep (every
// shape and size with its figures), plus the machine line.
'use strict';
const fs = require('node:fs');
const os = require('node:os');

const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms` : 'n/a');
const times = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×` : 'n/a');
const mb = (v) => (Number.isFinite(v) ? `${Math.round(v)} MB` : 'n/a');
const n = (v) => v.toLocaleString('en-US');
const met = (ok) => (ok === undefined ? '—' : ok ? 'yes' : '**no**');

/** "20k lines", "250 streams": the size of an input in its shape's unit. */
const stepName = (s) => `${s.unit === 'lines' && s.step >= 1000 ? `${s.step / 1000}k` : n(s.step)} ${s.unit}`;
const label = (s) => `${s.shape} ${stepName(s)}`;

/** The first and last step of each shape measured, for the no-cliff ratio. */
function cliffPairs(r) {
  return r.shapes.map((def) => {
    const of = r.sessions.filter((s) => s.shape === def.shape);
    return { def, small: of[0], large: of[of.length - 1] };
  }).filter((p) => p.small && p.large && p.small !== p.large);
}

/** The input where `key` is worst (inputs without a figure left out). */
function worst(r, key) {
  const measured = r.sessions.filter((s) => Number.isFinite(s[key]));
  return measured.reduce((w, s) => (s[key] > w[key] ? s : w), measured[0] ?? r.sessions[0]);
}

function targetRows(r) {
  const out = [];
  const by = (id) => r.sessions.find((s) => s.id === id);
  for (const { def, small, large } of cliffPairs(r)) {
    const ratio = large.editP95 / small.editP95;
    out.push({
      figure: `No cliff, ${def.title}: edit → diagnostics p95 at ${stepName(large)} ÷ at ${stepName(small)}`,
      measured: `${ms(large.editP95)} ÷ ${ms(small.editP95)}`,
      target: '≤ 2×',
      ratio: times(ratio),
      met: met(Number.isFinite(ratio) ? ratio <= 2 : undefined),
    });
  }
  const gate = by(r.gate);
  if (gate) {
    const speedup = r.parse.gateMs / gate.editP95;
    out.push({
      figure: `Edit → diagnostics p95 at ${n(gate.lines)} lines vs a whole-file hcl2json parse of the same text`,
      measured: `${ms(gate.editP95)} (p50 ${ms(gate.editP50)}); parse ${ms(r.parse.gateMs)}`,
      target: '≥ 15× faster',
      ratio: `${times(speedup)} (parse ÷ p95)`,
      met: met(Number.isFinite(speedup) ? speedup >= 15 : undefined),
    });
  }
  for (const [key, name, limit] of [['hoverP95', 'Hover p95 while typing', 10], ['lensP95', 'Code lens p95 while typing', 10],
    ['loopMaxMs', 'Longest event-loop block of the server while typing', 20]]) {
    const w = worst(r, key);
    out.push({
      figure: `${name}, worst input of the sweep`,
      measured: `${ms(w[key])} (${label(w)})`,
      target: `≤ ${limit} ms at every size`,
      ratio: `${times(w[key] / limit)} of target`,
      met: met(w[key] <= limit),
    });
  }
  out.push({
    figure: `Cold open → first diagnostics, ${n(r.cold.lines)} lines`,
    measured: ms(r.cold.ms),
    target: '≤ 1,500 ms',
    ratio: `${times(r.cold.ms / 1500)} of target`,
    met: met(r.cold.ms <= 1500),
  });
  const b = r.bundled;
  if (b) {
    const pair = (x) => (b.error ? 'n/a' : `${ms(x.unbundled)} → ${ms(x.bundled)}`);
    out.push({
      figure: 'Extension load (activation), unbundled → bundled',
      measured: pair(b.loadMs),
      target: '— (reported)',
      ratio: b.error ? b.error : `${times(b.loadMs.bundled / b.loadMs.unbundled)} unbundled`,
      met: met(undefined),
    });
    out.push({
      figure: `Cold open → first diagnostics, unbundled → bundled server, ${n(r.cold.lines)} lines`,
      measured: pair(b.coldMs),
      target: '≤ 1,500 ms',
      ratio: b.error ? b.error : `${times(b.coldMs.bundled / b.coldMs.unbundled)} unbundled`,
      met: met(b.error ? undefined : b.coldMs.bundled <= 1500),
    });
  }
  const i = r.idle;
  out.push({
    figure: `Parser worker restart after an idle shutdown: edit → diagnostics, ${n(r.cold.lines)} lines, cold vs warm worker`,
    measured: !i.available ? 'not available in this build' : i.error ? `failed: ${i.error}` : i.skipped ? 'not measured (see notes)' : `${ms(i.coldMs)} vs ${ms(i.warmMs)}`,
    target: '— (measured)',
    ratio: Number.isFinite(i.coldMs) ? `${times(i.coldMs / i.warmMs)} warm` : 'n/a',
    met: met(undefined),
  });
  const c = r.corpus;
  out.push({
    figure: `CLI on ${n(c.files)} files (~${c.avgLines} lines, ${c.dirs} modules) vs terraform fmt -check -recursive`,
    measured: `${ms(c.cliMs)}; terraform ${c.terraformMs === undefined ? 'not on PATH' : ms(c.terraformMs)}`,
    target: '≤ 1.5× terraform fmt (goal 1×)',
    ratio: c.terraformMs === undefined ? 'n/a' : `${times(c.cliMs / c.terraformMs)} terraform`,
    met: met(c.terraformMs === undefined ? undefined : c.cliMs <= 1.5 * c.terraformMs),
  });
  out.push({
    figure: 'CLI --cache on the corpus: warm run (nothing changed) vs cold run (no cache file)',
    measured: c.cache.available ? `${ms(c.cache.warmMs)} vs ${ms(c.cache.coldMs)}` : 'not available in this build',
    target: '≤ 0.25× the cold run',
    ratio: c.cache.available ? `${times(c.cache.warmMs / c.cache.coldMs)} cold` : 'n/a',
    met: met(c.cache.available ? c.cache.warmMs <= 0.25 * c.cache.coldMs : undefined),
  });
  for (const [id, limit] of [[r.gate, 200], [r.largest, 350]]) {
    const s = by(id);
    if (!s) continue;
    out.push({
      figure: `Peak RSS of the server (worker threads included) after typing in the ${n(s.lines)}-line file`,
      measured: mb(s.rssMB),
      target: `≤ ${limit} MB`,
      ratio: `${times(s.rssMB / limit)} of target`,
      met: met(Number.isFinite(s.rssMB) ? s.rssMB <= limit : undefined),
    });
  }
  return out;
}

function table(rs) {
  const head = ['figure', 'measured', 'target', 'ratio', 'met?'];
  const body = rs.map((x) => [x.figure, x.measured, x.target, x.ratio, x.met]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
}

function sweepTable(r) {
  const head = ['shape', 'size', 'lines / top-level blocks / streams', 'edits timed', 'edit → diagnostics p50 / p95', 'hover p95', 'lens p95',
    'longest loop block', 'peak RSS', 'open → first diagnostics'];
  const body = r.sessions.map((s) => [s.shape, stepName(s), `${n(s.lines)} / ${n(s.blocks)} / ${n(s.streams)}`, `${n(s.edits)}${s.failed ? ' (a session failed)' : ''}`,
    `${ms(s.editP50)} / ${ms(s.editP95)}`, ms(s.hoverP95), ms(s.lensP95), ms(s.loopMaxMs), mb(s.rssMB), ms(s.coldOpenMs)]);
  return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((b) => `| ${b.join(' | ')} |`)].join('\n');
}

function cpuModel() {
  try {
    const m = /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    return m ? m[1].trim() : os.cpus()[0]?.model ?? 'unknown';
  } catch {
    return os.cpus()[0]?.model ?? 'unknown';
  }
}

function machine() {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  return `${cores} cores (${cpuModel()}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()}`;
}

module.exports = { targetRows, sweepTable, table, machine, cliffPairs, stepName, label };
