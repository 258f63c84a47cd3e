// While a module has a syntax error (a half-typed `encryption_type = `), its streams keep the figures of the last
// analysis without one: Terraform rejects the whole module, and an analysis of half-typed text would otherwise turn
// shard counts and costs into "unknown" on every keystroke. One held analysis per root module serves every surface
// (diagnostics, hover, code lens, inlay hints, status bar, cost report), so they never disagree.
// Held figures sit at positions moved onto the current text (relocate.ts); a stream the current text still has
// takes its ranges from there. Held findings carry no fixes: their edits were computed on an older text.
import type { Finding } from '../core/types';
import type { ModuleAnalysis, StreamReport } from '../core/results';
import { moveRange, moveStream, positionMover, unmoved, type MovePosition } from './relocate';

export const SYNTAX_ERROR = 'syntax-error';

/** The last analysis of a root without syntax errors, and the text of each file it read. */
export interface CleanAnalysis {
  analysis: ModuleAnalysis;
  texts: ReadonlyMap<string, string>;
}

export interface HeldAnalysis {
  analysis: ModuleAnalysis;
  /** Held streams → the files whose syntax errors hold them. */
  heldStreams: Map<StreamReport, string[]>;
  heldFindings: Set<Finding>;
}

/** Files with a syntax error in this analysis, in first-seen order. */
export function brokenFiles(a: ModuleAnalysis): string[] {
  return [...new Set(a.findings.filter((f) => f.ruleId === SYNTAX_ERROR).map((f) => f.file))];
}

/** A finding's identity across edits: its rule, resource and message (ranges move while typing). */
function identity(f: Finding): string {
  return `${f.ruleId}\u0000${f.resource}\u0000${f.message}`;
}

/** `fresh` (which has syntax errors) served with the streams and findings of `clean`. */
export function holdAnalysis(fresh: ModuleAnalysis, clean: CleanAnalysis, textOf: (file: string) => string | undefined): HeldAnalysis {
  const broken = brokenFiles(fresh);
  const movers = new Map<string, MovePosition>();
  const mover = (file: string): MovePosition => {
    let m = movers.get(file);
    if (!m) {
      const before = clean.texts.get(file);
      const after = textOf(file);
      m = before === undefined || after === undefined ? unmoved : positionMover(before, after);
      movers.set(file, m);
    }
    return m;
  };

  const heldStreams = new Map<StreamReport, string[]>();
  const cleanByKey = new Map(clean.analysis.streams.map((s) => [streamKey(s), s] as const));
  const freshKeys = new Set(fresh.streams.map(streamKey));
  const hold = (old: StreamReport, now: StreamReport | undefined): StreamReport => {
    const s = relocateStream(old, now, mover);
    heldStreams.set(s, broken);
    return s;
  };
  // The current order; then held streams the current text lost (a header being typed).
  const streams = [
    ...fresh.streams.map((s) => (cleanByKey.has(streamKey(s)) ? hold(cleanByKey.get(streamKey(s))!, s) : s)),
    ...clean.analysis.streams.filter((s) => !freshKeys.has(streamKey(s))).map((s) => hold(s, undefined)),
  ];

  const heldResources = new Set([...heldStreams.keys()].map((s) => s.resource));
  const isHeldScope = (f: Finding) => (f.resource !== null && heldResources.has(f.resource)) || broken.includes(f.file);
  const freshIds = new Set(fresh.findings.map(identity));
  const cleanIds = new Set(clean.analysis.findings.map(identity));
  const heldFindings = new Set<Finding>();
  const findings = [
    // Syntax errors, findings outside what is held, and those the clean analysis had too (exact ranges, fixes).
    ...fresh.findings.filter((f) => f.ruleId === SYNTAX_ERROR || !isHeldScope(f) || cleanIds.has(identity(f))),
    ...clean.analysis.findings
      .filter((f) => isHeldScope(f) && !freshIds.has(identity(f)))
      .map((f) => {
        const moved: Finding = { ...f, range: moveRange(f.range, mover(f.file)), fixes: [] };
        heldFindings.add(moved);
        return moved;
      }),
  ];
  return { analysis: { ...fresh, streams, findings }, heldStreams, heldFindings };
}

function streamKey(s: StreamReport): string {
  return `${s.file}\u0000${s.resource}`;
}

/** The held figures at the current positions: the current stream's where it exists, else moved ones. */
function relocateStream(old: StreamReport, now: StreamReport | undefined, mover: (file: string) => MovePosition): StreamReport {
  // Always a new object: heldStreams knows held reports by identity.
  return { ...moveStream(old, mover), ...(now ? { range: now.range, targets: now.targets } : {}) };
}
