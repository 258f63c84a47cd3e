// The "Kinesis streams" view in the Explorer: a TreeDataProvider over streamsView/model.ts. It asks the server
// (kinesisLint/streams) again after every analysis, which the server announces with its kinesisLint/costSummary
// notification, so the view always shows the same analysis as the diagnostics and the status bar.
import * as vscode from 'vscode';
import { streamsRequest, type StreamItem } from '../protocol';
import type { ServerConnection } from '../serverConnection';
import { buildTree, type SortOrder, type TreeNode } from './model';

export const VIEW_ID = 'kinesisLint.streams';
/** Context key the view's title buttons read to show "sort by name" or "sort by cost". */
const SORT_CONTEXT = 'kinesisLint.streamsSort';
/** Where the chosen order is remembered (globalState: it is a preference, not a property of one workspace). */
const SORT_STATE = 'kinesisLint.streamsSort';

const ICONS: Record<string, vscode.ThemeIcon> = {
  error: new vscode.ThemeIcon('error', new vscode.ThemeColor('problemsErrorIcon.foreground')),
  warning: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
  info: new vscode.ThemeIcon('info', new vscode.ThemeColor('problemsInfoIcon.foreground')),
  hint: new vscode.ThemeIcon('lightbulb'),
  none: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export class StreamsTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private streams: StreamItem[] = [];
  private roots: TreeNode[] = [];
  private order: SortOrder;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly server: ServerConnection, private readonly memento: vscode.Memento) {
    this.order = memento.get<SortOrder>(SORT_STATE) === 'name' ? 'name' : 'cost';
    void vscode.commands.executeCommand('setContext', SORT_CONTEXT, this.order);
    this.subscriptions = [
      server.onDidReceiveSummary(() => void this.refresh()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rebuild()),
    ];
  }

  get sortOrder(): SortOrder {
    return this.order;
  }

  async setSortOrder(order: SortOrder): Promise<void> {
    this.order = order;
    await this.memento.update(SORT_STATE, order);
    await vscode.commands.executeCommand('setContext', SORT_CONTEXT, order);
    this.rebuild();
  }

  /** Ask the server for the streams of its latest analysis. */
  async refresh(): Promise<void> {
    try {
      // URIs as vscode.Uri#toString() writes them, so that they compare with the workspace folders' URIs.
      const norm = (uri: string) => vscode.Uri.parse(uri).toString();
      this.streams = (await this.server.sendRequest(streamsRequest, {})).streams
        .map((s) => ({ ...s, uri: norm(s.uri), moduleUri: norm(s.moduleUri), rootUri: norm(s.rootUri) }));
    } catch {
      // The server is not running (or restarting): keep the last list; the next summary refreshes it.
      return;
    }
    this.rebuild();
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node === undefined) return this.roots;
    return node.kind === 'stream' ? [] : node.children;
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'stream') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.description;
      item.tooltip = node.tooltip;
      item.iconPath = ICONS[node.severity ?? 'none'];
      item.contextValue = 'stream';
      const r = node.range;
      item.command = {
        command: 'vscode.open',
        title: 'Go to the stream',
        arguments: [vscode.Uri.parse(node.uri), { selection: new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) }],
      };
      return item;
    }
    const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = node.id;
    item.description = node.description;
    item.iconPath = new vscode.ThemeIcon(node.kind === 'folder' ? 'root-folder' : 'symbol-module');
    if (node.kind === 'module') item.tooltip = node.tooltip;
    item.contextValue = node.kind;
    return item;
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const find = (list: TreeNode[], parent: TreeNode | undefined): TreeNode | undefined | null => {
      for (const n of list) {
        if (n.id === node.id) return parent;
        if (n.kind !== 'stream') {
          const found = find(n.children, n);
          if (found !== null) return found;
        }
      }
      return null;
    };
    return find(this.roots, undefined) ?? undefined;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }

  private rebuild(): void {
    const folders = (vscode.workspace.workspaceFolders ?? []).map((f) => ({ name: f.name, uri: f.uri.toString() }));
    this.roots = buildTree(folders, this.streams, this.order);
    this.changed.fire(undefined);
  }
}

export function registerStreamsView(server: ServerConnection, context: vscode.ExtensionContext): StreamsTreeProvider {
  const provider = new StreamsTreeProvider(server, context.globalState);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(
    provider,
    view,
    vscode.commands.registerCommand('kinesisLint.streams.sortByName', () => provider.setSortOrder('name')),
    vscode.commands.registerCommand('kinesisLint.streams.sortByCost', () => provider.setSortOrder('cost')),
    vscode.commands.registerCommand('kinesisLint.streams.refresh', () => provider.refresh()),
  );
  return provider;
}
