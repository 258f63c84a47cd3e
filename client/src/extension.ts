// Entry point. The extension is a thin client: all analysis happens in the language server
// (server/out/lsp/main.js); this side starts it, shows its cost total and registers the commands it uses.
import type * as vscode from 'vscode';
import { registerCommands } from './commands';
import { MarkdownView } from './markdownView';
import { ServerConnection } from './serverConnection';
import { CostStatusBar } from './statusBar';
import { registerIgnoreSnippet } from './ignoreSnippet';
import { registerStreamsView, type StreamsTreeProvider } from './streamsView/provider';

let server: ServerConnection | undefined;

/** What activate returns (vscode.extensions.getExtension(...).exports): the streams view, for the e2e suite. */
export interface KinesisLintApi {
  streamsView: StreamsTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<KinesisLintApi> {
  server = new ServerConnection(context.extensionPath);
  const statusBar = new CostStatusBar();
  const view = new MarkdownView();
  context.subscriptions.push(
    statusBar,
    view,
    server.onDidChangeState((state) => statusBar.setState(state)),
    server.onDidReceiveSummary((summary) => statusBar.setSummary(summary)),
    ...registerCommands(server, view, context.extensionPath),
    registerIgnoreSnippet(),
  );
  // Before the start, so that it hears the first analysis.
  const streamsView = registerStreamsView(server, context);
  // Not awaited: activation finishes at once; the status bar shows "starting" until the server is up.
  void server.start();
  return { streamsView };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
