// "Ignore <rule> …" quick fixes insert `# kinesis-lint-ignore: <rule> <reason>`. LSP 3.17 (the protocol in use) has
// no snippet text edits, so the server sends `<reason>` literally; here, in VS Code, the insertion becomes a snippet
// with the reason as its selected placeholder, ready to be typed over.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { ignoreSnippetText, REASON_PLACEHOLDER } from './ignoreSnippetText';

export const INSERT_IGNORE_SNIPPET = 'kinesisLint.insertIgnoreSnippet';

/** An Ignore action whose edit is one insertion holding the placeholder: the insertion, else undefined. */
function ignoreInsertion(action: vscode.CodeAction): { uri: vscode.Uri; edit: vscode.TextEdit } | undefined {
  if (!action.title.startsWith('Ignore ') || !action.edit) return undefined;
  const entries = action.edit.entries();
  if (entries.length !== 1 || entries[0][1].length !== 1) return undefined;
  const [uri, [edit]] = entries[0];
  return edit.range.isEmpty && edit.newText.includes(REASON_PLACEHOLDER) ? { uri, edit } : undefined;
}

export const ignoreSnippetMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    for (const action of actions ?? []) {
      if (!(action instanceof vscode.CodeAction)) continue;
      const insertion = ignoreInsertion(action);
      if (!insertion) continue;
      action.edit = undefined;
      action.command = {
        title: action.title,
        command: INSERT_IGNORE_SNIPPET,
        arguments: [insertion.uri.toString(), insertion.edit.range.start.line, ignoreSnippetText(insertion.edit.newText)],
      };
    }
    return actions;
  },
};

export function registerIgnoreSnippet(): vscode.Disposable {
  return vscode.commands.registerCommand(INSERT_IGNORE_SNIPPET, async (uri: unknown, line: unknown, snippet: unknown) => {
    if (typeof uri !== 'string' || typeof line !== 'number' || typeof snippet !== 'string') return;
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const editor = await vscode.window.showTextDocument(document);
    await editor.insertSnippet(new vscode.SnippetString(snippet), new vscode.Position(line, 0));
  });
}
