// The server's way of re-analysing (parse cache, result cache, reused SourceFiles): wall and CPU ms of an unchanged pass
// and of a one-digit edit, and the longest synchronous stretch (setImmediate chain). Usage: node scripts/passProfile.js
// server/out FILE RUNS (run it with a base checkout's server/out beside this one's to compare; docs/incremental-analysis.md).
// synchronous stretch seen by a setImmediate chain during the edit and unchanged passes).
const fs = require('fs'); const path = require('path'); const { performance } = require('perf_hooks');
const [out, file, runsArg] = process.argv.slice(2);
const { Analyzer } = require(path.join(out, 'core', 'analyze'));
const { HclParser } = require(path.join(out, 'core', 'syntax', 'hcl2json'));
const { CachedParser } = require(path.join(out, 'core', 'syntax', 'parseCache'));
const { ResultCache } = require(path.join(out, 'core', 'pipeline', 'resultCache'));
const { nodeHost } = require(path.join(out, 'node', 'nodeHost'));
const med = (a) => { const s = [...a].sort((x, y) => x - y); return +s[Math.floor(s.length / 2)].toFixed(1); };
(async () => {
  const dir = path.dirname(file); const original = fs.readFileSync(file, 'utf8'); let text = original;
  const host = { ...nodeHost, readFile: async (p) => (p === file ? text : nodeHost.readFile(p)) };
  const parser = new HclParser(); const parseCache = new CachedParser(parser); const resultCache = new ResultCache();
  const sourceFiles = new Map();
  const run = () => new Analyzer(host, { parser, parseCache, resultCache, sourceFiles }).analyzeModules([dir]);
  for (let i = 0; i < 3; i++) await run();
  let maxGap = 0, last = 0, on = false, maxCpuGap = 0, lastCpu = process.cpuUsage();
  const spin = () => { const now = performance.now(); const cpu = process.cpuUsage(); if (on) { maxGap = Math.max(maxGap, now - last); maxCpuGap = Math.max(maxCpuGap, (cpu.user + cpu.system - lastCpu.user - lastCpu.system) / 1000); } last = now; lastCpu = cpu; if (on) setImmediate(spin); };
  const timed = async (fn, watch) => { maxGap = 0; on = watch; last = performance.now(); lastCpu = process.cpuUsage(); if (watch) setImmediate(spin); const c0 = process.cpuUsage(); const t0 = performance.now(); await fn(); const t = performance.now() - t0; const c = process.cpuUsage(c0); on = false; return [t, watch ? Math.max(maxGap, 0) : 0, (c.user + c.system) / 1000, maxCpuGap]; };
  const at = original.indexOf('\n', original.indexOf('shard_count', Math.floor(original.length / 2)));
  const r = { edit: [], unchanged: [], editGap: [], unchangedGap: [], editCpu: [], unchangedCpu: [] };
  const runs = Number(runsArg);
  for (let i = 0; i < runs; i++) {
    text = original.slice(0, at) + String(i + 1) + original.slice(at);
    const [e, eg, ec] = await timed(run, false); r.edit.push(e); r.editGap.push(eg); r.editCpu.push(ec);
    const [u, ug, uc] = await timed(run, false); r.unchanged.push(u); r.unchangedGap.push(ug); r.unchangedCpu.push(uc);
    maxCpuGap = 0; const [, ug2, , ucg] = await timed(run, true); r.unchangedGap.push(ug2); r.unchangedCpuGap = Math.max(r.unchangedCpuGap || 0, ucg);
    text = original.slice(0, at) + String(i + 1) + String(i + 1) + original.slice(at);
    const [, eg2] = await timed(run, true); r.editGap.push(eg2); await run();
  }
  await parser.dispose();
  console.log(JSON.stringify({ file: path.basename(dir), editMs: med(r.edit), unchangedMs: med(r.unchanged), editCpuMs: med(r.editCpu), unchangedCpuMs: med(r.unchangedCpu), maxBlockEditMs: +Math.max(...r.editGap).toFixed(1), maxBlockUnchangedMs: +Math.max(...r.unchangedGap).toFixed(1), maxBlockUnchangedCpuMs: +(r.unchangedCpuGap || 0).toFixed(1), hits: resultCache.stats.hits, misses: resultCache.stats.misses, refused: resultCache.stats.refused, bytes: resultCache.bytes, size: resultCache.size }));
})().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
