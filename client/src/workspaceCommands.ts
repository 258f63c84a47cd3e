// Commands added by issue #10 (items 6 and 16): fix all in the workspace, the cost breakdown of the stream at the
// cursor, the rule documentation quick pick, and "Report a problem".
import * as vscode from 'vscode';
import type { MarkdownView } from './markdownView';
import { costReportRequest, fixAllInWorkspaceRequest, streamAtRequest } from './protocol';
import type { ServerConnection } from './serverConnection';
import type { RuleDocs } from './ruleDocs';
import { webDocsUrl } from './ruleDocsText';
import { changedSettings, problemReportMarkdown } from './problemReport';
import { reportFailure } from './commands';

interface Manifest {
  version: string;
  repository?: { url?: string };
  contributes?: { configuration?: { properties?: Record<string, { default?: unknown }> } };
}

export function registerWorkspaceCommands(
  server: ServerConnection, view: MarkdownView, docs: RuleDocs, context: vscode.ExtensionContext,
): vscode.Disposable[] {
  const manifest = context.extension.packageJSON as Manifest;
  const webUrl = (id: string) => webDocsUrl(manifest.repository?.url ?? '', manifest.version, id);
  return [
    vscode.commands.registerCommand('kinesisLint.fixAllInWorkspace', () =>
      reportFailure(async () => {
        const result = await server.sendRequest(fixAllInWorkspaceRequest, {});
        const stale = result.stale.length > 0 ? ` ${result.stale.length} file(s) changed while analysing were left out; run it again.` : '';
        if (result.fixes === 0) void vscode.window.showInformationMessage(`kinesis-lint: nothing to fix in the workspace.${stale}`);
        else if (!result.applied) void vscode.window.showWarningMessage(`kinesis-lint: the fixes were not applied (a file changed meanwhile); run it again.${stale}`);
        else void vscode.window.showInformationMessage(`kinesis-lint: applied ${result.fixes} fix(es) in ${result.files.length} file(s); review and save them.${stale}`);
      }),
    ),
    vscode.commands.registerCommand('kinesisLint.showBreakdownAtCursor', () =>
      reportFailure(async () => {
        const editor = vscode.window.activeTextEditor;
        if (!editor) throw new Error('no editor: put the cursor inside an aws_kinesis_stream block');
        const { line, character } = editor.selection.active;
        const result = await server.sendRequest(streamAtRequest, { uri: editor.document.uri.toString(), position: { line, character } });
        if (result.resources.length === 0) throw new Error('no aws_kinesis_stream block at the cursor');
        await view.show(`Cost of ${result.resources.join(', ')}`, result.markdown);
      }),
    ),
    vscode.commands.registerCommand('kinesisLint.browseRuleDocs', () => reportFailure(() => docs.pick(webUrl))),
    vscode.commands.registerCommand('kinesisLint.reportProblem', () =>
      reportFailure(async () => {
        const properties = manifest.contributes?.configuration?.properties ?? {};
        const config = vscode.workspace.getConfiguration();
        const values = Object.fromEntries(Object.keys(properties).map((key) => [key.replace(/^kinesisLint\./, ''), config.get(key)]));
        const defaults = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key.replace(/^kinesisLint\./, ''), p.default]));
        const costReport = await server.sendRequest(costReportRequest, {}).then(
          (r) => ({ markdown: r.markdown }),
          (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
        );
        const markdown = problemReportMarkdown({
          extensionVersion: manifest.version,
          vscodeVersion: vscode.version,
          appName: vscode.env.appName,
          platform: `${process.platform}-${process.arch}, extension host Node ${process.version}${vscode.env.remoteName ? `, remote: ${vscode.env.remoteName}` : ''}`,
          serverState: server.currentState,
          settings: changedSettings(values, defaults),
          logLines: server.log.recent.all(),
          costReport,
        });
        const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content: markdown });
        await vscode.window.showTextDocument(doc);
      }),
    ),
  ];
}
