// Publishing diagnostics per file, with parse errors and rule findings kept as separate sources (as terraform-ls
// does): while a file has a syntax error, the rule findings of its last clean analysis stay, so a half-typed line
// does not make the other findings flicker away and back. Files that drop out of every analysis are cleared.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import type { AnalysisStore } from './store';
import { findingKey, pathToUri, toDiagnostic } from './convert';

export class DiagnosticsPublisher {
  /** What was last sent per file, so unchanged files are not sent again after every analysis. */
  private readonly published = new Map<string, string>();
  private readonly lastCleanRules = new Map<string, Finding[]>();
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
        this.lastCleanRules.delete(file);
      }
    }
  }

  /** `version`: the open document's version the analysis read (LSP lets clients drop diagnostics of an old one). */
  private publishFile(file: string, findings: Finding[], edited: boolean, version: number | null | undefined): void {
    const syntax = findings.filter((f) => f.ruleId === 'syntax-error');
    let rules = findings.filter((f) => f.ruleId !== 'syntax-error');
    if (syntax.length === 0) this.lastCleanRules.set(file, rules);
    else {
      const fresh = new Set(rules.map(identity));
      rules = [...rules, ...(this.lastCleanRules.get(file) ?? []).filter((f) => !fresh.has(identity(f)))];
    }
    const diagnostics = [...syntax, ...rules].map((f) => toDiagnostic(f, findingKey(f)));
    diagnostics.push(...(this.notes.get(file) ?? []));
    const sent = JSON.stringify(diagnostics);
    if (!edited && this.published.get(file) === sent) return;
    this.connection.sendDiagnostics({ uri: pathToUri(file), diagnostics, ...(typeof version === 'number' ? { version } : {}) });
    this.published.set(file, sent);
  }
}

/** A finding's identity across edits: its rule, resource and message (ranges move while typing). */
function identity(f: Finding): string {
  return `${f.ruleId}\u0000${f.resource}\u0000${f.message}`;
}
