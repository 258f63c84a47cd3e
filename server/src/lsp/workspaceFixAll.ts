// "kinesis-lint: Fix All in the Workspace" (issue #10 item 16): the preferred fix of every finding in every file
// the analyses read, as one WorkspaceEdit applied through workspace/applyEdit. Like source.fixAll per document,
// each edit carries the document version it was computed against, so an editor refuses it if the text moved on.
import type { WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../core/types';
import { isInstalledModuleFile } from '../core/model/moduleManifest';
import type { AnalysisStore } from './store';
import { isCurrent, versionedEdit, type EditVersions } from './versionedEdits';
import { fixAllEdits } from './handlers/codeActions';

export const FIX_ALL_WORKSPACE_REQUEST = 'kinesisLint/fixAllInWorkspace';

export interface WorkspaceFixAll {
  /** undefined when there is nothing to fix. */
  edit: WorkspaceEdit | undefined;
  /** Fixes taken, and the files they edit. */
  fixes: number;
  files: string[];
  /** Files left out because they changed after the analysis that computed their fixes. */
  stale: string[];
}

export function workspaceFixAll(store: AnalysisStore, versions: EditVersions): WorkspaceFixAll {
  const files = [...new Set(store.analyses().flatMap((a) => a.findings.map((f) => f.file)))].sort();
  const edits: TextEdit[] = [];
  const fixed: string[] = [];
  const stale: string[] = [];
  let fixes = 0;
  for (const file of files) {
    // terraform init's copy of a registry module is overwritten by the next init: not the user's to edit.
    if (isInstalledModuleFile(file)) continue;
    const found = fixAllEdits(store.findingsIn(file), file);
    if (found.fixes === 0) continue;
    if (!isCurrent(versions, file)) {
      stale.push(file);
      continue;
    }
    edits.push(...found.edits);
    fixes += found.fixes;
    fixed.push(file);
  }
  return { edit: versionedEdit(edits, versions), fixes, files: fixed, stale };
}
