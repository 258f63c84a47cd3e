// Owns the LanguageClient: starts it, restarts it (also after a failed start, which vscode-languageclient 9
// cannot recover from on the same instance), and reports its state and the server's cost summaries.
import * as vscode from 'vscode';
import { LanguageClient, State, type RequestType, type WorkspaceEdit as LspWorkspaceEdit } from 'vscode-languageclient/node';
import { CLIENT_ID, CLIENT_NAME, WATCHED_FILES, clientOptions, serverOptions } from './clientOptions';
import { costSummaryNotification, workspaceTrustNotification, type CostSummary } from './protocol';
import type { ServerState } from './statusText';

export class ServerConnection implements vscode.Disposable {
  readonly outputChannel = vscode.window.createOutputChannel(CLIENT_NAME);
  private readonly watchers = WATCHED_FILES.map((glob) => vscode.workspace.createFileSystemWatcher(glob));
  private readonly stateChanged = new vscode.EventEmitter<ServerState>();
  private readonly summaryReceived = new vscode.EventEmitter<CostSummary>();
  readonly onDidChangeState = this.stateChanged.event;
  readonly onDidReceiveSummary = this.summaryReceived.event;
  private client: LanguageClient | undefined;
  private clientListeners: vscode.Disposable[] = [];
  private state: ServerState = 'stopped';

  // Trust granted: the server may now read what the workspace names outside its folders, and analyses again.
  private readonly trustListener = vscode.workspace.onDidGrantWorkspaceTrust(() => {
    void this.client?.sendNotification(workspaceTrustNotification, { trusted: true }).catch(() => undefined);
  });

  constructor(private readonly extensionPath: string) {
    this.onDidChangeState((state) => (this.state = state));
  }

  async start(): Promise<void> {
    const client = this.createClient();
    this.stateChanged.fire('starting');
    try {
      await client.start();
    } catch (error) {
      // vscode-languageclient has already logged the cause to the output channel.
      this.stateChanged.fire('stopped');
      void vscode.window.showErrorMessage(`kinesis-lint: the language server could not start: ${message(error)}`);
    }
  }

  async restart(): Promise<void> {
    // A client that is still starting can be neither stopped nor replaced cleanly; let it finish first.
    if (this.state === 'starting') return;
    const client = this.client;
    if (client?.isRunning()) {
      await client.restart();
      return;
    }
    await this.disposeClient();
    await this.start();
  }

  /** Sends a request to the running server; rejects when it is not running. */
  sendRequest<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    if (this.client === undefined) return Promise.reject(new Error('the language server is not running'));
    return this.client.sendRequest(type, params);
  }

  /** A WorkspaceEdit from the server as VS Code's type. */
  toWorkspaceEdit(edit: LspWorkspaceEdit): Promise<vscode.WorkspaceEdit> {
    if (this.client === undefined) return Promise.reject(new Error('the language server is not running'));
    return this.client.protocol2CodeConverter.asWorkspaceEdit(edit);
  }

  showOutput(): void {
    this.outputChannel.show(true);
  }

  async dispose(): Promise<void> {
    await this.disposeClient();
    for (const watcher of this.watchers) watcher.dispose();
    this.trustListener.dispose();
    this.stateChanged.dispose();
    this.summaryReceived.dispose();
    this.outputChannel.dispose();
  }

  private createClient(): LanguageClient {
    const client = new LanguageClient(
      CLIENT_ID,
      CLIENT_NAME,
      serverOptions(this.extensionPath),
      clientOptions(this.outputChannel, this.watchers),
    );
    this.clientListeners = [
      client.onDidChangeState((event) => this.stateChanged.fire(toServerState(event.newState))),
      client.onNotification(costSummaryNotification, (summary) => this.summaryReceived.fire(summary)),
    ];
    this.client = client;
    return client;
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    for (const listener of this.clientListeners) listener.dispose();
    this.clientListeners = [];
    try {
      await client?.dispose();
    } catch {
      // A client whose start failed cannot be stopped; there is nothing left to shut down.
    }
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
