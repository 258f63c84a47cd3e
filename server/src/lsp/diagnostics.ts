// Publishing diagnostics per file from the store's analyses: while a file has a syntax error, the store serves the
// rule findings of its last clean analysis (heldAnalysis.ts, as terraform-ls keeps parse errors and rule findings
// apart), so a half-typed line does not make the other findings flicker away and back, and the squiggles describe
// the same analysis as the hover and lenses. Files that drop out of every analysis are cleared.
// A file is sent again only when its diagnostics or the document version they describe changed: an edit always
// changes the version (clients time an edit by its publish), an analysis caused by another file leaves it alone.
// Conversion runs in slices (core/timeSlice.ts), so a file with thousands of findings does not hold the event loop.
import type { Connection, Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../core/types';
import { tick } from '../core/timeSlice';
import type { AnalysisStore } from './store';
import { SYNTAX_ERROR } from './heldAnalysis';
import { findingKey, pathToUri, toDiagnostic } from './convert';

/** Findings converted between two looks at the clock. */
const SLICE = 100;

export class DiagnosticsPublisher {
  /** What was last sent per file (the version and the diagnostics as JSON), so unchanged files are not sent again. */
  private readonly published = new Map<string, { version: number | undefined; sent: string }>();
  /** Extra diagnostics the server itself adds per file (e.g. a file too large to analyse). */
  readonly notes = new Map<string, Diagnostic[]>();
  /** publishDiagnostics notifications sent so far (tests count them). */
  sends = 0;

  constructor(private readonly connection: Pick<Connection, 'sendDiagnostics'>) {}

  async publishAll(store: AnalysisStore): Promise<void> {
    // Findings may sit in files that were not analysed (a FIFO or oversized *.tf: "not a regular file; skipped").
    const files = store.filesWithFindings();
    for (const a of store.analyses()) for (const file of a.files) files.add(file);
    for (const file of this.notes.keys()) files.add(file);
    for (const file of files) {
      const version = store.analysedVersion(file);
      await this.publishFile(file, store.findingsIn(file), typeof version === 'number' ? version : undefined);
    }
    for (const file of [...this.published.keys()]) {
      if (!files.has(file)) {
        this.send({ uri: pathToUri(file), diagnostics: [] });
        this.published.delete(file);
      }
    }
  }

  /** `version`: the open document's version the analysis read (LSP lets clients drop diagnostics of an old one). */
  private async publishFile(file: string, findings: Finding[], version: number | undefined): Promise<void> {
    // One diagnostic per problem: a file several root modules read (a shared .kinesis-lint.json, a shared module)
    // gets the same finding from each; the same place with other words (another caller's figures) stays.
    const unique = [...new Map(findings.map((f) => [`${findingKey(f)}\n${f.message}`, f] as const)).values()];
    // Syntax errors first, then the rule findings (held ones among them).
    const ordered = [...unique.filter((f) => f.ruleId === SYNTAX_ERROR), ...unique.filter((f) => f.ruleId !== SYNTAX_ERROR)];
    // What the diagnostics are made of, to compare with the last publish before building any of them.
    const parts: string[] = [];
    for (let i = 0; i < ordered.length; i++) {
      if (i % SLICE === SLICE - 1) await tick();
      parts.push(identity(ordered[i]));
    }
    const notes = this.notes.get(file) ?? [];
    for (const note of notes) parts.push(JSON.stringify(note));
    const sent = parts.join('\n\n');
    const last = this.published.get(file);
    if (last && last.version === version && last.sent === sent) return;
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < ordered.length; i++) {
      if (i % SLICE === SLICE - 1) await tick();
      diagnostics.push(toDiagnostic(ordered[i], findingKey(ordered[i])));
    }
    diagnostics.push(...notes);
    this.send({ uri: pathToUri(file), diagnostics, ...(version !== undefined ? { version } : {}) });
    this.published.set(file, { version, sent });
  }

  private send(params: Parameters<Connection['sendDiagnostics']>[0]): void {
    this.sends++;
    void this.connection.sendDiagnostics(params);
  }
}

/** Everything toDiagnostic reads from a finding: equal identities make equal diagnostics. */
function identity(f: Finding): string {
  return `${findingKey(f)}\n${f.severity}\n${f.resource}\n${f.jsonSyntax === true}\n${f.message}\n${f.detail ?? ''}`;
}
