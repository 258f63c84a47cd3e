// How the language server is started and which documents it sees (the contract in server/src/lsp).
import * as path from 'path';
import * as vscode from 'vscode';
import { TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { ignoreSnippetMiddleware } from './ignoreSnippet';
import { jsonSyntaxMiddleware } from './jsonSyntax';

/** Client id: equal to the settings prefix, so vscode-languageclient reads `kinesisLint.trace.server`. */
export const CLIENT_ID = 'kinesisLint';
export const CLIENT_NAME = 'kinesis-lint';
/** The `source` of the server's diagnostics (server/src/lsp/convert.ts SOURCE). */
export const SOURCE = 'kinesis-lint';

// Node's default inspector port is 9229; the LSP samples use 6009 so a debugged extension host does not clash.
const DEBUG_PORT = 6009;

export function serverOptions(extensionPath: string): ServerOptions {
  // The bundled server (scripts/bundle.js), beside the bundled client.
  const module = path.join(extensionPath, 'dist', 'server.js');
  return {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', `--inspect=${DEBUG_PORT}`] } },
  };
}

/**
 * The server re-reads a module (its other configuration files, tfvars, the config, terraform init's module manifest,
 * the metrics snapshot) when one of these changes on disk. The same list as the server's (server/src/lsp/watchedFiles.ts WATCHED_GLOBS).
 */
export const WATCHED_FILES = [
  '**/*.tf', '**/*.tf.json', '**/*.tofu', '**/*.tofu.json', '**/*.tfvars', '**/*.tfvars.json', '**/.kinesis-lint.json',
  '**/.terraform/modules/modules.json', '**/.kinesis-lint/metrics.json', '**/.kinesis-lint',
];

/**
 * Terraform JSON and OpenTofu files by name: VS Code gives .tf.json the language "json", and .tofu the language of
 * whichever extension claims it (OpenTofu's calls it "opentofu"), so a language id alone would miss them.
 */
export const CONFIG_FILE_PATTERN = '**/*.{tf.json,tofu,tofu.json}';

/** The documents the server analyses (also where the Language Status item shows). */
export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'terraform' },
  { scheme: 'file', language: 'terraform-vars' },
  { scheme: 'untitled', language: 'terraform' },
  { scheme: 'file', pattern: CONFIG_FILE_PATTERN },
];

export function clientOptions(
  outputChannel: vscode.OutputChannel,
  watchers: vscode.FileSystemWatcher[],
): LanguageClientOptions {
  return {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      fileEvents: watchers,
      configurationSection: CLIENT_ID,
    },
    // Shared by every client instance of this session, so a fresh client after a failed start keeps the log.
    outputChannel,
    // Asked at each (re)start: Restricted Mode makes the server read nothing outside the workspace folders.
    initializationOptions: () => ({ trusted: vscode.workspace.isTrusted }),
    middleware: { ...ignoreSnippetMiddleware, ...jsonSyntaxMiddleware },
  };
}
