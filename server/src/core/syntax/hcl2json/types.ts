// Public shapes of the hcl2json adapter (re-exported by index.ts).
import type { Range } from '../../types';

/** One problem reported for the text, with an LSP range (0-based line, UTF-16 character) in that text. */
export interface HclDiagnostic {
  summary: string;
  detail: string;
  range: Range;
}

export type HclParseResult =
  | { ok: true; json: Record<string, unknown> }
  /** Syntax errors, or one diagnostic for a crash/time-out/refusal (on the first line). */
  | { ok: false; diagnostics: HclDiagnostic[] };

export interface HclParserOptions {
  /** Pool size, default 1 (the CLI may use os.availableParallelism()). */
  workers?: number;
  /** Per parse, default 10000; on time-out the worker is terminated and respawned. */
  timeoutMs?: number;
  /** Respawn a worker after it parsed an input larger than this many UTF-8 bytes (default 1 MiB): WASM memory never shrinks. */
  recycleAfterBytes?: number;
  /** Inputs nested deeper are refused with a diagnostic instead of being sent (default 500). */
  maxNestingDepth?: number;
  /** Workers idle this long terminate, freeing their WASM heap; the next parse starts one again (default 60000;
   *  Infinity: never). The cold start costs ~0.2–0.5 s (docs/memory.md), so well above a pause between keystrokes. */
  idleShutdownMs?: number;
}
