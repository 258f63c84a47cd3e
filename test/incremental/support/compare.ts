// Two analyses compared piece by piece (each finding, stream report, unknown and module call as its own JSON), so a
// difference in a 2 MB result is found fast and reported as the first differing piece, not as a 1 MB diff.
import { strict as assert } from 'node:assert';
import type { ModuleAnalysis } from '../../../server/src/core/results';

/** One analysis run as labelled pieces: `[where, JSON]`. */
export type Pieces = [string, string][];

export function pieces(analyses: ModuleAnalysis[]): Pieces {
  const out: Pieces = [];
  for (const a of analyses) {
    out.push([`${a.dir} files`, JSON.stringify(a.files)]);
    a.findings.forEach((f, i) => out.push([`${a.dir} finding #${i}`, JSON.stringify(f)]));
    a.streams.forEach((s, i) => out.push([`${a.dir} stream report #${i} (${s.resource})`, JSON.stringify(s)]));
    (a.unknowns ?? []).forEach((u, i) => out.push([`${a.dir} unknown #${i}`, JSON.stringify(u)]));
    (a.moduleCalls ?? []).forEach((c, i) => out.push([`${a.dir} module call #${i}`, JSON.stringify(c)]));
  }
  return out;
}

const clip = (s: string | undefined) => (s === undefined ? '(none)' : s.length > 1500 ? `${s.slice(0, 1500)}… (${s.length} chars)` : s);

/** Fails with the first piece that differs (and how many pieces each side has), prefixed by `context`. */
export function assertSamePieces(actual: Pieces, expected: Pieces, context: string, names = ['incremental', 'from scratch']): void {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    const a = actual[i];
    const e = expected[i];
    if (a && e && a[0] === e[0] && a[1] === e[1]) continue;
    assert.fail(
      `${context}\nfirst difference at piece ${i} of ${actual.length} (${names[0]}) / ${expected.length} (${names[1]}):\n` +
        `  ${names[0]}: ${a?.[0] ?? '(none)'}\n    ${clip(a?.[1])}\n  ${names[1]}: ${e?.[0] ?? '(none)'}\n    ${clip(e?.[1])}`,
    );
  }
}
