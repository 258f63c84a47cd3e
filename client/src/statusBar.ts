// The status bar item: the workspace's estimated monthly total and the server state (text from statusText.ts).
import * as vscode from 'vscode';
import type { CostSummary } from './protocol';
import { statusView, type ServerState } from './statusText';

// Left side, where workspace-wide status (the problems count) lives. The value only orders it among other
// items on that side (higher = further left); any middling number does.
const PRIORITY = 50;

export class CostStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('kinesisLint.cost', vscode.StatusBarAlignment.Left, PRIORITY);
  private state: ServerState = 'starting';
  private summary: CostSummary | undefined;

  constructor() {
    this.item.name = 'kinesis-lint cost estimate';
    this.render();
    this.item.show();
  }

  setState(state: ServerState): void {
    this.state = state;
    // A stopped server's last total may be stale; a restarted one sends a fresh summary after its first analysis.
    if (state !== 'running') this.summary = undefined;
    this.render();
  }

  /** kinesisLint.statusBar.total off, or kinesisLint.enable off (the Language Status item still shows the state). */
  setVisible(visible: boolean): void {
    if (visible) this.item.show();
    else this.item.hide();
  }

  setSummary(summary: CostSummary): void {
    this.summary = summary;
    this.render();
  }

  /** For tests: what the item shows now. */
  describe(): { text: string; tooltip: string } {
    return { text: this.item.text, tooltip: typeof this.item.tooltip === 'string' ? this.item.tooltip : this.item.tooltip?.value ?? '' };
  }

  dispose(): void {
    this.item.dispose();
  }

  private render(): void {
    const view = statusView(this.state, this.summary);
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = view.command;
    this.item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  }
}
