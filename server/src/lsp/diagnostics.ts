// Publishing diagnostics per file from the store's analyses: while a file has a syntax error, the store serves the
// rule findings of its last clean analysis (heldAnalysis.ts, as terraform-ls keeps parse errors and rule findings
// apart), so a half-typed line does not make the other findings flicker away and back, and the squiggles describe
// the same analysis as the hover and lenses. Files that drop out of every analysis are cleared.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { AnalysisStore } from './store';
import { SYNTAX_ERROR } from './heldAnalysis';
import { findingKey, pathToUri, toDiagnostic } from './convert';

export class DiagnosticsPublisher {
  /** What was last sent per file, so unchanged files are not sent again after every analysis. */
  private readonly published = new Map<string, string>();
  /** Extra diagnostics the server itself adds per file (e.g. a file too large to analyse). */
  readonly notes = new Map<string, Diagnostic[]>();

  constructor(private readonly connection: Connection) {}

  /** `edited`: files whose text changed; they are always published (clients time edits by it), others only on change. */
  publishAll(store: AnalysisStore, edited: ReadonlySet<string> = new Set()): void {
    // Findings may sit in files that were not analysed (a FIFO or oversized *.tf: "not a regular file; skipped").
    const analysed = store.analyses().flatMap((a) => [...a.files, ...a.findings.map((f) => f.file)]);
    const files = new Set<string>([...analysed, ...this.notes.keys()]);
    for (const file of files) this.publishFile(file, store.findingsIn(file), edited.has(file), store.analysedVersion(file));
    for (const file of [...this.published.keys()]) {
      if (!files.has(file)) {
        this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: [] });
        this.published.delete(file);
      }
    }
  }

  /** `version`: the open document's version the analysis read (LSP lets clients drop diagnostics of an old one). */
  private publishFile(file: string, findings: Finding[], edited: boolean, version: number | null | undefined): void {
    // One diagnostic per problem: a file several root modules read (a shared .kinesis-lint.json, a shared module)
    // gets the same finding from each; the same place with other words (another caller's figures) stays.
    const unique = [...new Map(findings.map((f) => [`${findingKey(f)}\n${f.message}`, f] as const)).values()];
    // Syntax errors first, then the rule findings (held ones among them).
    const ordered = [...unique.filter((f) => f.ruleId === SYNTAX_ERROR), ...unique.filter((f) => f.ruleId !== SYNTAX_ERROR)];
    const diagnostics = ordered.map((f) => toDiagnostic(f, findingKey(f)));
    diagnostics.push(...(this.notes.get(file) ?? []));
    const sent = JSON.stringify(diagnostics);
    if (!edited && this.published.get(file) === sent) return;
    this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics, ...(typeof version === 'number' ? { version } : {}) });
    this.published.set(file, sent);
  }
}
