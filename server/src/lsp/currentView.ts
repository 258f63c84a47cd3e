// Hover, code lens and inlay hints are answered at once from the last analysis, also while the next one runs (an
// editor asks for lenses right after each keystroke; waiting for the analysis made their latency the analysis's).
// When an open document changed since that analysis, the positions of everything in it are moved onto its current
// text (relocate.ts), so a lens stays on its header and a hint after its value while the user types. When the
// analysis of the edit lands, the server sends workspace/codeLens/refresh and workspace/inlayHint/refresh and the
// editor asks again for the fresh figures. Nothing is moved ahead of a request: a file's view moves only what the
// request reads (fileView.ts), so the first request after a keystroke costs what it asks for, not the workspace.
import type { StreamReport } from '../core/results';
import type { AnalysisStore, StreamSource } from './store';
import type { FileView } from './fileView';
import { moveStream, positionMover, unmoved, type MovePosition } from './relocate';

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

  /** The store as the handlers should see it now: each file's view built on its first request, for this store
   *  generation and these document versions, moving only what the request reads (fileView.ts). */
  view(openVersions: string): StreamSource {
    const key = `${this.store.generation}\n${openVersions}`;
    if (this.last?.key !== key) this.last = { key, files: new Map() };
    const files = this.last.files;
    return {
      inFile: (file) => {
        let view = files.get(file);
        if (!view) files.set(file, (view = this.fileView(file)));
        return view;
      },
      stream: (resource) => this.store.stream(resource),
      heldBy: (s) => this.store.heldBy(s),
    };
  }

  private fileView(file: string): FileView {
    const items = this.store.items(file);
    const moves = new Map<string, MovePosition>();
    const moveOf = (f: string) => {
      let m = moves.get(f);
      if (!m) moves.set(f, (m = this.mover(f)));
      return m;
    };
    const moved = new Map<StreamReport, StreamReport>();
    return {
      file,
      streams: items.streams,
      moduleCalls: items.moduleCalls,
      move: moveOf(file),
      current(s) {
        let m = moved.get(s);
        if (!m) moved.set(s, (m = moveStream(s, moveOf)));
        return m;
      },
    };
  }

  private last: { key: string; files: Map<string, FileView> } | undefined;
}
