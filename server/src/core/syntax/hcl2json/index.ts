// hcl2json (the parser of record and only judge of syntax) run off the main thread. It blocks its thread for
// the whole parse, loads 6.5 MB of Go WASM, keeps its memory high-water mark for life and can die for good on
// deep nesting (parsing.md §1, §5, §6), so it lives in workers that are recycled, timed out and replaced.
import { parseHclErrorMessage } from './errorMessage';
import {
  nestingRefused,
  parseTimedOut,
  parserCrashed,
  parserDisposed,
  parserUnavailable,
} from './failureDiagnostics';
import { measureNesting } from './nestingDepth';
import type { PoolOutcome } from './pooledWorker';
import type { HclParseResult, HclParserOptions } from './types';
import { WorkerPool, type WorkerPoolStats } from './workerPool';
import { type HclWorkerValue, hclWorkerSource } from './workerSource';

export type { HclDiagnostic, HclParseResult, HclParserOptions } from './types';
export { parseHclErrorMessage } from './errorMessage';

const DEFAULTS: Required<HclParserOptions> = {
  workers: 1,
  timeoutMs: 10_000,
  recycleAfterBytes: 1024 * 1024,
  // RangeError from ~2,000 levels, fatal runtime errors from ~10,000 (parsing.md §1); 1,000 levels parse fine.
  maxNestingDepth: 500,
  idleShutdownMs: 60_000,
};

/** Start-up budget, separate from the per-parse time-out: a cold WASM load took 166–526 ms (parsing.md §3),
 *  more on a loaded machine; a missing main.wasm.gz makes hcl2json poll forever (§5). */
const STARTUP_TIMEOUT_MS = 30_000;

export class HclParser {
  private readonly options: Required<HclParserOptions>;
  private readonly pool: WorkerPool;

  constructor(options: HclParserOptions = {}) {
    this.options = { ...DEFAULTS, ...withoutUndefined(options) };
    this.pool = new WorkerPool({
      size: Math.max(1, Math.floor(this.options.workers)),
      startupMs: STARTUP_TIMEOUT_MS,
      jobMs: this.options.timeoutMs,
      idleMs: this.options.idleShutdownMs,
      // Resolved here, in the parent, so the eval'd worker needs no module resolution of its own.
      source: () => hclWorkerSource(require.resolve('@cdktf/hcl2json')),
    });
  }

  /** Never rejects; safe to call concurrently (requests queue for the pool's workers). */
  async parse(text: string): Promise<HclParseResult> {
    try {
      const limit = this.options.maxNestingDepth;
      const nesting = measureNesting(text, limit);
      if (nesting.tooDeepAt !== undefined) {
        return { ok: false, diagnostics: nestingRefused(text, nesting.depth, limit, nesting.tooDeepAt) };
      }
      const retireAfter = Buffer.byteLength(text, 'utf8') > this.options.recycleAfterBytes;
      return this.toResult(await this.pool.run(text, retireAfter), text);
    } catch (error) {
      return { ok: false, diagnostics: parserCrashed(text, error instanceof Error ? error.message : String(error)) };
    }
  }

  /** Workers started and stopped so far (idle shutdowns included). */
  get stats(): Readonly<WorkerPoolStats> {
    return this.pool.stats;
  }

  /** Terminates the workers; pending and later parses resolve with a "disposed" diagnostic. */
  dispose(): Promise<void> {
    return this.pool.dispose();
  }

  private toResult(outcome: PoolOutcome, text: string): HclParseResult {
    switch (outcome.kind) {
      case 'done': {
        const value = outcome.value as HclWorkerValue;
        return value.ok
          ? { ok: true, json: value.json }
          : { ok: false, diagnostics: parseHclErrorMessage(value.message, text) };
      }
      case 'timeout':
        return { ok: false, diagnostics: parseTimedOut(text, this.options.timeoutMs) };
      case 'crashed':
        return { ok: false, diagnostics: parserCrashed(text, outcome.reason) };
      case 'unavailable':
        return { ok: false, diagnostics: parserUnavailable(text, outcome.reason) };
      case 'disposed':
        return { ok: false, diagnostics: parserDisposed(text) };
    }
  }
}

function withoutUndefined(options: HclParserOptions): HclParserOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
