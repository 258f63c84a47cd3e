// Turns the measurements into the table (figure, measured, target, ratio, met?) printed to the terminal and
// written to docs/benchmarks.md with the machine, the command and how each figure was measured.
'use strict';
const fs = require('node:fs');
const os = require('node:os');

const ms = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v).toLocaleString('en-US')} ms` : 'n/a');
const times = (v) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(2) : v.toFixed(1)}×` : 'n/a');
const lines = (n) => `${n.toLocaleString('en-US')} lines`;
const met = (ok) => (ok === undefined ? '—' : ok ? 'yes' : '**no**');

/** The rows of the table, from the figures run.js gathered. */
function rows(r) {
  const out = [];
  for (const s of r.sessions) {
    const parse = r.parseMs[s.size];
    const speedup = parse / s.editP95;
    const gated = s.size === r.gateSize;
    out.push({
      figure: `1. edit → diagnostics, ${lines(s.lines)} (p50 / p95; whole-file hcl2json parse)`,
      measured: `${ms(s.editP50)} / ${ms(s.editP95)}; parse ${ms(parse)}`,
      target: gated ? 'p95 ≥ 15× faster than the parse' : '— (reported)',
      ratio: `${times(speedup)} (parse ÷ p95)`,
      met: met(gated ? speedup >= 15 : undefined),
    });
  }
  const worst = (key) => Math.max(...r.sessions.map((s) => s[key]));
  const perSize = (key) => r.sessions.map((s) => ms(s[key])).join(' / ');
  const sizes = r.sessions.map((s) => s.lines.toLocaleString('en-US')).join(' / ');
  for (const [key, name] of [['hoverP95', 'hover'], ['lensP95', 'code lens']]) {
    out.push({
      figure: `2. ${name} p95 while typing (${sizes} lines)`,
      measured: perSize(key),
      target: '≤ 10 ms',
      ratio: `${times(worst(key) / 10)} of target`,
      met: met(worst(key) <= 10),
    });
  }
  out.push({
    figure: `2. longest event-loop block of the server while typing (${sizes} lines)`,
    measured: perSize('loopMaxMs'),
    target: '≤ 20 ms',
    ratio: `${times(worst('loopMaxMs') / 20)} of target`,
    met: met(worst('loopMaxMs') <= 20),
  });
  out.push({
    figure: `3. cold start → first diagnostics, ${lines(r.cold.lines)}`,
    measured: ms(r.cold.ms),
    target: '≤ 1,500 ms',
    ratio: `${times(r.cold.ms / 1500)} of target`,
    met: met(r.cold.ms <= 1500),
  });
  const b = r.bundled;
  if (b) {
    const pair = (x) => (b.error ? 'n/a' : `${ms(x.unbundled)} → ${ms(x.bundled)}`);
    out.push({
      figure: '3b. extension load (activation) unbundled → bundled',
      measured: pair(b.loadMs),
      target: '–',
      ratio: b.error ? b.error : `${times(b.loadMs.bundled / b.loadMs.unbundled)} unbundled`,
      met: met(undefined),
    });
    out.push({
      figure: `3c. cold start → first diagnostics unbundled → bundled server, ${lines(r.cold.lines)}`,
      measured: pair(b.coldMs),
      target: '≤ 1,500 ms',
      ratio: b.error ? b.error : `${times(b.coldMs.bundled / b.coldMs.unbundled)} unbundled`,
      met: met(b.error ? undefined : b.coldMs.bundled <= 1500),
    });
  }
  const cli = r.corpus;
  out.push({
    figure: `4. CLI on ${cli.files.toLocaleString('en-US')} files (~${cli.avgLines} lines, ${cli.dirs} modules); terraform fmt -check -recursive`,
    measured: `${ms(cli.cliMs)}; terraform ${cli.terraformMs === undefined ? 'not on PATH' : ms(cli.terraformMs)}`,
    target: '≤ 2× terraform fmt',
    ratio: cli.terraformMs === undefined ? 'n/a' : `${times(cli.cliMs / cli.terraformMs)} terraform`,
    met: met(cli.terraformMs === undefined ? undefined : cli.cliMs <= 2 * cli.terraformMs),
  });
  const mb = r.rssMB;
  out.push({
    figure: `5. peak RSS of the server after the ${lines(r.gateLines)} session`,
    measured: `${Math.round(mb)} MB`,
    target: '≤ 200 MB',
    ratio: `${times(mb / 200)} of target`,
    met: met(mb <= 200),
  });
  return out;
}

function table(rs) {
  const head = ['figure', 'measured', 'target', 'ratio', 'met?'];
  const body = rs.map((x) => [x.figure, x.measured, x.target, x.ratio, x.met]);
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

module.exports = { rows, table, machine };
