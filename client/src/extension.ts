// Entry point. The extension is a thin client: all analysis happens in the language server
// (server/out/lsp/main.js); this side starts it, shows its cost total and registers the commands it uses.
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { MarkdownView } from './markdownView';
import { ServerConnection } from './serverConnection';
import { CostStatusBar } from './statusBar';
import { ReportPanel } from './reportPanel';
import { costReportRequest } from './protocol';

let server: ServerConnection | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  server = new ServerConnection(context.extensionPath);
  const statusBar = new CostStatusBar();
  const view = new MarkdownView();
  const report = new ReportPanel(() => (server ? server.sendRequest(costReportRequest, {}) : Promise.reject(new Error('the server is not running'))));
  context.subscriptions.push(
    statusBar,
    view,
    report,
    server.onDidChangeState((state) => statusBar.setState(state)),
    server.onDidReceiveSummary((summary) => statusBar.setSummary(summary)),
    // A report tab on screen follows the analyses.
    server.onDidReceiveSummary(() => void report.refresh().catch(() => undefined)),
    ...registerCommands(server, view, context.extensionPath, report),
  );
  // Not awaited: activation finishes at once; the status bar shows "starting" until the server is up.
  void server.start();
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
