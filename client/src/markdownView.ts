// Shows server-rendered markdown (cost report, stream breakdown) as a read-only virtual document under the
// `kinesis-lint:` scheme, opened in VS Code's markdown preview. Nothing is written to disk and the workspace
// gets no untitled buffers to save or discard.
import * as vscode from 'vscode';

export const REPORT_SCHEME = 'kinesis-lint';

export class MarkdownView implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, this);

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** Shows `markdown` under the title `title`; showing the same title again refreshes the open preview. */
  async show(title: string, markdown: string): Promise<void> {
    // The path gives the preview tab its title; ".md" makes the document's language markdown.
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${title.replace(/[\\/]/g, '_')}.md` });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    try {
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
    } catch {
      // The built-in markdown extension is disabled: show the source instead.
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
    }
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
  }
}
