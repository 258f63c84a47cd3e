// The Language Status item for Terraform documents (as vscode-eslint has one): server state, the price table in
// use and its date, and a link to the output or to the setting that turns kinesis-lint back on.
import * as vscode from 'vscode';
import type { PriceTableInUse } from './protocol';
import { languageStatusView, type LanguageState } from './languageStatusText';
import { DOCUMENT_SELECTOR } from './clientOptions';

export class LanguageStatus implements vscode.Disposable {
  private readonly item = vscode.languages.createLanguageStatusItem('kinesisLint.status', DOCUMENT_SELECTOR);
  private state: LanguageState = 'starting';
  private tables: PriceTableInUse[] | undefined;
  private deltaNote = '';

  constructor() {
    this.item.name = 'kinesis-lint';
    this.render();
  }

  setState(state: LanguageState): void {
    this.state = state;
    this.render();
  }

  setPriceTables(tables: PriceTableInUse[]): void {
    this.tables = tables;
    this.render();
  }

  /** Why the cost delta is off (from the cost summary), or ''. */
  setDeltaNote(note: string): void {
    if (note === this.deltaNote) return;
    this.deltaNote = note;
    this.render();
  }

  /** For tests and "Report a problem": what the item shows now. */
  describe(): { text: string; detail: string | undefined } {
    return { text: this.item.text, detail: this.item.detail };
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const view = languageStatusView(this.state, this.tables, this.deltaNote);
    this.item.text = view.text;
    this.item.detail = view.detail;
    this.item.busy = view.busy;
    this.item.severity = {
      information: vscode.LanguageStatusSeverity.Information,
      warning: vscode.LanguageStatusSeverity.Warning,
      error: vscode.LanguageStatusSeverity.Error,
    }[view.severity];
    this.item.command = view.command;
  }
}
