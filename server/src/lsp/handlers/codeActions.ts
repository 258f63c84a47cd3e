// Code actions: every rule fix as a quick fix linked to its diagnostic, "Ignore <rule> for this resource",
// "Show documentation for <rule>", and source.fixAll.kinesisLint. context.only is honoured.
import {
  CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix, Range, TextEdit } from '../../core/types';
import type { AnalysisStore } from '../store';
import { SOURCE, uriToPath, type DiagnosticData } from '../convert';
import { versionedEdit, type EditVersions } from '../versionedEdits';
import { ruleMeta } from '../../core/rules/registry';
import { isInstalledModuleFile } from '../../core/model/moduleManifest';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.kinesisLint`;
export const OPEN_DOCS = 'kinesisLint.openDocs';

/** Actions whose edits would not match the current text of a file they touch are left out (see versionedEdits.ts). */
export function codeActions(
  store: AnalysisStore, params: CodeActionParams, doc: TextDocument | undefined, versions: EditVersions,
): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  const file = uriToPath(params.textDocument.uri);
  if (wants(CodeActionKind.QuickFix)) {
    for (const diagnostic of params.context.diagnostics) {
      if (diagnostic.source !== SOURCE) continue;
      const finding = file && findingFor(store, diagnostic, file);
      if (!finding) continue;
      for (const fix of finding.fixes) {
        const edit = versionedEdit(fix.edits, versions);
        if (edit) actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit });
      }
      if (doc) actions.push(...ignoreActions(store, finding, diagnostic, doc, versions));
      const docs = ruleMeta(finding.ruleId)?.docsUrl;
      if (docs) {
        actions.push({
          title: `Show documentation for ${finding.ruleId}`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          command: { title: `Show documentation for ${finding.ruleId}`, command: OPEN_DOCS, arguments: [docs] },
        });
      }
    }
  }
  if (file && wants(FIX_ALL_KIND) && (only || params.context.diagnostics.some((d) => d.source === SOURCE))) {
    const fixAll = fixAllAction(store.findingsIn(file), file, versions);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * The finding behind a diagnostic. After a re-analysis (an edit moved it) its key no longer matches; then the one
 * finding of the same rule on the same resource in the file is the same problem at its new place.
 */
function findingFor(store: AnalysisStore, diagnostic: Diagnostic, file: string): Finding | undefined {
  const data = diagnostic.data as DiagnosticData | undefined;
  const byKey = store.finding(data?.key ?? '');
  if (byKey || !data?.resource) return byKey;
  const same = store.findingsIn(file).filter((f) => f.ruleId === diagnostic.code && f.resource === data.resource);
  return same.length === 1 ? same[0] : undefined;
}

/**
 * Where the reason goes. VS Code's client turns it into a selected snippet placeholder (client/src/ignoreSnippet.ts):
 * LSP 3.17 has no snippet text edits, so other clients insert it as it is, for the user to overwrite.
 */
export const REASON_PLACEHOLDER = '<reason>';

/**
 * `# kinesis-lint-ignore: <rule> <reason>` above the resource (or above the line, for a file-level finding), and
 * `# kinesis-lint-ignore-file: <rule> <reason>` on the first line of the file.
 */
function ignoreActions(
  store: AnalysisStore, finding: Finding, diagnostic: Diagnostic, doc: TextDocument, versions: EditVersions,
): CodeAction[] {
  // Syntax errors cannot be ignored, and a config problem sits in JSON, which has no comments; nor has a .tf.json
  // file. A module terraform init installed is not the user's to annotate (the next init overwrites it).
  if (finding.ruleId === 'syntax-error' || finding.ruleId === 'invalid-config') return [];
  if (finding.file.endsWith('.json') || isInstalledModuleFile(finding.file)) return [];
  // A finding held from the last clean analysis sits at a moved position: no edits computed from it.
  if (store.isHeld(finding)) return [];
  const stream = finding.resource ? store.stream(finding.resource) : undefined;
  const line = stream && stream.file === finding.file ? stream.range.start.line : finding.range.start.line;
  const here = commentLine(doc, line, `# kinesis-lint-ignore: ${finding.ruleId} ${REASON_PLACEHOLDER}`);
  const file = commentLine(doc, 0, `# kinesis-lint-ignore-file: ${finding.ruleId} ${REASON_PLACEHOLDER}`, false);
  const out: CodeAction[] = [];
  for (const [title, edit] of [
    [`Ignore ${finding.ruleId} for ${stream ? 'this resource' : 'this line'}`, here],
    [`Ignore ${finding.ruleId} for this file`, file],
  ] as const) {
    const versioned = versionedEdit([{ file: finding.file, ...edit }], versions);
    if (versioned) out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: versioned });
  }
  return out;
}

/** A comment line inserted above `line`, with its indentation (or none) and the file's line break. */
function commentLine(doc: TextDocument, line: number, comment: string, indented = true): Omit<TextEdit, 'file'> {
  const text = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = indented ? /^[ \t]*/.exec(text)![0] : '';
  const eol = /\r\n$/.test(text) || (!/\n$/.test(text) && doc.getText().includes('\r\n')) ? '\r\n' : '\n';
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}${comment}${eol}` };
}

function fixAllAction(findings: Finding[], file: string, versions: EditVersions): CodeAction | undefined {
  const edit = versionedEdit(fixAllEdits(findings, file).edits, versions);
  return edit && { title: 'Fix all kinesis-lint problems', kind: FIX_ALL_KIND, edit };
}

/**
 * The first non-suggestion fix of every finding in the file, dropping any that would overlap one already taken or
 * that edits another file. Shared by source.fixAll and the workspace-wide fix-all (workspaceFixAll.ts).
 */
export function fixAllEdits(findings: Finding[], file: string): { edits: TextEdit[]; fixes: number } {
  const taken: TextEdit[] = [];
  let fixes = 0;
  for (const fix of findings.map((f) => f.fixes.find((x) => !x.isSuggestion)).filter((x): x is Fix => x !== undefined)) {
    if (fix.edits.some((e) => e.file !== file)) continue;
    if (fix.edits.some((e) => taken.some((t) => overlaps(t.range, e.range)))) continue;
    taken.push(...fix.edits);
    fixes++;
  }
  return { edits: taken, fixes };
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !(before(a.end, b.start) || before(b.end, a.start));
}
