// Hover, code lens and inlay hints are answered at once from the last analysis, also while the next one runs (an
// editor asks for lenses right after each keystroke; waiting for the analysis made their latency the analysis's).
// When an open document changed since that analysis, the positions of everything in it are moved onto its current
// text (relocate.ts), so a lens stays on its header and a hint after its value while the user types. When the
// analysis of the edit lands, the server sends workspace/codeLens/refresh and workspace/inlayHint/refresh and the
// editor asks again for the fresh figures.
import type { ModuleAnalysis, ModuleCallReport, StreamReport } from '../core/results';
import type { AnalysisStore, StreamSource } from './store';
import { moveRange, moveStream, positionMover, unmoved, type MovePosition } from './relocate';

export interface CurrentText {
  /** The open document's version and text, or undefined when `file` is not open (the disk is what was analysed). */
  (file: string): { version: number; text: () => string } | undefined;
}

/** Movers per file, kept while the stored text and the document version stay the same (one diff per keystroke). */
export class Relocations {
  private readonly movers = new Map<string, { analysed: string; version: number; move: MovePosition }>();

  constructor(private readonly store: AnalysisStore, private readonly current: CurrentText) {}

  mover(file: string): MovePosition {
    const doc = this.current(file);
    const analysed = this.store.analysedText(file);
    if (!doc || analysed === undefined || this.store.analysedVersion(file) === doc.version) {
      this.movers.delete(file);
      return unmoved;
    }
    const known = this.movers.get(file);
    if (known && known.analysed === analysed && known.version === doc.version) return known.move;
    const move = positionMover(analysed, doc.text());
    this.movers.set(file, { analysed, version: doc.version, move });
    return move;
  }

  /** The store as the handlers should see it now; the same object while neither the store nor a document changed. */
  view(openVersions: string): StreamSource {
    const key = `${this.store.generation}\n${openVersions}`;
    if (this.last?.key !== key) this.last = { key, view: currentView(this.store, (file) => this.mover(file)) };
    return this.last.view;
  }

  private last: { key: string; view: StreamSource } | undefined;
}

/** `store` with every position in a moved file on its current text; streams in unmoved files are the stored ones. */
export function currentView(store: AnalysisStore, mover: (file: string) => MovePosition): StreamSource {
  const original = new Map<StreamReport, StreamReport>();
  const moves = new Map<string, MovePosition>();
  const moveOf = (file: string) => {
    let m = moves.get(file);
    if (!m) moves.set(file, (m = mover(file)));
    return m;
  };
  const stored = store.analyses();
  const analyses: ModuleAnalysis[] = stored.map((a) => {
    if (a.files.every((f) => moveOf(f) === unmoved)) return a;
    const streams = a.streams.map((s) => {
      const moved = moveStream(s, moveOf);
      if (moved !== s) original.set(moved, s);
      return moved;
    });
    const moduleCalls = a.moduleCalls?.map((c): ModuleCallReport => {
      const move = moveOf(c.file);
      return move === unmoved ? c : { ...c, range: moveRange(c.range, move) };
    });
    return { ...a, streams, ...(moduleCalls ? { moduleCalls } : {}) };
  });
  if (analyses.every((a, i) => a === stored[i])) return store;
  let byResource: Map<string, StreamReport> | undefined;
  return {
    analyses: () => analyses,
    streams: () => analyses.flatMap((a) => a.streams),
    stream(resource) {
      if (!byResource) {
        byResource = new Map();
        for (const a of analyses) for (const s of a.streams) if (!byResource.has(s.resource)) byResource.set(s.resource, s);
      }
      return byResource.get(resource);
    },
    heldBy: (s) => store.heldBy(original.get(s) ?? s),
  };
}
