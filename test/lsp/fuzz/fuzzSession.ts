// Drives one seeded edit session against a server over JSON-RPC and checks it as it goes (see fuzz.test.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, Diagnostic, Hover, InlayHint, Range } from 'vscode-languageserver';
import type { Client } from '../harness';
import { EditorDocument, type Change } from './editorDocument';
import { checkEdits, editsOf, sequentialChanges } from './editChecks';
import type { Action, Rng } from './randomActions';

/** Error codes a server may answer a request with while the document changes under it. */
const CANCELLED = new Set([-32800 /* RequestCancelled */, -32801 /* ContentModified */]);

const isSyntax = (d: Diagnostic) => d.code === 'syntax-error';

export class FuzzSession {
  readonly doc: EditorDocument;
  readonly uri: string;
  /** Texts whose analysis had no syntax error (then every surface is computed from that very text). */
  readonly cleanTexts = new Set<string>();
  readonly failures: string[] = [];
  readonly stats = { changes: 0, undos: 0, recoveryUndos: 0, reopens: 0, cleanBatches: 0, batches: 0, requests: 0, actionsApplied: 0, editsChecked: 0, comparisons: 0, syntaxComparisons: 0 };
  private readonly pending: Promise<void>[] = [];
  private readonly recent: string[] = [];
  step = 0;

  constructor(readonly client: Client, readonly rel: string, text: string, private readonly rnd: Rng) {
    this.doc = new EditorDocument(text);
    this.uri = client.uri(rel);
  }

  async open(): Promise<void> {
    await this.client.open(this.rel, this.doc.text);
  }

  /** Takes one action: edits are sent at once, requests are checked when they answer (or awaited, to apply a fix). */
  async take(action: Action, counted = true): Promise<void> {
    if (counted) this.step++;
    this.note(action);
    switch (action.kind) {
      case 'change':
        return this.send(this.doc.apply(action.changes));
      case 'undo': {
        const changes = this.doc.undo();
        if (changes) await this.send(changes);
        this.stats.undos++;
        if (!counted) this.stats.recoveryUndos++;
        return;
      }
      case 'reopen': {
        this.stats.reopens++;
        await this.client.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri } });
        this.doc.bump();
        return this.client.rpc.sendNotification('textDocument/didOpen', {
          textDocument: { uri: this.uri, languageId: 'terraform', version: this.doc.version, text: this.doc.text },
        });
      }
      case 'hover':
        return this.track('hover', this.request<Hover | null>('textDocument/hover', { position: action.position }));
      case 'lens':
        return this.track('codeLens', this.request<CodeLens[] | null>('textDocument/codeLens', {}));
      case 'hints':
        return this.track('inlayHint', this.request<InlayHint[] | null>('textDocument/inlayHint', { range: action.range }));
      case 'codeAction':
        if (action.apply) return this.applyAction(action.range, action.only);
        return this.track('codeAction', this.askActions(action.range, this.client.diagnostics.get(this.uri) ?? [], action.only).then((actions) => {
          this.checkActions(actions);
        }));
    }
  }

  /**
   * End of a batch: every request answered without an error, diagnostics published for the current version, and
   * when that version parses, every range the server returns lies inside its text.
   */
  async settle(): Promise<Diagnostic[]> {
    await Promise.all(this.pending.splice(0));
    this.throwFailures();
    const diagnostics = await this.current();
    const clean = !diagnostics.some(isSyntax);
    if (clean) this.cleanTexts.add(this.doc.text);
    this.stats.batches++;
    if (clean) this.stats.cleanBatches++;
    const whole = { start: { line: 0, character: 0 }, end: { line: this.doc.lineCount, character: 0 } };
    const [lenses, hints] = await Promise.all([
      this.request<CodeLens[] | null>('textDocument/codeLens', {}),
      this.request<InlayHint[] | null>('textDocument/inlayHint', { range: whole }),
    ]);
    // While the text does not parse, findings of the last clean analysis may be kept at their old places.
    for (const d of diagnostics) if (clean || isSyntax(d)) this.inBounds(d.range, `diagnostic ${d.code}`);
    if (clean) {
      for (const l of lenses ?? []) this.inBounds(l.range, `code lens ${l.command?.title}`);
      for (const h of hints ?? []) this.inBounds({ start: h.position, end: h.position }, `inlay hint ${JSON.stringify(h.label)}`);
    }
    this.throwFailures();
    return diagnostics;
  }

  /**
   * Undoes edits, in one burst, until the text is one whose analysis was clean (the undo history always leads back
   * to the opening text), then settles.
   */
  async undoToClean(): Promise<void> {
    while (!this.cleanTexts.has(this.doc.text) && this.doc.undoStack.length > 0) await this.take({ kind: 'undo' }, false);
    await this.settle();
  }

  /** The diagnostics published for the document's current version (waits for them). */
  async current(): Promise<Diagnostic[]> {
    const version = this.doc.version;
    try {
      await this.client.waitFor(this.rel, () => this.client.published.get(this.uri)?.version === version, 60000);
    } catch {
      this.fail(`no diagnostics for version ${version} (last published: ${this.client.published.get(this.uri)?.version})`);
      this.throwFailures();
    }
    return this.client.published.get(this.uri)!.diagnostics;
  }

  /** Code actions as an editor applies them: on the version whose diagnostics it shows, with the version they carry. */
  private async applyAction(range: Range, only: string[] | undefined): Promise<void> {
    const diagnostics = await this.current();
    // The light bulb of a finding (a syntax error has no fix), or of the range when there is none.
    const findings = diagnostics.filter((x) => !isSyntax(x));
    const d = findings.length > 0 ? findings[Math.floor(this.rnd() * findings.length)] : undefined;
    const version = this.doc.version;
    const actions = await this.askActions(d ? d.range : range, d ? [d] : [], only);
    this.checkActions(actions, version);
    const applicable = (actions ?? []).filter((a) => editsOf(a).length > 0 && editsOf(a).every((e) => e.uri === this.uri));
    if (applicable.length === 0) return;
    const chosen = applicable[Math.floor(this.rnd() * applicable.length)];
    const wasClean = !diagnostics.some(isSyntax);
    this.recent.push(`  applies "${chosen.title}"`);
    await this.send(this.doc.apply(sequentialChanges(editsOf(chosen)[0].edits)));
    this.stats.actionsApplied++;
    if (!wasClean) return;
    // A fix applied to text that parses leaves text that parses.
    const after = await this.current();
    const broken = after.filter(isSyntax);
    if (broken.length > 0) this.fail(`"${chosen.title}" broke the syntax: ${broken[0].message}\n${JSON.stringify(this.doc.history.get(version))}`);
  }

  /** Each action's edits: on a version the document had (`version` when nothing changed since asking), valid there. */
  private checkActions(actions: CodeAction[] | null, version?: number): void {
    for (const a of actions ?? []) {
      try {
        for (const e of editsOf(a)) {
          this.stats.editsChecked++;
          if (e.uri === this.uri) {
            if (e.version === null) throw new Error(`"${a.title}": no version for the open document`);
            if (version !== undefined && e.version !== version) throw new Error(`"${a.title}": version ${e.version}, the document has ${version}`);
            const text = this.doc.history.get(e.version);
            if (text === undefined) throw new Error(`"${a.title}": version ${e.version} the document never had`);
            checkEdits(text, e.edits, a.title, (a.diagnostics ?? []).map((d) => d.range));
          } else {
            if (e.version !== null) throw new Error(`"${a.title}": version ${e.version} for ${e.uri}, which is not open`);
            checkEdits(fs.readFileSync(path.join(this.client.dir, decodeURIComponent(e.uri.slice(this.client.uri('').length))), 'utf8'), e.edits, a.title);
          }
        }
      } catch (err) {
        this.fail((err as Error).message);
      }
    }
  }

  private askActions(range: Range, diagnostics: Diagnostic[], only: string[] | undefined): Promise<CodeAction[] | null> {
    return this.request<CodeAction[] | null>('textDocument/codeAction', { range, context: { diagnostics, ...(only ? { only } : {}) } });
  }

  private request<T>(method: string, params: Record<string, unknown>): Promise<T> {
    this.stats.requests++;
    return this.client.rpc.sendRequest(method, { textDocument: { uri: this.uri }, ...params }) as Promise<T>;
  }

  private track(what: string, answer: Promise<unknown>): void {
    const step = this.step;
    this.pending.push(answer.then(() => undefined, (e: { code?: number; message?: string }) => {
      if (!CANCELLED.has(e.code ?? 0)) this.fail(`${what} at step ${step} answered an error ${e.code}: ${e.message}`);
    }));
  }

  private async send(changes: Change[]): Promise<void> {
    this.stats.changes++;
    await this.client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri, version: this.doc.version }, contentChanges: changes });
  }

  private inBounds(r: Range, what: string): void {
    for (const p of [r.start, r.end]) {
      if (p.line >= this.doc.lineCount || p.character > this.doc.line(p.line).length) {
        this.fail(`${what} at ${JSON.stringify(r)} is outside version ${this.doc.version} (${this.doc.lineCount} lines)`);
      }
    }
  }

  private note(action: Action): void {
    this.recent.push(`${this.step} v${this.doc.version} ${JSON.stringify(action).slice(0, 200)}`);
    if (this.recent.length > 40) this.recent.shift();
  }

  private fail(message: string): void {
    this.failures.push(message);
  }

  private throwFailures(): void {
    if (this.failures.length === 0) return;
    throw new Error(`${this.failures.slice(0, 5).join('\n')}\nlast actions:\n${this.recent.join('\n')}\ntext: ${JSON.stringify(this.doc.text)}`);
  }
}
