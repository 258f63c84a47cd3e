// Runs the real language server in this process with an event-loop delay monitor beside it, without touching
// server code. SIGUSR2 writes the stats gathered since the previous SIGUSR2 to $KINESIS_LINT_LOOP_STATS_FILE and
// starts a new window, so the benchmark can exclude start-up and measure the typing session alone.
// (SIGUSR1 is Node's inspector signal, hence USR2.) Each dump also carries the main thread's heap size.
'use strict';
const fs = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const out = process.env.KINESIS_LINT_LOOP_STATS_FILE;
// resolution 1 ms: the finest the histogram samples; a block shorter than that cannot matter for a 20 ms target.
const histogram = monitorEventLoopDelay({ resolution: 1 });
histogram.enable();
let window = 0;

function dump() {
  if (!out) return;
  const ms = (ns) => ns / 1e6;
  const stats = {
    window: window++,
    maxMs: ms(histogram.max),
    p99Ms: ms(histogram.percentile(99)),
    meanMs: ms(histogram.mean),
    samples: histogram.count,
    // The main thread's V8 heap; RSS minus this is native memory, mostly the parser workers' WASM heaps.
    heapMB: process.memoryUsage().heapTotal / 1e6,
  };
  fs.writeFileSync(out, JSON.stringify(stats));
  histogram.reset();
}

process.on('SIGUSR2', dump);
process.on('exit', dump);

require('../server/out/lsp/main.js');
