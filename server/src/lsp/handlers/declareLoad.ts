// The `kinesisLint/declareLoad` request (docs/streams-view.md): the client's "Declare load for this stream…"
// command sends the cursor and the numbers the user typed; the edit comes from core/fixes/declareLoad.ts, computed
// on the document's current text and sent for exactly that version.
import { TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { declareLoad, type LoadInput } from '../../core/fixes/declareLoad';
import { parseSourceFile } from '../../core/syntax/sourceFile';
import { parseJsonSourceFile } from '../../core/syntax/terraformJson';
import type { TextParser } from '../../core/syntax/parseCache';
import type { Position } from '../../core/types';
import { uriToPath } from '../convert';

export const DECLARE_LOAD_REQUEST = 'kinesisLint/declareLoad';

export interface DeclareLoadParams {
  textDocument: { uri: string };
  position: Position;
  load: LoadInput;
}

/** Either the edit to apply, or why there is none (shown to the user as is). */
export type DeclareLoadAnswer = { edit: WorkspaceEdit; resource: string } | { reason: string };

const isNumber = (v: unknown) => typeof v === 'number';

/** The params shape (the handler is registered behind Lifecycle's check). */
export function isDeclareLoadParams(p: unknown): boolean {
  const o = p as Partial<DeclareLoadParams> | null;
  return typeof o === 'object' && o !== null && typeof o.textDocument?.uri === 'string'
    && Number.isInteger(o.position?.line) && Number.isInteger(o.position?.character)
    && typeof o.load === 'object' && o.load !== null
    && isNumber(o.load.write_mib_per_sec) && isNumber(o.load.records_per_sec) && isNumber(o.load.consumers);
}

export async function declareLoadEdit(
  params: DeclareLoadParams,
  document: TextDocument | undefined,
  parser: TextParser,
  documentChanges: boolean,
): Promise<DeclareLoadAnswer> {
  const file = uriToPath(params.textDocument.uri);
  if (!document || !file) return { reason: 'Open the Terraform file first.' };
  const text = document.getText();
  const source = /\.(tf|tofu)\.json$/.test(file) ? parseJsonSourceFile(file, text) : await parseSourceFile(file, text, parser);
  const result = declareLoad(source, params.position, params.load);
  if (!result.ok) return { reason: result.reason };
  const edits = result.edits.map((e) => ({ range: e.range, newText: e.newText }));
  const edit: WorkspaceEdit = documentChanges
    ? { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, edits)] }
    : { changes: { [document.uri]: edits } };
  return { edit, resource: result.resource };
}
