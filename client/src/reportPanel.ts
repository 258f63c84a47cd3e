// The one cost report tab: a webview panel created on first use and then updated and revealed where it is, so the
// status bar, the code lenses and the command never open a second copy or a new split (issue #10, defect 9).
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CostReport, ReportLink } from './protocol';
import { openRequest, reportHtml, reportLinks, text } from './reportHtml';

export const REPORT_VIEW_TYPE = 'kinesisLint.costReport';

export class ReportPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private links: ReportLink[] = [];
  /** Whether the tab was on screen at its last view-state change (or is being revealed by show()). */
  private onScreen = false;

  /** `fetch`: the server's report (kinesisLint/costReport). */
  constructor(private readonly fetch: () => Promise<CostReport>) {}

  /** Shows the report, scrolled to `focus` (a stream address) when given; `report` saves asking the server again. */
  async show(focus?: string | null, report?: CostReport): Promise<void> {
    const fresh = report ?? (await this.fetch());
    const panel = this.panel ?? this.create();
    await this.render(panel, fresh, focus);
    // Rendered just now, with its focus: the view-state change of this reveal must not render it again.
    this.onScreen = true;
    panel.reveal(panel.viewColumn, false);
  }

  /** New figures in the tab when it is on screen, at the reader's scroll position; a hidden tab refreshes when shown. */
  async refresh(): Promise<void> {
    if (this.panel?.visible) await this.render(this.panel, await this.fetch(), null);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private async render(panel: vscode.WebviewPanel, report: CostReport, focus: string | null | undefined): Promise<void> {
    this.links = reportLinks(report);
    const breakdownHtml = await Promise.all((report.rows ?? []).map((r) => renderMarkdown(r.breakdown)));
    panel.webview.html = reportHtml(report, { cspSource: panel.webview.cspSource, nonce: randomBytes(16).toString('base64'), breakdownHtml, focus });
  }

  private create(): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'kinesis-lint cost report', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: false }, {
      enableScripts: true,
      enableFindWidget: true,
      retainContextWhenHidden: false,
      localResourceRoots: [],
    });
    panel.onDidDispose(() => {
      this.panel = undefined;
    });
    // Back on screen after being hidden: the figures may have changed meanwhile (a reveal by show() renders itself).
    panel.onDidChangeViewState(() => {
      if (panel.visible && !this.onScreen) void this.refresh().catch(() => undefined);
      this.onScreen = panel.visible;
    });
    panel.webview.onDidReceiveMessage((message: unknown) => {
      const open = openRequest(message, this.links);
      if (!open) return;
      const at = new vscode.Position(open.line, open.character);
      // In the editor group beside the report, never over it.
      const column = panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
      void vscode.window.showTextDocument(vscode.Uri.parse(open.uri), { selection: new vscode.Range(at, at), viewColumn: column });
    });
    this.panel = panel;
    return panel;
  }
}

/** VS Code's own Markdown engine (the built-in markdown extension); escaped text when it is disabled. */
async function renderMarkdown(markdown: string): Promise<string> {
  try {
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', markdown);
    if (typeof html === 'string') return html;
  } catch {
    // fall through
  }
  return `<pre>${text(markdown)}</pre>`;
}
