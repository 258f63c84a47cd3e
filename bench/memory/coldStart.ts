// First parse after an idle shutdown (cold: new worker, WASM load, self-test) vs a parse by a running worker
// (warm), interleaved in one process: TS_NODE_PROJECT=test/tsconfig.json TS_NODE_TRANSPILE_ONLY=true node -r ts-node/register bench/memory/coldStart.ts ROUNDS
import { performance } from 'node:perf_hooks';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { moduleText } = require('../../bench/generate.js');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
(async () => {
  const rounds = Number(process.argv[2] ?? 5);
  const text: string = moduleText(20000, 7).text;
  // One stream block of the 20k-line module: what a keystroke sends to the parser.
  const start = text.indexOf('resource "aws_kinesis_stream" "s0200"');
  const block = text.slice(start, text.indexOf('\n}\n', start) + 3);
  const rssBeforeMB = +(process.memoryUsage().rss / 1e6).toFixed(1);
  const parser = new HclParser({ idleShutdownMs: 200 });
  const cold: number[] = [];
  const rss: number[] = [];
  const warm: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const stops = parser.stats.idleStops;
    while (parser.stats.idleStops === stops && r > 0) await new Promise((res) => setTimeout(res, 20));
    rss.push(+(process.memoryUsage().rss / 1e6).toFixed(0));
    let t = performance.now();
    const first = await parser.parse(block + `# ${r}\n`);
    cold.push(performance.now() - t);
    for (let i = 0; i < 5; i++) {
      t = performance.now();
      await parser.parse(block + `# ${r}.${i}\n`);
      warm.push(performance.now() - t);
    }
    if (!first.ok) throw new Error('parse failed');
    rss.push(+(process.memoryUsage().rss / 1e6).toFixed(0));
  }
  const rssMB = () => +(process.memoryUsage().rss / 1e6).toFixed(1);
  const warmRss = rssMB();
  const stops = parser.stats.idleStops;
  while (parser.stats.idleStops === stops) await new Promise((res) => setTimeout(res, 20));
  await new Promise((res) => setTimeout(res, 500));
  console.log(JSON.stringify({ rss, rssBeforeMB, warmRss, afterIdleStopRss: rssMB() }));
  console.log(JSON.stringify({ rounds, blockChars: block.length, coldMs: cold.map(Math.round), warmMs: warm.map((x) => +x.toFixed(1)), coldMedianMs: Math.round(median(cold)), warmMedianMs: +median(warm).toFixed(1), stats: parser.stats }));
  await parser.dispose();
})();
