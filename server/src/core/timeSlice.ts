// Long analyses give the event loop a turn every few milliseconds, so a language server running them still answers
// hover and code-lens requests at once (the benchmark's target: no block longer than 20 ms). One clock for the
// whole process: whichever analysis step notices the slice is used up yields.
const SLICE_MS = 8;

let sliceStart = performance.now();

/** Resolves at once while the slice lasts; after it, on the next turn of the event loop. A cancelled analysis
 *  (its signal aborted: the text it reads has changed) stops at its next tick. */
export async function tick(signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (performance.now() - sliceStart < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
  signal?.throwIfAborted();
}
