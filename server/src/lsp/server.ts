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
  MessageType,
  ShowMessageNotification,
  DiagnosticSeverity,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { Analyzer } from '../core/analyze';
import { tick } from '../core/timeSlice';
import { HclParser } from '../core/syntax/hcl2json';
import { CachedParser } from '../core/syntax/parseCache';
import { ResultCache } from '../core/pipeline/resultCache';
import type { SourceFile } from '../core/syntax/sourceFile';
import { VERSION } from '../core/version';
import { nodeHost } from '../node/nodeHost';
import { workspaceBoundHost } from '../node/workspaceBoundHost';
import { findModuleDirs } from '../node/findModules';
import { priceCachePath } from '../node/priceCache';
import { DEFAULT_SETTINGS, normalizeSettings, type ServerSettings } from './settings';
import { overlayHost, MAX_FILE_CHARS } from './overlayHost';
import { AnalysisStore } from './store';
import { Relocations } from './currentView';
import { listenDocuments } from './documents';
import { Lifecycle, params as shapes } from './lifecycle';
import { DiagnosticsPublisher } from './diagnostics';
import { Scheduler } from './scheduler';
import { SOURCE, pathToUri, uriToPath } from './convert';
import { isCurrent, type EditVersions } from './versionedEdits';
import { reconcileRoots } from './moduleRoots';
import { WATCHED_GLOBS, fileWatchers, isSettingsJson, rootDirFor, unwatchedFiles } from './watchedFiles';
import { StaleNotices, snapshotEventFile, snapshotRoots, staleMessage } from './metricsSnapshots';
import { hover } from './handlers/hover';
import { codeLenses } from './handlers/codeLens';
import { inlayHints } from './handlers/inlayHints';
import { codeActions, FIX_ALL_KIND } from './handlers/codeActions';
import { streamBreakdown } from './render/breakdown';
import { costReport, displayPath, type Folder } from './render/costReport';
import { summaryPayload } from './render/summary';
import { STREAMS_REQUEST, streamsPayload } from './render/streams';
import { DECLARE_LOAD_REQUEST, declareLoadEdit, isDeclareLoadParams, type DeclareLoadParams } from './handlers/declareLoad';
import { ChangeLog, PRICE_TABLES_NOTIFICATION, describeConfig, describeModules, priceTablesInUse, skippedConfigFiles, type ServerLog } from './serverLog';
import type { LoadedConfig } from '../core/config/config';
import type { StreamReport } from '../core/results';
import { FIX_ALL_WORKSPACE_REQUEST, workspaceFixAll } from './workspaceFixAll';
import { streamBlocksAt } from './streamBlocksAt';
import { Baselines, COMPARE_OFF } from './baseline/baselines';
import { inProcessGit, type GitAccess } from './baseline/gitAccess';
import { GitWatch } from './baseline/gitWatch';

export const COST_REPORT_REQUEST = 'kinesisLint/costReport';
export const STREAM_BREAKDOWN_REQUEST = 'kinesisLint/streamBreakdown';
export const COST_SUMMARY_NOTIFICATION = 'kinesisLint/costSummary';
/** The client's workspace trust changed (VS Code: onDidGrantWorkspaceTrust): `{ trusted: boolean }`. */
export const WORKSPACE_TRUST_NOTIFICATION = 'kinesisLint/workspaceTrust';

/** The parser worker's idle period before it stops; the next parse starts it again (~0.2–0.5 s, docs/memory.md). */
const PARSER_IDLE_MS = 60_000;

export interface ServerOptions {
  /** The hcl2json parser (tests inject one with other limits). */
  parser?: HclParser;
  /** The user's price cache; default: the platform's cache folder (node/priceCache.ts), null: none. */
  priceCacheFile?: string | null;
  /** The git reader for kinesisLint.compareTo; default the in-process one (node/git). */
  git?: GitAccess;
  /** The clock a metrics snapshot's age is counted to; default the real one (tests fix it). */
  now?: () => Date;
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const log: ServerLog = connection.console;
  // Lines that would otherwise repeat on every analysis: logged again only when they change.
  const changes = new ChangeLog((line) => log.info(line));
  const skips = new ChangeLog((line) => log.warn(line));
  const documents = listenDocuments(connection, (m) => log.warn(m));
  const store = new AnalysisStore();
  const relocations = new Relocations(store, (file) => {
    const doc = documents.get(pathToUri(file));
    return doc && { version: doc.version, text: () => doc.getText() };
  });
  const publisher = new DiagnosticsPublisher(connection);
  // A long-lived server recycles its parser worker after any parse over 256 KiB (a broken large file is parsed
  // whole to get hcl2json's verdict), so its WASM heap does not keep the high-water mark for good, and stops it
  // after a minute without parses (docs/memory.md): an editor left open holds no parser memory.
  const parser = options.parser ?? new HclParser({ recycleAfterBytes: 256 * 1024, idleShutdownMs: PARSER_IDLE_MS });
  // Unchanged files (and unchanged blocks of a broken file) are not parsed again on each edit.
  const parseCache = new CachedParser(parser);
  // …and streams an edit cannot affect keep their findings and estimates.
  const resultCache = new ResultCache();
  const priceCacheFile = options.priceCacheFile === null ? undefined : options.priceCacheFile ?? priceCachePath();
  // …and files whose text did not change are not even scanned again (one entry per path: the latest text).
  const sourceFiles = new Map<string, SourceFile>();
  let folders: string[] = [];
  /** The workspace's module directories, as the last workspace scan found them. */
  let moduleDirs: string[] = [];
  /** The workspace folders with the names the client gave them (the report's paths). */
  let namedFolders: Folder[] = [];
  let settings: ServerSettings = DEFAULT_SETTINGS;
  let canPullConfiguration = false;
  let canRefresh = { codeLens: false, inlayHint: false };
  let canVersionEdits = false;
  // initializationOptions.trusted: false (VS Code's Restricted Mode): nothing outside the workspace folders is read
  // from disk until the client says the workspace is trusted. Absent: trusted, as before (docs/security.md).
  let trusted = true;
  const disk = workspaceBoundHost(nodeHost, () => (trusted ? undefined : { roots: folders, files: priceCacheFile ? [priceCacheFile] : [] }));
  const overlay = overlayHost(documents, disk, (file) => {
    skips.log(`skip:${file}`, `skipped ${file}: larger than ${MAX_FILE_CHARS.toLocaleString('en-US')} characters`);
    publisher.notes.set(file, [{
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      severity: DiagnosticSeverity.Information,
      source: SOURCE,
      message: `kinesis-lint skips files larger than ${MAX_FILE_CHARS.toLocaleString('en-US')} characters; this file is not analysed.`,
    }]);
  });

  /** The roots of a workspace pass not analysed yet: until it is empty the workspace total is incomplete (busy). */
  let workspacePass: Set<string> | undefined;
  const passDone = (dirs: string[]) => {
    for (const dir of dirs) workspacePass?.delete(dir);
    if (workspacePass?.size === 0) workspacePass = undefined;
  };
  // Files the disk refuses (a FIFO, a device, too large, unreadable) are logged with the reason, once per reason.
  const host: typeof overlay = {
    ...overlay,
    async readFile(file, maxBytes) {
      const text = await overlay.readFile(file, maxBytes);
      const why = text === undefined ? overlay.readProblem?.(file) : undefined;
      if (why !== undefined && !why.endsWith(': ENOENT')) skips.log(`skip:${file}`, `skipped ${file}: ${why}`);
      return text;
    },
  };
  /** The configuration each root module was last analysed with (for the log and the price-table status). */
  const configs = new Map<string, LoadedConfig>();
  let priceTables = '';
  let analyses = 0;
  // A metrics snapshot older than metrics.max_age_days: announced once per snapshot (file and pull), not per analysis.
  const staleNotices = new StaleNotices();

  // The base each stream is compared with (kinesisLint.compareTo): analysed after the live analysis, once per commit.
  const gitWatch = new GitWatch((watchers) => void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(() => undefined));
  const baselines = new Baselines({
    git: options.git ?? inProcessGit,
    disk,
    parser,
    priceCacheFile,
    log: (line) => log.info(line),
    watch: (repo) => gitWatch.repository(repo),
    onChange: () => refreshSurfaces(),
  });
  /** The editor settings the base is analysed with: the live analysis's, without the display-only ones. */
  const configureBaselines = () => {
    const { codeLens: _l, inlayHints: _h, debounceMs: _d, compareTo, ...analysis } = settings;
    baselines.configure(compareTo, { ...analysis, baseDir: folders[0] }, trusted ? undefined : folders);
  };
  const sendSummary = () => {
    const compared = baselines.workspace(store.analyses());
    void connection.sendNotification(COST_SUMMARY_NOTIFICATION, summaryPayload(store.analyses(), { busy: workspacePass !== undefined, held: store, ...compared }));
  };
  /** Lenses asked again and the total sent again (a base landed). */
  const refreshSurfaces = () => {
    if (canRefresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    sendSummary();
  };

  const analyze = async (dirs: string[], signal: AbortSignal) => {
    const started = Date.now();
    const seen = new Map<string, LoadedConfig>();
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
      now: options.now?.() ?? new Date(),
      onConfig: (dir, config) => seen.set(dir, config),
    });
    const results = await analyzer.analyzeModules(dirs).catch((e: unknown) => {
      // An aborted run is re-queued; a failed one is not: it must not leave the status bar busy for good.
      if (!signal.aborted) passDone(dirs);
      throw e;
    });
    const analysed = new Set(results.map((a) => a.dir));
    const before = store.analyses();
    // A directory now analysed through its caller is no longer a root of its own.
    for (const dir of dirs) {
      if (analysed.has(dir)) continue;
      store.delete(dir);
      configs.delete(dir);
    }
    for (const a of results) {
      store.set(a, versions, (file) => sourceFiles.get(file)?.text);
      // One root at a time: a workspace of many roots is indexed in slices.
      await tick();
    }
    const roots = reconcileRoots(before, store.analyses(), moduleDirs);
    for (const dir of roots.drop) store.delete(dir);
    if (roots.analyse.length > 0) scheduler.request(roots.analyse, true);
    passDone(dirs);
    for (const [dir, config] of seen) {
      configs.set(dir, config);
      changes.log(`config:${dir}`, describeConfig(dir, config, priceCacheFile));
    }
    const ms = Date.now() - started;
    const streams = results.reduce((n, a) => n + a.streams.length, 0);
    // The first analysis (the workspace pass) at info, the ones after each edit at debug.
    (analyses++ === 0 ? log.info : log.debug).call(log, `analysed ${results.length} module(s), ${streams} stream(s) in ${ms} ms`);
    for (const stale of staleNotices.take(results)) {
      const message = staleMessage(stale, displayPath(stale.file, namedFolders));
      log.warn(message);
      // A notification, not window/showMessageRequest (what connection.window.showWarningMessage sends): no answer.
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    }
    const tables = JSON.stringify(priceTablesInUse(configs.values(), priceCacheFile));
    if (tables !== priceTables) {
      priceTables = tables;
      void connection.sendNotification(PRICE_TABLES_NOTIFICATION, { tables: JSON.parse(tables) });
    }
    // Every surface from the same store: squiggles (files whose diagnostics or version changed), then lenses and
    // hints asked again, then the total. Publishing yields between slices; requests meanwhile read the new store.
    await publisher.publishAll(store);
    if (canRefresh.codeLens) void connection.sendRequest('workspace/codeLens/refresh').catch(() => undefined);
    if (canRefresh.inlayHint) void connection.languages.inlayHint.refresh().catch(() => undefined);
    sendSummary();
    watchReadFiles();
    // The bases after the live figures are out: a keystroke finds its root's base already there and re-analyses none.
    if (workspacePass === undefined) baselines.refresh(store.roots());
    // After publishing, so the directory listing never delays the diagnostics.
    for (const dir of dirs) {
      for (const skipped of skippedConfigFiles((await host.readDir(dir) ?? []).filter((e) => !e.isDirectory).map((e) => e.name))) {
        const file = path.join(dir, skipped.name);
        skips.log(`skip:${file}`, `skipped ${file}: ${skipped.why}`);
      }
    }
  };
  // Files read outside the workspace globs (a var file elsewhere, a metrics snapshot a config names: an analysis lists
  // it even before `metrics pull` creates it): watched by path, re-registered when they change.
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
  const scheduler = new Scheduler(analyze, () => settings.debounceMs, (e) => log.error(`analysis failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`));

  /** The module directories to re-check when `file` changes: its own, and every root that read it. */
  const affected = (file: string) => [rootDirFor(file), ...store.rootsOf(file)].filter((d): d is string => d !== undefined);

  const analyzeWorkspace = async () => {
    const found = await findModuleDirs(folders, '/', host);
    const dirs = found.ok ? found.dirs : [];
    changes.log('modules', found.ok ? describeModules(dirs, folders) : `cannot list the workspace: ${found.error}`);
    moduleDirs = dirs;
    for (const root of store.roots()) if (!dirs.includes(root)) store.delete(root);
    const all = [...dirs, ...store.roots()];
    workspacePass = all.length > 0 ? new Set(all) : undefined;
    if (!workspacePass) sendSummary();
    scheduler.request(all, true);
  };

  const lifecycle = new Lifecycle();
  connection.onInitialize((params: InitializeParams): InitializeResult => {
    lifecycle.initialize();
    folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (folders.length === 0 && params.rootUri) folders = [uriToPath(params.rootUri)].filter((p): p is string => p !== undefined);
    namedFolders = folders.map((p) => ({ path: p, name: (params.workspaceFolders ?? []).find((f) => uriToPath(f.uri) === p)?.name ?? path.basename(p) }));
    const init = params.initializationOptions as { settings?: unknown; trusted?: unknown } | undefined;
    if (init?.settings !== undefined) settings = normalizeSettings(init.settings);
    trusted = init?.trusted !== false;
    const client = params.clientInfo ? `, client ${params.clientInfo.name} ${params.clientInfo.version ?? ''}`.trimEnd() : '';
    log.info(`kinesis-lint ${VERSION} language server, Node ${process.version} on ${process.platform}-${process.arch}${client}`);
    log.info(folders.length === 0 ? 'no workspace folder: only open files are analysed' : `workspace folders: ${folders.join(', ')}`);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canVersionEdits = params.capabilities.workspace?.workspaceEdit?.documentChanges === true;
    canRefresh = {
      codeLens: params.capabilities.workspace?.codeLens?.refreshSupport === true,
      inlayHint: params.capabilities.workspace?.inlayHint?.refreshSupport === true,
    };
    return {
      capabilities: {
        // didSave too: a save may come with a commit (the base is resolved again, baseline/baselines.ts).
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
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
    configureBaselines();
    gitWatch.folders(folders);
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
    configureBaselines();
    if (settings.compareTo === COMPARE_OFF) refreshSurfaces();
    scheduler.request(store.roots(), true);
  });

  // Trust granted: the module calls, price tables and var files refused so far are read now.
  connection.onNotification(WORKSPACE_TRUST_NOTIFICATION, (params: unknown) => {
    const value = (params as { trusted?: unknown } | null)?.trusted;
    if (typeof value !== 'boolean' || value === trusted) return;
    trusted = value;
    configureBaselines();
    void analyzeWorkspace();
  });

  const onDocument = (uri: string) => {
    const file = uriToPath(uri);
    if (!file) return;
    scheduler.request(affected(file));
  };
  documents.onDidOpen((e) => onDocument(e.document.uri));
  documents.onDidChangeContent((e) => onDocument(e.document.uri));
  // On close the disk version counts again (it may differ from the unsaved buffer).
  documents.onDidClose((e) => onDocument(e.document.uri));
  // A save may come with a commit the watcher missed: the revision is resolved again (cheap; no re-analysis unless
  // it names another commit).
  documents.onDidSave(() => {
    baselines.gitChanged();
    baselines.refresh(store.roots());
  });

  connection.onDidChangeWatchedFiles((params) => {
    const dirs = new Set<string>();
    /** Roots served by a changed metrics snapshot. */
    const snapshots = new Set<string>();
    let config = false;
    let git = false;
    for (const change of params.changes) {
      const file = uriToPath(change.uri);
      if (!file) continue;
      // HEAD, a ref or packed-refs: the base may be another commit now.
      if (gitWatch.owns(file)) {
        git = true;
        continue;
      }
      // A metrics snapshot (created, changed or deleted: a pull wrote it): the roots it serves.
      const snapshot = snapshotEventFile(file);
      const served = snapshotRoots(snapshot, store.roots(), (root) => configs.get(root), store.rootsOf(snapshot));
      if (served) {
        for (const dir of served) {
          dirs.add(dir);
          snapshots.add(dir);
        }
        continue;
      }
      if (isSettingsJson(file)) config = true;
      for (const dir of affected(file)) dirs.add(dir);
    }
    if (git) {
      baselines.gitChanged();
      baselines.refresh(store.roots());
    }
    // The base reads the snapshot from disk too: analysed again after the live side (analyze() refreshes the bases).
    if (snapshots.size > 0) baselines.inputsChanged([...snapshots]);
    if (config) void analyzeWorkspace();
    else if (dirs.size > 0) scheduler.request([...dirs]);
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
  /** Analyse the document's current text first when the store has an older one (bounded by Scheduler.idle). */
  const settle = async (uri: string) => {
    const file = uriToPath(uri);
    if (file && !isCurrent(editVersions, file) && documents.get(uri)) {
      scheduler.request(affected(file), true);
      await scheduler.idle();
    }
  };
  // Hover, lenses and hints never wait for an analysis: they are answered from the last one, its positions moved onto
  // the documents' current text (currentView.ts); the refresh sent when the next analysis lands brings its figures.
  /** A stream's line about its change against the base, for hover and lens (none while there is no base). */
  const deltas = { of: (root: string, s: StreamReport) => baselines.deltaOf(root, s), against: () => baselines.against };
  const current = () => relocations.view(documents.all().map((d) => `${d.uri} ${d.version}`).join('\n'));
  connection.onRequest(HoverRequest.type, lifecycle.request(shapes.position, (params: HoverParams) => hover(current(), params, deltas)));
  connection.onRequest(CodeLensRequest.type, lifecycle.request(shapes.document, (params: CodeLensParams) => {
    if (!settings.codeLens.enabled) return [];
    return codeLenses(current(), params, { fileTotal: settings.codeLens.fileTotal, delta: deltas });
  }));
  connection.onRequest(InlayHintRequest.type, lifecycle.request(shapes.range, (params: InlayHintParams) => {
    if (!settings.inlayHints.enabled) return [];
    const doc = documents.get(params.textDocument.uri);
    // The line with its break: inlayHints trims the trailing blanks.
    const lineText = (line: number) => doc?.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return inlayHints(current(), params, { lensShowsTotal: settings.codeLens.enabled, lineText });
  }));
  connection.onRequest(CodeActionRequest.type, lifecycle.request(shapes.codeAction, async (params: CodeActionParams) => {
    // Asked right after an edit (codeActionsOnSave on Ctrl+S): analyse the current text first, so the edits match it.
    await settle(params.textDocument.uri);
    return codeActions(store, params, documents.get(params.textDocument.uri), editVersions);
  }));
  connection.onRequest(COST_REPORT_REQUEST, lifecycle.request(shapes.optionalObject, () => {
    return costReport(store.analyses(), namedFolders, { busy: workspacePass !== undefined, held: store });
  }));
  connection.onRequest(STREAM_BREAKDOWN_REQUEST, lifecycle.request(shapes.optionalObject, (params: { uri?: string; resource?: string; position?: unknown } | null) => {
    const resource = typeof params?.resource === 'string' ? params.resource : undefined;
    // Without a resource: the streams whose block holds `position` in `uri` (the command at the cursor).
    if (resource === undefined && typeof params?.uri === 'string' && shapes.position({ textDocument: { uri: params.uri }, position: params.position })) {
      const file = uriToPath(params.uri);
      const streams = file ? streamBlocksAt(store, file, params.position as { line: number; character: number }) : [];
      return {
        resources: streams.map((s) => s.resource),
        markdown: streams.length > 0
          ? streams.map((s) => streamBreakdown(s, displayPath(s.file, namedFolders), store.heldBy(s))).join('\n\n---\n\n')
          : 'No aws_kinesis_stream block at the cursor in the last analysis.',
      };
    }
    const stream = resource ? store.stream(resource) : undefined;
    return { markdown: stream ? streamBreakdown(stream, displayPath(stream.file, namedFolders), store.heldBy(stream)) : `No stream ${resource ?? ''} in the last analysis.` };
  }));
  // The streams view's data; the client asks again after each kinesisLint/costSummary notification.
  connection.onRequest(STREAMS_REQUEST, lifecycle.request(shapes.optionalObject, () => streamsPayload(store.analyses())));
  // "Declare load for this stream…": the annotation edit for the document's current text.
  connection.onRequest(DECLARE_LOAD_REQUEST, lifecycle.request(isDeclareLoadParams, (params: DeclareLoadParams) =>
    declareLoadEdit(params, documents.get(params.textDocument.uri), parseCache, canVersionEdits)));
  // Every file's preferred fixes in one versioned edit, applied by the client through workspace/applyEdit.
  connection.onRequest(FIX_ALL_WORKSPACE_REQUEST, lifecycle.request(shapes.optionalObject, async () => {
    const stale = documents.all().map((d) => uriToPath(d.uri)).filter((f): f is string => f !== undefined && !isCurrent(editVersions, f));
    if (stale.length > 0) {
      scheduler.request(stale.flatMap(affected), true);
      await scheduler.idle();
    }
    const result = workspaceFixAll(store, editVersions);
    const applied = result.edit
      ? (await connection.workspace.applyEdit({ label: 'kinesis-lint: fix all in the workspace', edit: result.edit })).applied
      : false;
    log.info(`fix all in the workspace: ${result.fixes} fix(es) in ${result.files.length} file(s), ${applied ? 'applied' : 'not applied'}${result.stale.length ? `; changed since the analysis: ${result.stale.join(', ')}` : ''}`);
    return { applied, fixes: result.fixes, files: result.files.map(pathToUri), stale: result.stale.map(pathToUri) };
  }));
  connection.onShutdown(async () => {
    lifecycle.shutdown();
    scheduler.dispose();
    await parser.dispose();
  });

  connection.listen();
}

