// hcl2json in the calling thread, for the CLI's worker threads (moduleWorker.ts), which are already off the main
// thread: no parser thread of their own (another ~100 MB of Go WASM each, parsing.md §3) and no postMessage per parse.
// Same answers as HclParser (core/syntax/hcl2json) for every text it accepts: too deep nesting is refused before
// parsing, and once the Go runtime is no longer trustworthy (a RangeError, "Go program has already exited") every
// later text goes to a pooled HclParser, which replaces dead runtimes. Not for a thread that must stay responsive:
// a parse blocks the thread (parsing.md §1), so there is no time-out here.
import { HclParser, type HclParseResult } from '../core/syntax/hcl2json';
import { HCL_FILE_NAME, parseHclErrorMessage } from '../core/syntax/hcl2json/errorMessage';
import { nestingRefused, parserCrashed } from '../core/syntax/hcl2json/failureDiagnostics';
import { measureNesting } from '../core/syntax/hcl2json/nestingDepth';

/** HclParser's default (core/syntax/hcl2json/index.ts). */
const MAX_NESTING_DEPTH = 500;

type Hcl2Json = { parse(file: string, text: string): Promise<Record<string, unknown>> };

export class InThreadHclParser {
  private hcl: Hcl2Json | undefined;
  /** Takes over after the in-thread runtime died. */
  private fallback: HclParser | undefined;

  async parse(text: string): Promise<HclParseResult> {
    const nesting = measureNesting(text, MAX_NESTING_DEPTH);
    if (nesting.tooDeepAt !== undefined) return { ok: false, diagnostics: nestingRefused(text, nesting.depth, MAX_NESTING_DEPTH, nesting.tooDeepAt) };
    if (this.fallback) return this.fallback.parse(text);
    try {
      return { ok: true, json: await this.runtime().parse(HCL_FILE_NAME, text) };
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error);
      if (!isFatal(error)) return { ok: false, diagnostics: parseHclErrorMessage(message, text) };
      this.fallback = new HclParser({ workers: 1 });
      return { ok: false, diagnostics: parserCrashed(text, `${error instanceof Error ? error.name : 'Error'}: ${message}`) };
    }
  }

  dispose(): Promise<void> {
    return this.fallback?.dispose() ?? Promise.resolve();
  }

  private runtime(): Hcl2Json {
    if (!this.hcl) {
      silenceGoOutput();
      this.hcl = require('@cdktf/hcl2json') as Hcl2Json;
    }
    return this.hcl;
  }
}

/** As in the parser worker (workerSource.ts): a RangeError (deep nesting) leaves a dead Go runtime behind. */
function isFatal(error: unknown): boolean {
  return (error instanceof Error && error.name === 'RangeError') || /Go program has already exited/.test(String((error as Error)?.message));
}

/**
 * The Go runtime writes panics straight to fds 1 and 2, and a worker's process.stdout is the CLI's: its report
 * would be corrupted. This thread prints nothing else, so its writes to fds 1 and 2 are dropped.
 */
function silenceGoOutput(): void {
  // The module object itself (an `import * as` would be a copy): hcl2json's wasm_exec calls fs.writeSync on it.
  const fs = require('node:fs') as typeof import('node:fs');
  const original = fs.writeSync;
  fs.writeSync = ((fd: number, buffer: never, ...rest: never[]) =>
    fd === 1 || fd === 2 ? (buffer as { length: number }).length : original(fd, buffer, ...rest)) as typeof fs.writeSync;
  for (const stream of [process.stdout, process.stderr]) {
    stream.write = ((_chunk: unknown, encoding?: unknown, callback?: unknown) => {
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') (done as () => void)();
      return true;
    }) as typeof stream.write;
  }
}
