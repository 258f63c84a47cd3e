// The latest analysis of every root module in the workspace, indexed for the request handlers. Handlers read
// only from here, so hover, code lens and code actions answer at once, even while a parse is running.
// A root whose files have a syntax error is served held (heldAnalysis.ts): every handler and the diagnostics
// read the same held analysis, never a mix of held and half-typed figures.
// The indexes are kept per root, so storing one root's analysis re-indexes that root alone, and every lookup
// (a finding by key, a file's findings, a stream by address) is a map read, not a walk over the workspace.
import type { Finding } from '../core/types';
import type { ModuleAnalysis, StreamReport } from '../core/results';
import { findingKey } from './convert';
import { brokenFiles, holdAnalysis, type CleanAnalysis, type HeldAnalysis } from './heldAnalysis';
import { indexByFile, storedFileView, type FileItems, type FileView } from './fileView';

/** What hover, code lens and inlay hints read: the store itself, or the store with positions moved (currentView.ts). */
export interface StreamSource {
  /** One file's streams and module calls (fileView.ts). */
  inFile(file: string): FileView;
  /** A stream by address, as stored (for its figures, not its positions). */
  stream(resource: string): StreamReport | undefined;
  /** `stream`: a stored report (FileView.streams). */
  heldBy(stream: StreamReport): string[] | undefined;
}

interface RootIndex {
  byKey: Map<string, Finding>;
  byFile: Map<string, Finding[]>;
}

export class AnalysisStore implements StreamSource {
  private readonly byRoot = new Map<string, ModuleAnalysis>();
  private readonly clean = new Map<string, CleanAnalysis>();
  /** Roots served held, with what is held. */
  private readonly held = new Map<string, HeldAnalysis>();
  private readonly index = new Map<string, RootIndex>();
  private streamIndex: Map<string, StreamReport> | undefined;
  private fileIndex: ((file: string) => FileItems) | undefined;
  /** The document version each file had when the analysis that read it started (null: read from disk). */
  private readonly versions = new Map<string, number | null>();
  /** The text each file had in the analysis that read it last (the positions of the stored reports are on it). */
  private readonly texts = new Map<string, string>();
  /** Counts every change, so a view computed from the store knows when it is out of date. */
  generation = 0;

  /** `textOf`: the text each file had in this analysis (for moving held positions onto it). */
  set(analysis: ModuleAnalysis, versions?: ReadonlyMap<string, number>, textOf: (file: string) => string | undefined = () => undefined): void {
    for (const file of analysis.files) {
      this.versions.set(file, versions?.get(file) ?? null);
      const text = textOf(file);
      if (text === undefined) this.texts.delete(file);
      else this.texts.set(file, text);
    }
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
    this.reindex(analysis.dir);
  }

  /** Forget roots that no longer exist or are now analysed through a caller. */
  delete(root: string): void {
    this.byRoot.delete(root);
    this.clean.delete(root);
    this.held.delete(root);
    this.reindex(root);
  }

  analysedVersion(file: string): number | null | undefined {
    return this.versions.get(file);
  }

  /** The text of `file` the stored positions are on (undefined: not known, e.g. a file the analysis did not scan). */
  analysedText(file: string): string | undefined {
    return this.texts.get(file);
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
    return this.items(file).streams.map((e) => e.item).filter((s) => s.file === file);
  }

  inFile(file: string): FileView {
    return storedFileView(file, this.items(file));
  }

  /** The file's streams and module calls, from an index built once per store change. */
  items(file: string): FileItems {
    if (!this.fileIndex) this.fileIndex = indexByFile(this.analyses());
    return this.fileIndex(file);
  }

  stream(resource: string): StreamReport | undefined {
    if (!this.streamIndex) {
      this.streamIndex = new Map();
      // The first report of an address wins, as a search in order would find it.
      for (const s of this.streams()) if (!this.streamIndex.has(s.resource)) this.streamIndex.set(s.resource, s);
    }
    return this.streamIndex.get(resource);
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
    // Roots in the order they were stored, the last one's finding winning, as one map of all findings had it.
    let found: Finding | undefined;
    for (const root of this.byRoot.keys()) found = this.index.get(root)?.byKey.get(key) ?? found;
    return found;
  }

  findingsIn(file: string): Finding[] {
    const out: Finding[] = [];
    for (const root of this.byRoot.keys()) {
      const found = this.index.get(root)?.byFile.get(file);
      if (found) out.push(...found);
    }
    return out;
  }

  /** Every file some stored finding sits in. */
  filesWithFindings(): Set<string> {
    const files = new Set<string>();
    for (const i of this.index.values()) for (const file of i.byFile.keys()) files.add(file);
    return files;
  }

  private reindex(root: string): void {
    this.generation++;
    this.streamIndex = undefined;
    this.fileIndex = undefined;
    const analysis = this.byRoot.get(root);
    if (!analysis) {
      this.index.delete(root);
      return;
    }
    const byKey = new Map<string, Finding>();
    const byFile = new Map<string, Finding[]>();
    for (const f of analysis.findings) {
      byKey.set(findingKey(f), f);
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    this.index.set(root, { byKey, byFile });
  }
}
