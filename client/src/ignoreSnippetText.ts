// The snippet text of an "Ignore" insertion (pure, so it is tested without VS Code; used by ignoreSnippet.ts).

/** Must match REASON_PLACEHOLDER in server/src/lsp/handlers/codeActions.ts (test/client/ignoreSnippet.test.ts checks). */
export const REASON_PLACEHOLDER = '<reason>';

/** `$`, `}` and `\` stay literal (TextMate snippet escapes); the placeholder becomes `${1:reason}`, selected on insert. */
export function ignoreSnippetText(newText: string): string {
  return newText.split(REASON_PLACEHOLDER).map((part) => part.replace(/[\\$}]/g, '\\$&')).join('${1:reason}');
}
