// The "Kinesis streams" view as plain data: workspace folder → module (with its callers) → stream, built from the
// server's kinesisLint/streams answer and sorted by cost or by name. No vscode import, so it is unit-tested
// (test/client/streamsModel.test.ts); streamsView/provider.ts turns these nodes into TreeItems.
import type { StreamItem } from '../protocol';
import { formatUsd } from '../statusText';

export type SortOrder = 'cost' | 'name';
export type Severity = keyof StreamItem['findings'];

export interface WorkspaceFolderRef {
  name: string;
  /** The folder's URI string, as vscode.Uri#toString() gives it. */
  uri: string;
}

export interface StreamNode {
  kind: 'stream';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  /** The worst severity among its findings; null when it has none. */
  severity: Severity | null;
  uri: string;
  range: StreamItem['range'];
  item: StreamItem;
}

export interface ModuleNode {
  kind: 'module';
  id: string;
  label: string;
  description: string;
  tooltip: string;
  children: StreamNode[];
}

export interface FolderNode {
  kind: 'folder';
  id: string;
  label: string;
  description: string;
  children: ModuleNode[];
}

export type TreeNode = FolderNode | ModuleNode | StreamNode;

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

/** "$21.90/mo", "≥ $21.90/mo" (a lower bound: some usage is unknown), or "unknown"; never $0 for unknown. */
export function formatCost(cost: StreamItem['monthlyCost']): string {
  if (cost === null) return 'unknown';
  return typeof cost === 'number' ? `${formatUsd(cost)}/mo` : `≥ ${formatUsd(cost.atLeast)}/mo`;
}

/** What sorting by cost compares: the known part; unknown sorts after every known amount. */
function costKey(cost: StreamItem['monthlyCost']): number {
  if (cost === null) return -1;
  return typeof cost === 'number' ? cost : cost.atLeast;
}

/**
 * The roots of the view. With one workspace folder the folder level is left out (its modules are the roots), as
 * VS Code's own views do; streams outside every folder go under "(outside the workspace)".
 */
export function buildTree(folders: readonly WorkspaceFolderRef[], streams: readonly StreamItem[], order: SortOrder): TreeNode[] {
  const byFolder = new Map<string, StreamItem[]>();
  for (const s of streams) {
    const folder = folderOf(folders, s.moduleUri);
    byFolder.set(folder?.uri ?? '', [...(byFolder.get(folder?.uri ?? '') ?? []), s]);
  }
  const nodes: FolderNode[] = [];
  for (const folder of [...folders, { name: '(outside the workspace)', uri: '' }]) {
    const inFolder = byFolder.get(folder.uri);
    if (!inFolder) continue;
    const modules = moduleNodes(folder, inFolder, order);
    const count = inFolder.length;
    nodes.push({ kind: 'folder', id: `folder:${folder.uri}`, label: folder.name, description: `${count} stream${count === 1 ? '' : 's'}`, children: modules });
  }
  if (folders.length === 1 && nodes.length === 1 && nodes[0].id === `folder:${folders[0].uri}`) return nodes[0].children;
  return nodes;
}

function folderOf(folders: readonly WorkspaceFolderRef[], uri: string): WorkspaceFolderRef | undefined {
  // The innermost folder wins when folders nest.
  return folders.filter((f) => uri === f.uri || uri.startsWith(f.uri.endsWith('/') ? f.uri : `${f.uri}/`))
    .sort((a, b) => b.uri.length - a.uri.length)[0];
}

function moduleNodes(folder: WorkspaceFolderRef, streams: readonly StreamItem[], order: SortOrder): ModuleNode[] {
  const byModule = new Map<string, StreamItem[]>();
  for (const s of streams) byModule.set(s.moduleUri, [...(byModule.get(s.moduleUri) ?? []), s]);
  const modules = [...byModule].map(([moduleUri, list]): ModuleNode & { cost: number } => {
    const callers = [...new Set(list.map((s) => s.caller).filter((c) => c !== ''))].sort();
    const root = list.some((s) => s.caller === '');
    const label = relativeDir(folder.uri, moduleUri);
    const calledBy = callers.length > 0 ? `called by ${callers.join(', ')}` : '';
    return {
      kind: 'module',
      id: `module:${moduleUri}`,
      label,
      description: [root ? 'root module' : '', calledBy].filter(Boolean).join(' · '),
      tooltip: `${decodeURIComponent(moduleUri.replace(/^file:\/\//, ''))}${calledBy ? `\n${calledBy}` : ''}`,
      children: sortStreams(list.map((s) => streamNode(s, callers.length > 1)), order),
      cost: list.reduce((sum, s) => sum + Math.max(0, costKey(s.monthlyCost)), 0),
    };
  });
  modules.sort(order === 'cost' ? (a, b) => b.cost - a.cost || a.label.localeCompare(b.label) : (a, b) => a.label.localeCompare(b.label));
  return modules.map(({ cost: _cost, ...node }) => node);
}

/** The module's folder relative to the workspace folder ("modules/ingest"); "." for the folder itself. */
function relativeDir(folderUri: string, moduleUri: string): string {
  if (folderUri === '' || !moduleUri.startsWith(folderUri)) return decodeURIComponent(moduleUri.replace(/^file:\/\//, ''));
  const rest = moduleUri.slice(folderUri.length).replace(/^\//, '');
  return rest === '' ? '.' : decodeURIComponent(rest);
}

function streamNode(s: StreamItem, showCaller: boolean): StreamNode {
  const total = SEVERITIES.reduce((sum, k) => sum + s.findings[k], 0);
  const severity = SEVERITIES.find((k) => s.findings[k] > 0) ?? null;
  const findings = total === 0 ? 'no findings' : `${total} finding${total === 1 ? '' : 's'}`;
  const parts = [formatCost(s.monthlyCost), capacityText(s), findings];
  if (showCaller) parts.unshift(s.caller || 'root');
  return {
    kind: 'stream',
    id: `stream:${s.rootUri}#${s.resource}`,
    label: s.local.replace(/^aws_kinesis_stream\./, ''),
    description: parts.join(' · '),
    tooltip: [
      s.resource,
      `Monthly cost: ${s.costText}`,
      capacityText(s),
      total === 0 ? 'No findings' : SEVERITIES.filter((k) => s.findings[k] > 0).map((k) => `${s.findings[k]} ${k}`).join(', '),
    ].join('\n'),
    severity,
    uri: s.uri,
    range: s.range,
    item: s,
  };
}

/** "PROVISIONED, 2 shards", "ON_DEMAND", "PROVISIONED, ? shards", "mode unknown"; "× 3 instances" when counted. */
export function capacityText(s: Pick<StreamItem, 'mode' | 'shards' | 'instances'>): string {
  const mode = s.mode === null ? 'mode unknown' : s.mode === 'ON_DEMAND' ? 'ON_DEMAND' : `PROVISIONED, ${s.shards ?? '?'} shard${s.shards === 1 ? '' : 's'}`;
  const instances = s.instances === null ? ' × ? instances' : s.instances === 1 ? '' : ` × ${s.instances} instances`;
  return mode + instances;
}

function sortStreams(nodes: StreamNode[], order: SortOrder): StreamNode[] {
  const byName = (a: StreamNode, b: StreamNode) => a.label.localeCompare(b.label) || a.item.caller.localeCompare(b.item.caller);
  return nodes.sort(order === 'cost' ? (a, b) => costKey(b.item.monthlyCost) - costKey(a.item.monthlyCost) || byName(a, b) : byName);
}
