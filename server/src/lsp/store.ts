// The latest analysis of every root module in the workspace, indexed for the request handlers. Handlers read
// only from here, so hover, code lens and code actions answer at once, even while a parse is running.
// A root whose files have a syntax error is served held (heldAnalysis.ts): every handler and the diagnostics
// read the same held analysis, never a mix of held and half-typed figures.
import type { Finding } from '../core/types';
import type { ModuleAnalysis, StreamReport } from '../core/results';
import { findingKey } from './convert';
import { brokenFiles, holdAnalysis, type CleanAnalysis, type HeldAnalysis } from './heldAnalysis';

export class AnalysisStore {
  private readonly byRoot = new Map<string, ModuleAnalysis>();
  private readonly clean = new Map<string, CleanAnalysis>();
  /** Roots served held, with what is held. */
  private readonly held = new Map<string, HeldAnalysis>();
  private findingsByKey = new Map<string, Finding>();
  /** The document version each file had when the analysis that read it started (null: read from disk). */
  private readonly versions = new Map<string, number | null>();

  /** `textOf`: the text each file had in this analysis (for moving held positions onto it). */
  set(analysis: ModuleAnalysis, versions?: ReadonlyMap<string, number>, textOf: (file: string) => string | undefined = () => undefined): void {
    for (const file of analysis.files) this.versions.set(file, versions?.get(file) ?? null);
    const clean = this.clean.get(analysis.dir);
    this.held.delete(analysis.dir);
    if (brokenFiles(analysis).length === 0) {
      const texts = new Map(analysis.files.map((f) => [f, textOf(f)] as const).filter((e): e is [string, string] => e[1] !== undefined));
      this.clean.set(analysis.dir, { analysis, texts });
      this.byRoot.set(analysis.dir, analysis);
    } else if (clean) {
      const held = holdAnalysis(analysis, clean, textOf);
      this.held.set(analysis.dir, held);
      this.byRoot.set(analysis.dir, held.analysis);
    } else {
      this.byRoot.set(analysis.dir, analysis);
    }
    this.reindex();
  }

  /** Forget roots that no longer exist or are now analysed through a caller. */
  delete(root: string): void {
    this.byRoot.delete(root);
    this.clean.delete(root);
    this.held.delete(root);
    this.reindex();
  }

  analysedVersion(file: string): number | null | undefined {
    return this.versions.get(file);
  }

  roots(): string[] {
    return [...this.byRoot.keys()];
  }

  analyses(): ModuleAnalysis[] {
    return [...this.byRoot.values()];
  }

  /** Roots whose analysis read `file` (a child module's file belongs to its callers). */
  rootsOf(file: string): string[] {
    return this.analyses().filter((a) => a.files.includes(file)).map((a) => a.dir);
  }

  streams(): StreamReport[] {
    return this.analyses().flatMap((a) => a.streams);
  }

  streamsIn(file: string): StreamReport[] {
    return this.streams().filter((s) => s.file === file);
  }

  stream(resource: string): StreamReport | undefined {
    return this.streams().find((s) => s.resource === resource);
  }

  /** For a stream served from the last clean analysis: the files whose syntax errors hold it. */
  heldBy(stream: StreamReport): string[] | undefined {
    for (const h of this.held.values()) if (h.heldStreams.has(stream)) return h.heldStreams.get(stream);
    return undefined;
  }

  /** A finding kept from the last clean analysis (its position moved, its fixes dropped). */
  isHeld(finding: Finding): boolean {
    return [...this.held.values()].some((h) => h.heldFindings.has(finding));
  }

  finding(key: string): Finding | undefined {
    return this.findingsByKey.get(key);
  }

  findingsIn(file: string): Finding[] {
    return this.analyses().flatMap((a) => a.findings.filter((f) => f.file === file));
  }

  private reindex(): void {
    this.findingsByKey = new Map(this.analyses().flatMap((a) => a.findings.map((f) => [findingKey(f), f] as const)));
  }
}
