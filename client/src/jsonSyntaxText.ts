// One diagnostic per problem in `.kinesis-lint.json` and price tables (issue #10 defect 8): VS Code's JSON language
// service reports a JSON syntax error whatever schema applies, so the server's own report of the same error
// (DiagnosticData.jsonSyntax, server/src/lsp/convert.ts) is dropped where that service validates the file. Pure, so
// it is tested without VS Code; used by jsonSyntax.ts.

/** Keeps a diagnostic unless it is the server's JSON syntax error and the editor's JSON service reports it too. */
export function keepDiagnostic(data: unknown, languageId: string | undefined, jsonValidation: boolean): boolean {
  const jsonSyntax = typeof data === 'object' && data !== null && (data as { jsonSyntax?: unknown }).jsonSyntax === true;
  return !(jsonSyntax && jsonValidation && (languageId === 'json' || languageId === 'jsonc'));
}
