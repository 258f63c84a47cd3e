// Entry point. The extension is a thin client: all analysis happens in the language server
// (server/out/lsp/main.js); this side starts it, shows its cost total and state and registers the commands it uses.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { MarkdownView } from './markdownView';
import { ServerConnection } from './serverConnection';
import { CostStatusBar } from './statusBar';
import { registerIgnoreSnippet } from './ignoreSnippet';
import { registerStreamsView, type StreamsTreeProvider } from './streamsView/provider';
import { LanguageStatus } from './languageStatus';
import { RuleDocs } from './ruleDocs';
import { suggestGrammar } from './grammarHint';
import { SOURCE } from './clientOptions';
import { ReportPanel } from './reportPanel';
import { costReportRequest } from './protocol';

let server: ServerConnection | undefined;

/** What the extension returns from activate: read by the real-editor tests (test/e2e/exthost). */
export interface KinesisLintApi {
  /** The streams view's provider (its tree items). */
  streamsView: StreamsTreeProvider;
  /** The most recent lines of the kinesis-lint output channel, oldest first. */
  recentLog(): string[];
  /** What the Language Status item shows now. */
  languageStatus(): { text: string; detail: string | undefined };
  /** The status bar item's text and tooltip (the e2e suite checks the cost delta there). */
  statusBar(): { text: string; tooltip: string };
}

export async function activate(context: vscode.ExtensionContext): Promise<KinesisLintApi> {
  const docs = await RuleDocs.create(context.extensionUri);
  server = new ServerConnection(context.extensionPath, docs.middleware(SOURCE));
  const connection = server;
  const manifest = context.extension.packageJSON as { version: string };
  connection.log.log('info', `kinesis-lint ${manifest.version} extension, ${vscode.env.appName} ${vscode.version}, extension host Node ${process.version} on ${process.platform}-${process.arch}`);
  const statusBar = new CostStatusBar();
  const languageStatus = new LanguageStatus();
  const view = new MarkdownView();
  const enabled = () => vscode.workspace.getConfiguration('kinesisLint').get<boolean>('enable', true);
  const showTotal = () => vscode.workspace.getConfiguration('kinesisLint').get<boolean>('statusBar.total', true);
  const updateStatusBar = () => statusBar.setVisible(enabled() && showTotal());
  updateStatusBar();
  const report = new ReportPanel(() => (server ? server.sendRequest(costReportRequest, {}) : Promise.reject(new Error('the server is not running'))));
  context.subscriptions.push(
    statusBar,
    languageStatus,
    view,
    docs,
    report,
    connection.onDidChangeState((state) => statusBar.setState(state)),
    connection.onDidChangeLanguageState((state) => languageStatus.setState(state)),
    connection.onDidReceiveSummary((summary) => statusBar.setSummary(summary)),
    connection.onDidReceiveSummary((summary) => languageStatus.setDeltaNote(summary.deltaNote ?? '')),
    // A report tab on screen follows the analyses.
    connection.onDidReceiveSummary(() => void report.refresh().catch(() => undefined)),
    connection.onDidReceivePriceTables((tables) => languageStatus.setPriceTables(tables)),
    ...registerCommands(connection, view, context.extensionPath, docs, context, report),
    registerIgnoreSnippet(),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kinesisLint.enable') || e.affectsConfiguration('kinesisLint.statusBar.total')) updateStatusBar();
      if (!e.affectsConfiguration('kinesisLint.enable')) return;
      if (!enabled()) void connection.disable();
      else if (connection.currentState === 'disabled') void connection.start();
    }),
  );
  // Before the start, so that it hears the first analysis.
  const streamsView = registerStreamsView(connection, context);
  // Not awaited: activation finishes at once; the status items show "starting" until the server is up.
  if (enabled()) void connection.start();
  else void connection.disable();
  void suggestGrammar(context);
  return {
    streamsView,
    recentLog: () => connection.log.recent.all(),
    languageStatus: () => languageStatus.describe(),
    statusBar: () => statusBar.describe(),
  };
}

export async function deactivate(): Promise<void> {
  await server?.dispose();
  server = undefined;
}
