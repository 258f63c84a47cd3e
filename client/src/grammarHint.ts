// A one-time suggestion when no installed extension highlights Terraform (issue #10 item 12). Remembered in
// globalState, so it is shown once per user, not once per workspace or session.
import * as vscode from 'vscode';
import { HASHICORP_TERRAFORM, hasTerraformGrammar } from './grammarCheck';

export const GRAMMAR_HINT_KEY = 'kinesisLint.grammarHintShown';

export async function suggestGrammar(context: vscode.ExtensionContext): Promise<boolean> {
  if (context.globalState.get<boolean>(GRAMMAR_HINT_KEY) || hasTerraformGrammar(vscode.extensions.all)) return false;
  await context.globalState.update(GRAMMAR_HINT_KEY, true);
  const install = 'Show HashiCorp Terraform';
  const choice = await vscode.window.showInformationMessage(
    'kinesis-lint checks Terraform files but does not colour them. For syntax highlighting, install a Terraform extension such as HashiCorp Terraform.',
    install,
  );
  if (choice === install) await vscode.commands.executeCommand('workbench.extensions.search', HASHICORP_TERRAFORM);
  return true;
}
