// An in-process client for the real server over a real JSON-RPC connection (two PassThrough streams), the way
// compose-language-service tests: no VS Code, but every message goes through the protocol.
import { PassThrough } from 'node:stream';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-languageserver/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { startServer, type ServerOptions } from '../../server/src/lsp/server';

export interface Client {
  rpc: MessageConnection;
  dir: string;
  uri(rel: string): string;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** Latest publishDiagnostics params per URI (with the document version they were computed for). */
  published: Map<string, PublishDiagnosticsParams>;
  /** publishDiagnostics notifications received per URI. */
  publishCount(rel: string): number;
  /** Resolves when `predicate` holds for the diagnostics of `rel` (checked on every publish). */
  waitFor(rel: string, predicate: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(rel: string, text?: string): Promise<void>;
  change(rel: string, text: string): Promise<void>;
  notifications: { method: string; params: unknown }[];
  /** Every client/registerCapability request's registrations, in order. */
  registrations: { method: string; registerOptions?: unknown }[];
  close(): Promise<void>;
}

export async function startClient(
  files: Record<string, string>,
  settings: Record<string, unknown> = { debounceMs: 0 },
  options: ServerOptions = {},
  /** Extra client workspace capabilities (e.g. workspaceEdit.documentChanges). */
  workspaceCapabilities: Record<string, unknown> = {},
  /** More initializationOptions beside `settings` (e.g. `trusted: false`). */
  initializationOptions: Record<string, unknown> = {},
  /** Run on the workspace folder once the files are written, before the server starts (e.g. git init + commit). */
  prepare?: (dir: string) => void,
): Promise<Client> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-lsp-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  prepare?.(dir);
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  startServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), options);
  const rpc = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const diagnostics = new Map<string, Diagnostic[]>();
  const published = new Map<string, PublishDiagnosticsParams>();
  const publishes = new Map<string, number>();
  const listeners = new Set<() => void>();
  const notifications: { method: string; params: unknown }[] = [];
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    diagnostics.set(p.uri, p.diagnostics);
    published.set(p.uri, p);
    publishes.set(p.uri, (publishes.get(p.uri) ?? 0) + 1);
    for (const l of [...listeners]) l();
  });
  rpc.onNotification((method: string, params: unknown) => {
    notifications.push({ method, params });
  });
  rpc.onRequest('workspace/configuration', () => [settings]);
  const registrations: Client['registrations'] = [];
  rpc.onRequest('client/registerCapability', (p: { registrations: Client['registrations'] }) => {
    registrations.push(...p.registrations);
    return null;
  });
  rpc.listen();
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).href;
  await rpc.sendRequest('initialize', {
    processId: null,
    rootUri: pathToFileURL(dir).href,
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
    capabilities: { workspace: { configuration: true, ...workspaceCapabilities } },
    initializationOptions: { settings, ...initializationOptions },
  });
  await rpc.sendNotification('initialized', {});
  const versions = new Map<string, number>();
  return {
    rpc,
    dir,
    uri,
    diagnostics,
    published,
    publishCount: (rel) => publishes.get(uri(rel)) ?? 0,
    notifications,
    registrations,
    waitFor(rel, predicate, timeoutMs = 15000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const d = diagnostics.get(uri(rel));
          if (d && predicate(d)) {
            listeners.delete(check);
            clearTimeout(timer);
            resolve(d);
          }
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for diagnostics of ${rel}: ${JSON.stringify(diagnostics.get(uri(rel)))}`));
        }, timeoutMs);
        listeners.add(check);
        check();
      });
    },
    async open(rel, text = fs.readFileSync(path.join(dir, rel), 'utf8')) {
      versions.set(rel, 1);
      await rpc.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(rel), languageId: 'terraform', version: 1, text } });
    },
    async change(rel, text) {
      const version = (versions.get(rel) ?? 1) + 1;
      versions.set(rel, version);
      await rpc.sendNotification('textDocument/didChange', { textDocument: { uri: uri(rel), version }, contentChanges: [{ text }] });
    },
    async close() {
      await rpc.sendRequest('shutdown');
      rpc.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One stream whose declared load needs more shards than it has: an undersized-shards finding with a fix. */
export const UNDERSIZED = [
  '# kinesis-lint: write_mib_per_sec=3',
  'resource "aws_kinesis_stream" "s" {',
  '  name            = "s"',
  '  shard_count     = 1',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/k"',
  '}',
  '',
].join('\n');

/** One priced stream: 100 records/s of 1 KiB on 1 shard ($10.95 shard hours + $3.6792 PUT units), 48 h retention
 *  (+ $14.60). */
export const PRICED_STREAM = [
  '# kinesis-lint: records_per_sec=100 avg_record_kib=1',
  'resource "aws_kinesis_stream" "s" {',
  '  name             = "s"',
  '  shard_count      = 1',
  '  retention_period = 48',
  '}',
  '',
].join('\n');

/** Polls until `ok()` holds (a liveness limit, not a timing assertion): for state other than one file's diagnostics. */
export async function waitUntil(ok: () => boolean, timeoutMs = 30000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
