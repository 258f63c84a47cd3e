// The commands this extension registers. The server's code lenses and code actions invoke
// kinesisLint.showStreamBreakdown and kinesisLint.openDocs with the arguments documented below.
import * as vscode from 'vscode';
import type { MarkdownView } from './markdownView';
import type { ReportPanel } from './reportPanel';
import { costReportRequest, streamBreakdownRequest } from './protocol';
import type { ServerConnection } from './serverConnection';
import { updatePrices } from './updatePrices';
import { pullMetrics } from './pullMetrics';
import { declareLoadCommand } from './declareLoad/command';
import type { RuleDocs } from './ruleDocs';
import { ruleIdOfUrl } from './ruleDocsText';
import { registerWorkspaceCommands } from './workspaceCommands';

export function registerCommands(
  server: ServerConnection, view: MarkdownView, extensionPath: string, docs: RuleDocs, context: vscode.ExtensionContext, report: ReportPanel,
): vscode.Disposable[] {
  return [
    ...registerWorkspaceCommands(server, view, docs, context),
    // Optional argument from a module call's code lens: `{ focus: <stream address> }`, the section to scroll to.
    vscode.commands.registerCommand('kinesisLint.showCostReport', (options: unknown) =>
      reportFailure(async () => {
        const focus = typeof options === 'object' && options !== null && typeof (options as { focus?: unknown }).focus === 'string' ? (options as { focus: string }).focus : null;
        await report.show(focus);
      }),
    ),
    // Arguments from the server's code lens: the document URI and the resource address. The stream's section of the
    // one report tab; a server without report rows answers with the breakdown alone.
    vscode.commands.registerCommand('kinesisLint.showStreamBreakdown', (uri: unknown, resource: unknown) =>
      reportFailure(async () => {
        if (typeof uri !== 'string' || typeof resource !== 'string') {
          throw new Error('kinesisLint.showStreamBreakdown needs a document URI and a resource address');
        }
        const costs = await server.sendRequest(costReportRequest, {});
        if (costs.rows?.some((r) => r.resource === resource)) return report.show(resource, costs);
        const { markdown } = await server.sendRequest(streamBreakdownRequest, { uri, resource });
        await view.show(`Cost of ${resource}`, markdown);
      }),
    ),
    // Argument from the server's "Show documentation for <rule>" code action: the rule's documentation URL. The page
    // shipped in the extension opens in the Markdown preview; the web page when it is not shipped.
    vscode.commands.registerCommand('kinesisLint.openDocs', (url: unknown) =>
      reportFailure(async () => {
        if (typeof url !== 'string' || !/^https?:\/\//.test(url)) {
          throw new Error(`kinesisLint.openDocs needs an http(s) URL, got ${String(url)}`);
        }
        await docs.open(ruleIdOfUrl(url), url);
      }),
    ),
    vscode.commands.registerCommand('kinesisLint.restartServer', () => reportFailure(() => server.restart())),
    vscode.commands.registerCommand('kinesisLint.showOutput', () => server.showOutput()),
    // Resolves to whether the annotation was written (the e2e suite passes the load as an argument).
    vscode.commands.registerCommand('kinesisLint.declareLoad', async (load?: unknown) => {
      let applied = false;
      await reportFailure(async () => {
        applied = await declareLoadCommand(server, load);
      });
      return applied;
    }),
    vscode.commands.registerCommand('kinesisLint.updatePrices', () => reportFailure(() => Promise.resolve(updatePrices(extensionPath, () => server.restart())))),
    // Resolves to the summary shown at the end, or undefined when the command could not run (the e2e suite reads it).
    vscode.commands.registerCommand('kinesisLint.pullMetrics', async () => {
      let summary: unknown;
      await reportFailure(async () => {
        summary = await pullMetrics(extensionPath, (level, line) => server.log.log(level, line));
      });
      return summary;
    }),
  ];
}

export async function reportFailure(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`kinesis-lint: ${text}`);
  }
}
