// bench/generate.js's generator, typed for the tests (the benchmark's modules are the shapes the tests replay).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const generate = require('../../../bench/generate.js') as { moduleText(minLines: number, seed: number): { text: string; lines: number; streams: number } };

/** A generated module of at least `minLines` lines. moduleText needs a provisioned stream to aim the benchmark's edit
 *  at; a small module whose streams all came out on-demand is drawn again with the next seed. */
export function moduleText(minLines: number, seed: number): { text: string; lines: number; streams: number } {
  for (let s = seed; ; s += 7919) {
    try {
      return generate.moduleText(minLines, s);
    } catch (e) {
      if (!(e instanceof TypeError) || s > seed + 7919 * 20) throw e;
    }
  }
}
