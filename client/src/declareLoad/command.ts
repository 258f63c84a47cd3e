// "kinesis-lint: Declare load for this stream…": asks for the peak write rate, records per second and readers,
// then applies the annotation edit the server computes for the stream under the cursor (kinesisLint/declareLoad).
// With an argument `{ write_mib_per_sec, records_per_sec, consumers }` (numbers or strings) it asks nothing: for
// keybindings and the e2e suite.
import * as vscode from 'vscode';
import { declareLoadRequest } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { LOAD_QUESTIONS, loadFromAnswers, loadInputProblem, type LoadKey } from './inputs';

export async function declareLoadCommand(server: ServerConnection, given?: unknown): Promise<boolean> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showWarningMessage('kinesis-lint: open a Terraform file and place the cursor inside an aws_kinesis_stream block.');
    return false;
  }
  const answers = given !== undefined ? fromArgument(given) : await ask();
  if (answers === undefined) return false; // cancelled
  const load = loadFromAnswers(answers);
  if (!load) throw new Error(`invalid load ${JSON.stringify(given)}: numbers ≥ 0 for ${LOAD_QUESTIONS.map((q) => q.key).join(', ')}`);
  const answer = await server.sendRequest(declareLoadRequest, {
    textDocument: { uri: editor.document.uri.toString() },
    position: { line: editor.selection.active.line, character: editor.selection.active.character },
    load,
  });
  if ('reason' in answer) {
    void vscode.window.showWarningMessage(`kinesis-lint: ${answer.reason}`);
    return false;
  }
  const applied = await vscode.workspace.applyEdit(await server.toWorkspaceEdit(answer.edit));
  if (!applied) void vscode.window.showWarningMessage('kinesis-lint: the file changed meanwhile; run the command again.');
  return applied;
}

async function ask(): Promise<Partial<Record<LoadKey, string>> | undefined> {
  const answers: Partial<Record<LoadKey, string>> = {};
  for (const [i, q] of LOAD_QUESTIONS.entries()) {
    const value = await vscode.window.showInputBox({
      title: `Declare load for this stream (${i + 1}/${LOAD_QUESTIONS.length})`,
      prompt: q.prompt,
      placeHolder: q.placeHolder,
      ignoreFocusOut: true,
      validateInput: (text) => loadInputProblem(q, text),
    });
    if (value === undefined) return undefined;
    answers[q.key] = value;
  }
  return answers;
}

function fromArgument(given: unknown): Partial<Record<LoadKey, string>> {
  const o = (typeof given === 'object' && given !== null ? given : {}) as Record<string, unknown>;
  return Object.fromEntries(LOAD_QUESTIONS.map((q) => [q.key, o[q.key] === undefined ? undefined : String(o[q.key])]));
}
