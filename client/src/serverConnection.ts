// Owns the LanguageClient: starts it, restarts it (also after a failed start, which vscode-languageclient 9
// cannot recover from on the same instance), stops it when kinesisLint.enable is off, and reports its state, the
// server's cost summaries and the price tables it uses.
import * as vscode from 'vscode';
import { LanguageClient, State, type LanguageClientOptions, type Middleware, type RequestType, type WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, WATCHED_FILES, clientOptions, serverOptions } from './clientOptions';
import { ClientLog } from './clientLog';
import { costSummaryNotification, priceTablesNotification, workspaceTrustNotification, type CostSummary, type PriceTableInUse } from './protocol';
import type { ServerState } from './statusText';
import type { LanguageState } from './languageStatusText';

export class ServerConnection implements vscode.Disposable {
  readonly log = new ClientLog(CLIENT_NAME);
  private readonly watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly languageStateChanged = new vscode.EventEmitter<LanguageState>();
  private readonly summaryReceived = new vscode.EventEmitter<CostSummary>();
  private readonly priceTablesReceived = new vscode.EventEmitter<PriceTableInUse[]>();
  readonly onDidChangeState = this.stateChanged.event;
  /** The state with the causes told apart: a crash or failed start ('error'), kinesisLint.enable off ('disabled'). */
  readonly onDidChangeLanguageState = this.languageStateChanged.event;
  readonly onDidReceiveSummary = this.summaryReceived.event;
  readonly onDidReceivePriceTables = this.priceTablesReceived.event;
  private client: LanguageClient | undefined;
  private clientListeners: vscode.Disposable[] = [];
  private state: ServerState = 'stopped';
  private languageState: LanguageState = 'stopped';

  // Trust granted: the server may now read what the workspace names outside its folders, and analyses again.
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void this.client?.sendNotification(workspaceTrustNotification, { trusted: true }).catch(() => undefined);
  });

  constructor(private readonly extensionPath: string, private readonly middleware: Middleware = {}) {
    this.onDidChangeState((state) => (this.state = state));
    this.onDidChangeLanguageState((state) => (this.languageState = state));
  }

  get currentState(): LanguageState {
    return this.languageState;
  }

  async start(): Promise<void> {
    const client = this.createClient();
    this.fire('starting');
    try {
      await client.start();
    } catch (error) {
      // vscode-languageclient has already logged the cause to the output channel.
      this.fire('stopped', 'error');
      void vscode.window.showErrorMessage(`kinesis-lint: the language server could not start: ${message(error)}`);
    }
  }

  async restart(): Promise<void> {
    // A client that is still starting can be neither stopped nor replaced cleanly; let it finish first.
    if (this.state === 'starting') return;
    this.log.log('info', 'restarting the language server');
    const client = this.client;
    if (client?.isRunning()) {
      await this.onPurpose(() => client.restart());
      return;
    }
    await this.disposeClient();
    await this.start();
  }

  /** kinesisLint.enable = false: stop the server; its diagnostics go with it. */
  async disable(): Promise<void> {
    this.log.log('info', 'kinesisLint.enable is false: stopping the language server');
    this.fire('stopped', 'disabled');
    await this.disposeClient();
  }

  /** Sends a request to the running server; rejects when it is not running. */
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    if (this.client === undefined || this.languageState === 'disabled') return Promise.reject(new Error('the language server is not running'));
    return this.client.sendRequest(type, params);
  }

  /** A WorkspaceEdit from the server as VS Code's type. */
  toWorkspaceEdit(edit: LspWorkspaceEdit): Promise<vscode.WorkspaceEdit> {
    if (this.client === undefined) return Promise.reject(new Error('the language server is not running'));
    return this.client.protocol2CodeConverter.asWorkspaceEdit(edit);
  }

  showOutput(): void {
    this.log.show(true);
  }

  async dispose(): Promise<void> {
    await this.disposeClient();
    for (const watcher of this.watchers) watcher.dispose();
    this.trustListener.dispose();
    this.stateChanged.dispose();
    this.languageStateChanged.dispose();
    this.summaryReceived.dispose();
    this.priceTablesReceived.dispose();
    this.log.dispose();
  }

  private fire(state: ServerState, language: LanguageState = state): void {
    this.stateChanged.fire(state);
    this.languageStateChanged.fire(language);
  }

  /** Runs a deliberate stop (restart, disable, dispose): its exit is not an error. */
  private async onPurpose(action: () => Promise<void>): Promise<void> {
    this.log.stopping = true;
    try {
      await action();
    } finally {
      this.log.stopping = false;
    }
  }

  private createClient(): LanguageClient {
    const client = new LanguageClient(
      CLIENT_ID,
      CLIENT_NAME,
      serverOptions(this.extensionPath),
      withMiddleware(clientOptions(this.log, this.watchers), this.middleware),
    );
    this.clientListeners = [
      client.onDidChangeState((event) => {
        const state = toServerState(event.newState);
        // Stopped without being asked (a crash the client gave up restarting): an error, not a plain stop.
        this.fire(state, state === 'stopped' && !this.log.stopping ? 'error' : state);
      }),
      client.onNotification(costSummaryNotification, (summary) => this.summaryReceived.fire(summary)),
      client.onNotification(priceTablesNotification, (params) => this.priceTablesReceived.fire(params.tables)),
    ];
    this.client = client;
    return client;
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const listener of this.clientListeners) listener.dispose();
    this.clientListeners = [];
    await this.onPurpose(async () => {
      try {
        await client?.dispose();
      } catch {
        // A client whose start failed cannot be stopped; there is nothing left to shut down.
      }
    });
  }
}

function toServerState(state: State): ServerState {
  switch (state) {
    case State.Starting:
      return 'starting';
    case State.Running:
      return 'running';
    case State.Stopped:
      return 'stopped';
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The options' own middleware (the Ignore snippet, JSON syntax errors) and the one given (rule pages); both may see
 * diagnostics: the given one first, then the options' one.
 */
function withMiddleware(options: LanguageClientOptions, extra: Middleware): LanguageClientOptions {
  const own = options.middleware ?? {};
  const handleDiagnostics: Middleware['handleDiagnostics'] = own.handleDiagnostics && extra.handleDiagnostics
    ? (uri, diagnostics, next) => extra.handleDiagnostics!(uri, diagnostics, (u, d) => own.handleDiagnostics!(u, d, next))
    : own.handleDiagnostics ?? extra.handleDiagnostics;
  return { ...options, middleware: { ...own, ...extra, ...(handleDiagnostics ? { handleDiagnostics } : {}) } };
}
