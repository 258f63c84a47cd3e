// The language server: a thin adapter that feeds documents to the core's Analyzer and answers LSP requests from
// the latest results (AnalysisStore). Nothing here analyses Terraform itself.
import * as path from 'node:path';
import {
  CodeActionKind,
  CodeActionRequest,
  CodeLensRequest,
  HoverRequest,
  InlayHintRequest,
  type CodeActionParams,
  type CodeLensParams,
  type HoverParams,
  type InlayHintParams,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { Analyzer } from '../core/analyze';
import { HclParser } from '../core/syntax/hcl2json';
import { CachedParser } from '../core/syntax/parseCache';
import { ResultCache } from '../core/pipeline/resultCache';
import type { SourceFile } from '../core/syntax/sourceFile';
import { VERSION } from '../core/version';
import { nodeHost } from '../node/nodeHost';
import { findModuleDirs } from '../node/findModules';
import { priceCachePath } from '../node/priceCache';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';
import { overlayHost, MAX_FILE_CHARS } from './overlayHost';
import { AnalysisStore } from './store';
import { dropCalledRoots } from './calledRoots';
import { listenDocuments } from './documents';
import { Lifecycle, params as shapes } from './lifecycle';
import { DiagnosticsPublisher } from './diagnostics';
import { Scheduler } from './scheduler';
import { SOURCE, pathToUri, uriToPath } from './convert';
import { isCurrent, type EditVersions } from './versionedEdits';
import { WATCHED_GLOBS, fileWatchers, isSettingsJson, rootDirFor, unwatchedFiles } from './watchedFiles';
import { hover } from './handlers/hover';
import { codeLenses } from './handlers/codeLens';
import { inlayHints } from './handlers/inlayHints';
import { codeActions, FIX_ALL_KIND } from './handlers/codeActions';
import { streamBreakdown } from './render/breakdown';
import { costReport, displayPath, type Folder } from './render/costReport';
import { summaryPayload } from './render/summary';

export const COST_REPORT_REQUEST = 'kinesisLint/costReport';
export const STREAM_BREAKDOWN_REQUEST = 'kinesisLint/streamBreakdown';
export const COST_SUMMARY_NOTIFICATION = 'kinesisLint/costSummary';

export interface ServerOptions {
  /** The hcl2json parser (tests inject one with other limits). */
  parser?: HclParser;
  /** The user's price cache; default: the platform's cache folder (node/priceCache.ts), null: none. */
  priceCacheFile?: string | null;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = listenDocuments(connection, (m) => connection.console.warn(m));
  const store = new AnalysisStore();
  /** Documents opened or changed since the last analysis: their diagnostics are published even when unchanged. */
  const editedFiles = new Set<string>();
  const publisher = new DiagnosticsPublisher(connection);
  // A long-lived server recycles its parser worker after any parse over 256 KiB (a broken large file is parsed
  // whole to get hcl2json's verdict), so its WASM heap does not keep the high-water mark for good.
  const parser = options.parser ?? new HclParser({ recycleAfterBytes: 256 * 1024 });
  // Unchanged files (and unchanged blocks of a broken file) are not parsed again on each edit.
  const parseCache = new CachedParser(parser);
  // …and streams an edit cannot affect keep their findings and estimates.
  const resultCache = new ResultCache();
  const priceCacheFile = options.priceCacheFile === null ? undefined : options.priceCacheFile ?? priceCachePath();
  // …and files whose text did not change are not even scanned again (one entry per path: the latest text).
  const sourceFiles = new Map<string, SourceFile>();
  let folders: string[] = [];
  /** The workspace folders with the names the client gave them (the report's paths). */
  let namedFolders: Folder[] = [];
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRefresh = { codeLens: false, inlayHint: false };
  let canVersionEdits = false;
  const host = overlayHost(documents, nodeHost, (file) => {
    publisher.notes.set(file, [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `kinesis-lint skips files larger than ${MAX_FILE_CHARS.toLocaleString('en-US')} characters; this file is not analysed.`,
    }]);
  });

  const analyze = async (dirs: string[], signal: AbortSignal) => {
    // Versions before reading: a document edited during the run then looks stale, never falsely current.
    const versions = new Map(documents.all().map((d) => [uriToPath(d.uri) ?? '', d.version] as const));
    for (const file of [...publisher.notes.keys()]) if (dirs.includes(path.dirname(file))) publisher.notes.delete(file);
    const analyzer = new Analyzer(host, {
      parser,
      parseCache,
      resultCache,
      sourceFiles,
      signal,
      editorSettings: { ...settings, baseDir: folders[0] },
      priceCacheFile,
    });
    const analyses = await analyzer.analyzeModules(dirs);
    const analysed = new Set(analyses.map((a) => a.dir));
    // A directory now analysed through its caller is no longer a root of its own.
    for (const dir of dirs) if (!analysed.has(dir)) store.delete(dir);
    for (const a of analyses) store.set(a, versions);
    dropCalledRoots(store);
    const edited = new Set(editedFiles);
    editedFiles.clear();
    publisher.publishAll(store, edited);
    watchReadFiles();
    void connection.sendNotification(COST_SUMMARY_NOTIFICATION, summaryPayload(store.analyses()));
    if (canRefresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (canRefresh.inlayHint) void connection.languages.inlayHint.refresh();
  };
  // Files read outside the workspace globs (a var file elsewhere): watched by path, re-registered when they change.
  let extraWatched = '';
  let extraWatch: Promise<{ dispose(): void } | undefined> = Promise.resolve(undefined);
  const watchReadFiles = () => {
    const files = unwatchedFiles(store.analyses().flatMap((a) => a.files), folders);
    if (files.join('\n') === extraWatched) return;
    extraWatched = files.join('\n');
    extraWatch = extraWatch.then((old) => {
      old?.dispose();
      if (files.length === 0) return undefined;
      return connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: fileWatchers(files) }).catch(() => undefined);
    });
  };
  const scheduler = new Scheduler(analyze, () => settings.debounceMs, (e) => connection.console.error(`analysis failed: ${String(e)}`));

  /** The module directories to re-check when `file` changes: its own, and every root that read it. */
  const affected = (file: string) => [rootDirFor(file), ...store.rootsOf(file)].filter((d): d is string => d !== undefined);
  const analyzeWorkspace = async () => {
    const found = await findModuleDirs(folders, '/', host);
    const dirs = found.ok ? found.dirs : [];
    for (const root of store.roots()) if (!dirs.includes(root)) store.delete(root);
    scheduler.request([...dirs, ...store.roots()], true);
  };

  const lifecycle = new Lifecycle();
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lifecycle.initialize();
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)].filter((p): p is string => p !== undefined);
    namedFolders = folders.map((p) => ({ path: p, name: (params.workspaceFolders ?? []).find((f) => uriToPath(f.uri) === p)?.name ?? path.basename(p) }));
    const init = params.initializationOptions as { settings?: unknown } | undefined;
    if (init?.settings !== undefined) settings = normalizeSettings(init.settings);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canVersionEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canRefresh = {
      codeLens: params.capabilities.workspace?.codeLens?.refreshSupport === true,
      inlayHint: params.capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        codeLensProvider: { resolveProvider: false },
        inlayHintProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      },
      serverInfo: { name: 'kinesis-lint', version: VERSION },
    };
  });

  connection.onInitialized(async () => {
    if (canPullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'kinesisLint' });
      await pullSettings();
    }
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
    }).catch(() => undefined);
    await analyzeWorkspace();
  });

  async function pullSettings(): Promise<void> {
    try {
      settings = normalizeSettings(await connection.workspace.getConfiguration('kinesisLint'));
    } catch {
      settings = DEFAULT_SETTINGS;
    }
  }

  connection.onDidChangeConfiguration(async (change) => {
    if (canPullConfiguration) await pullSettings();
    else settings = normalizeSettings((change.settings as { kinesisLint?: unknown } | undefined)?.kinesisLint);
    scheduler.request(store.roots(), true);
  });

  const onDocument = (uri: string) => {
    const file = uriToPath(uri);
    if (!file) return;
    editedFiles.add(file);
    scheduler.request(affected(file));
  };
  documents.onDidOpen((e) => onDocument(e.document.uri));
  documents.onDidChangeContent((e) => onDocument(e.document.uri));
  // On close the disk version counts again (it may differ from the unsaved buffer).
  documents.onDidClose((e) => onDocument(e.document.uri));

  connection.onDidChangeWatchedFiles((params) => {
    const dirs = new Set<string>();
    let config = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      if (isSettingsJson(file)) config = true;
      for (const dir of affected(file)) dirs.add(dir);
    }
    if (config) void analyzeWorkspace();
    else scheduler.request([...dirs]);
  });

  const editVersions: EditVersions = {
    analysed: (file) => store.analysedVersion(file),
    current: (file) => documents.get(pathToUri(file))?.version ?? null,
    get documentChanges() {
      return canVersionEdits;
    },
  };
  // Registered by request type, not onHover & co., which read params.workDoneToken before any handler runs (a
  // TypeError, -32603, on `params: null`); these handlers report no progress.
  connection.onRequest(HoverRequest.type, lifecycle.request(shapes.position, (params: HoverParams) => hover(store, params)));
  connection.onRequest(CodeLensRequest.type, lifecycle.request(shapes.document, (params: CodeLensParams) =>
    (settings.codeLens.enabled ? codeLenses(store, params, { fileTotal: settings.codeLens.fileTotal }) : [])));
  connection.onRequest(InlayHintRequest.type, lifecycle.request(shapes.range, (params: InlayHintParams) => {
    if (!settings.inlayHints.enabled) return [];
    const doc = documents.get(params.textDocument.uri);
    // The line with its break: inlayHints trims the trailing blanks.
    const lineText = (line: number) => doc?.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return inlayHints(store, params, { lensShowsTotal: settings.codeLens.enabled, lineText });
  }));
  connection.onRequest(CodeActionRequest.type, lifecycle.request(shapes.codeAction, async (params: CodeActionParams) => {
    // Asked right after an edit (codeActionsOnSave on Ctrl+S): analyse the current text first, so the edits match it.
    const file = uriToPath(params.textDocument.uri);
    if (file && !isCurrent(editVersions, file) && documents.get(params.textDocument.uri)) {
      scheduler.request(affected(file), true);
      await scheduler.idle();
    }
    return codeActions(store, params, documents.get(params.textDocument.uri), editVersions);
  }));
  connection.onRequest(COST_REPORT_REQUEST, lifecycle.request(shapes.optionalObject, () => {
    return costReport(store.analyses(), namedFolders);
  }));
  connection.onRequest(STREAM_BREAKDOWN_REQUEST, lifecycle.request(shapes.optionalObject, (params: { uri?: string; resource?: string } | null) => {
    const resource = typeof params?.resource === 'string' ? params.resource : undefined;
    const stream = resource ? store.stream(resource) : undefined;
    return { markdown: stream ? streamBreakdown(stream, displayPath(stream.file, namedFolders)) : `No stream ${resource ?? ''} in the last analysis.` };
  }));
  connection.onShutdown(async () => {
    lifecycle.shutdown();
    scheduler.dispose();
    await parser.dispose();
  });

  connection.listen();
}

