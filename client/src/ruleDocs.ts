// Rule pages inside VS Code (issue #10 item 7): docs/rules/<id>.md ships in the .vsix and opens in the Markdown
// preview, from the diagnostic's code link, the "Show documentation" code action and the "Open Rule
// Documentation" quick pick; the web page (the server's codeDescription.href) stays the second choice.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { isRuleId, ruleDocPath, ruleDocSummary, ruleIdOfFile, ruleIdOfUrl } from './ruleDocsText';

export class RuleDocs implements vscode.Disposable {
  private readonly listeners: vscode.Disposable[];
  private readonly folder: vscode.Uri;
  /** Rule ids whose page ships with this build (read once: the extension's files do not change while it runs). */
  private shipped = new Set<string>();

  static async create(extensionUri: vscode.Uri): Promise<RuleDocs> {
    const docs = new RuleDocs(extensionUri);
    try {
      docs.shipped = new Set((await docs.list()).map((r) => r.id));
    } catch {
      // No docs folder (a build without them): every link stays on the web.
    }
    return docs;
  }

  private constructor(private readonly extensionUri: vscode.Uri) {
    this.folder = vscode.Uri.joinPath(extensionUri, 'docs', 'rules');
    // VS Code opens a diagnostic's code link with its opener, which refuses command: URIs there; a file: URI opens
    // as a text editor. So the link is the page's file, and a page opened that way is turned into its preview.
    this.listeners = [vscode.window.onDidChangeActiveTextEditor((editor) => editor && void this.previewInstead(editor.document.uri))];
  }

  uri(id: string): vscode.Uri {
    return vscode.Uri.joinPath(this.extensionUri, ...ruleDocPath(id));
  }

  async exists(id: string): Promise<boolean> {
    if (!isRuleId(id)) return false;
    try {
      await vscode.workspace.fs.stat(this.uri(id));
      return true;
    } catch {
      return false;
    }
  }

  /** Opens the rule's page in the Markdown preview; the web page (`webUrl`) when the page is not shipped. */
  async open(id: string | undefined, webUrl?: string): Promise<void> {
    if (id !== undefined && (await this.exists(id))) {
      await vscode.commands.executeCommand('markdown.showPreview', this.uri(id));
      return;
    }
    if (webUrl === undefined || !/^https?:\/\//.test(webUrl)) throw new Error(`no documentation for ${id ?? webUrl ?? 'this rule'}`);
    await vscode.env.openExternal(vscode.Uri.parse(webUrl));
  }

  /** Every shipped page: its rule id and the first sentence of its description. */
  async list(): Promise<{ id: string; summary: string }[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.folder);
    const ids = entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => ruleIdOfFile(name)).filter((id): id is string => id !== undefined).sort();
    return Promise.all(ids.map(async (id) => ({
      id,
      summary: ruleDocSummary(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.uri(id)))),
    })));
  }

  /** The quick pick of rules; the button opens the web page instead. */
  async pick(webUrl: (id: string) => string): Promise<void> {
    const web = { iconPath: new vscode.ThemeIcon('link-external'), tooltip: 'Open the web page' };
    const items = (await this.list()).map((r) => ({ label: r.id, detail: r.summary, buttons: [web] }));
    const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
    quickPick.items = items;
    quickPick.placeholder = 'Rule to read about';
    quickPick.matchOnDetail = true;
    const chosen = await new Promise<{ id: string; web: boolean } | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0] && { id: quickPick.selectedItems[0].label, web: false }));
      quickPick.onDidTriggerItemButton((e) => resolve({ id: e.item.label, web: true }));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
    if (!chosen) return;
    if (chosen.web) await vscode.env.openExternal(vscode.Uri.parse(webUrl(chosen.id)));
    else await this.open(chosen.id, webUrl(chosen.id));
  }

  /** Client middleware: the code link of our diagnostics points at the shipped page (kept web when not shipped). */
  middleware(source: string): Pick<Middleware, 'handleDiagnostics'> {
    return {
      handleDiagnostics: (uri, diagnostics, next) => {
        for (const d of diagnostics) {
          if (d.source !== source || typeof d.code !== 'object' || d.code === null) continue;
          const id = ruleIdOfUrl(d.code.target.toString(true));
          if (id !== undefined && id === String(d.code.value) && this.shipped.has(id)) d.code = { value: d.code.value, target: this.uri(id) };
        }
        next(uri, diagnostics);
      },
    };
  }

  dispose(): void {
    for (const l of this.listeners) l.dispose();
  }

  /** A shipped page opened as text (from a code link): show its preview in its place. */
  private async previewInstead(uri: vscode.Uri): Promise<void> {
    const parent = vscode.Uri.joinPath(uri, '..');
    if (parent.toString() !== this.folder.toString() || ruleIdOfFile(uri.path.split('/').pop() ?? '') === undefined) return;
    // Working on kinesis-lint itself (the extension runs from a workspace folder): its pages are edited, not read.
    if (vscode.workspace.getWorkspaceFolder(uri) !== undefined) return;
    await vscode.commands.executeCommand('markdown.showPreview', uri);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    const text = tabs.filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === uri.toString());
    if (text.length > 0) await vscode.window.tabGroups.close(text);
  }
}
