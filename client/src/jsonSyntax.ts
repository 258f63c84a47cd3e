// Drops the server's JSON syntax error of a file VS Code's JSON service validates (it shows the same error).
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { keepDiagnostic } from './jsonSyntaxText';

export const jsonSyntaxMiddleware: Pick<Middleware, 'handleDiagnostics'> = {
  handleDiagnostics(uri, diagnostics, next) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // A closed file: VS Code's JSON service validates only open documents, so the server's report stays.
    const languageId = document?.languageId;
    const validation = vscode.workspace.getConfiguration('json', uri).get<boolean>('validate.enable', true);
    next(uri, diagnostics.filter((d) => keepDiagnostic((d as { data?: unknown }).data, languageId, validation)));
  },
};
