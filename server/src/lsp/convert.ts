// The one place where core values become LSP values. Core ranges already are LSP ranges (0-based, UTF-16);
// what changes is paths → URIs and the shapes of findings (fix edits: versionedEdits.ts).
import { pathToFileURL, fileURLToPath } from 'node:url';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Finding, Severity } from '../core/types';
import { ruleMeta } from '../core/rules/registry';

export const SOURCE = 'kinesis-lint';

/** pathToFileURL is slow next to a map read, and diagnostics ask for the same few files thousands of times. */
const uris = new Map<string, string>();

export function pathToUri(path: string): string {
  let uri = uris.get(path);
  if (uri === undefined) {
    uri = pathToFileURL(path).href;
    // A bound on a map of paths: a workspace with more files than this just converts again.
    if (uris.size >= 10_000) uris.clear();
    uris.set(path, uri);
  }
  return uri;
}

/**
 * undefined for non-file URIs (untitled documents): the core reads files by path; and for file URIs with no local
 * path (`file://host/…`, an encoded "/" in a segment), where fileURLToPath throws.
 */
export function uriToPath(uri: string): string | undefined {
  if (typeof uri !== 'string' || !uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server in codeAction requests. */
export interface DiagnosticData {
  /** Key of the finding in the server's fix store. */
  key: string;
  resource: string | null;
  /** A JSON syntax error (VS Code's client drops it where its own JSON service reports the same one). */
  jsonSyntax?: true;
}

export function toDiagnostic(finding: Finding, key: string): Diagnostic {
  const docs = ruleMeta(finding.ruleId)?.docsUrl;
  return {
    range: finding.range,
    severity: SEVERITIES[finding.severity],
    source: SOURCE,
    code: finding.ruleId,
    ...(docs ? { codeDescription: { href: docs } } : {}),
    message: finding.message,
    // The arithmetic and advice: VS Code shows related information under the message (hover, Problems panel).
    ...(finding.detail ? { relatedInformation: [{ location: { uri: pathToUri(finding.file), range: finding.range }, message: finding.detail }] } : {}),
    data: { key, resource: finding.resource, ...(finding.jsonSyntax ? { jsonSyntax: true as const } : {}) } satisfies DiagnosticData,
  };
}

/** A stable key for a finding, so a code action request can find the fixes computed with it. */
export function findingKey(f: Finding): string {
  return `${f.ruleId}@${f.file}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
}
