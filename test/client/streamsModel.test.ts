// The streams view's tree as data (client/src/streamsView/model.ts has no vscode import): grouping by workspace
// folder and module with its callers, the cost words (exact, lower bound, unknown) and both sort orders.
import { strict as assert } from 'assert';
import { buildTree, capacityText, formatCost, type FolderNode, type ModuleNode, type StreamNode, type TreeNode } from '../../client/src/streamsView/model';
import type { StreamItem } from '../../client/src/protocol';

const WS = 'file:///ws/infra';

function stream(over: Partial<StreamItem> & { resource: string; moduleUri: string }): StreamItem {
  const at = over.resource.lastIndexOf('aws_kinesis_stream.');
  return {
    caller: at > 0 ? over.resource.slice(0, at - 1) : '',
    local: over.resource.slice(at),
    uri: `${over.moduleUri}/main.tf`,
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 30 } },
    rootUri: WS,
    monthlyCost: 10,
    costText: '$10.00/mo',
    mode: 'PROVISIONED',
    shards: 1,
    instances: 1,
    findings: { error: 0, warning: 0, info: 0, hint: 0 },
    ...over,
  };
}

const STREAMS: StreamItem[] = [
  stream({ resource: 'aws_kinesis_stream.zeta', moduleUri: WS, monthlyCost: 5, findings: { error: 0, warning: 2, info: 0, hint: 1 } }),
  stream({ resource: 'aws_kinesis_stream.alpha', moduleUri: WS, monthlyCost: null, costText: 'unknown', instances: null }),
  stream({ resource: 'aws_kinesis_stream.mid', moduleUri: WS, monthlyCost: { atLeast: 40 }, mode: 'ON_DEMAND', shards: null }),
  stream({ resource: 'module.big.aws_kinesis_stream.m', moduleUri: `${WS}/modules/ingest`, monthlyCost: 259.59, findings: { error: 1, warning: 0, info: 0, hint: 0 } }),
  stream({ resource: 'module.small.aws_kinesis_stream.m', moduleUri: `${WS}/modules/ingest`, monthlyCost: 25.67, findings: { error: 1, warning: 0, info: 0, hint: 0 } }),
];

const labels = (nodes: TreeNode[]) => nodes.map((n) => n.label);
const streamsOf = (m: TreeNode) => (m as ModuleNode).children;

describe('streams view model', () => {
  it('with one workspace folder, lists modules (with callers) then their streams, by cost by default', () => {
    const roots = buildTree([{ name: 'infra', uri: WS }], STREAMS, 'cost');
    // The module's streams cost 285.26 in all, the root's 45 known: the dearer module first.
    assert.deepEqual(labels(roots), ['modules/ingest', '.']);
    const [ingest, root] = roots as ModuleNode[];
    assert.equal(ingest.description, 'called by module.big, module.small');
    assert.equal(root.description, 'root module');
    // Lower bound 40 > exact 5 > unknown (last, never as $0).
    assert.deepEqual(labels(root.children), ['mid', 'zeta', 'alpha']);
    assert.deepEqual(ingest.children.map((s) => s.description), [
      'module.big · $259.59/mo · PROVISIONED, 1 shard · 1 finding',
      'module.small · $25.67/mo · PROVISIONED, 1 shard · 1 finding',
    ]);
  });

  it('words cost, mode, shards, findings and the worst severity per stream', () => {
    const root = (buildTree([{ name: 'infra', uri: WS }], STREAMS, 'name') as ModuleNode[]).find((m) => m.label === '.')!;
    const byLabel = new Map(root.children.map((s) => [s.label, s] as const));
    const zeta = byLabel.get('zeta')!;
    assert.equal(zeta.description, '$5.00/mo · PROVISIONED, 1 shard · 3 findings');
    assert.equal(zeta.severity, 'warning');
    assert.match(zeta.tooltip, /^aws_kinesis_stream\.zeta\nMonthly cost: \$10\.00\/mo\n.*\n2 warning, 1 hint$/);
    const alpha = byLabel.get('alpha')!;
    assert.equal(alpha.description, 'unknown · PROVISIONED, 1 shard × ? instances · no findings');
    assert.equal(alpha.severity, null);
    assert.equal(byLabel.get('mid')!.description, '≥ $40.00/mo · ON_DEMAND · no findings');
    // Click-through target: the resource header in its file.
    assert.deepEqual([zeta.uri, zeta.range.start.line], [`${WS}/main.tf`, 3]);
  });

  it('sorts by name: modules and streams alphabetically', () => {
    const roots = buildTree([{ name: 'infra', uri: WS }], STREAMS, 'name');
    assert.deepEqual(labels(roots), ['.', 'modules/ingest']);
    assert.deepEqual(labels(streamsOf(roots[0])), ['alpha', 'mid', 'zeta']);
    assert.deepEqual(streamsOf(roots[1]).map((s) => (s as StreamNode).item.caller), ['module.big', 'module.small']);
  });

  it('with several folders, puts each stream under its folder (the innermost), and keeps folder order', () => {
    const other = 'file:///ws/other';
    const roots = buildTree(
      [{ name: 'infra', uri: WS }, { name: 'other', uri: other }],
      [...STREAMS, stream({ resource: 'aws_kinesis_stream.o', moduleUri: other }), stream({ resource: 'aws_kinesis_stream.x', moduleUri: 'file:///elsewhere' })],
      'cost',
    ) as FolderNode[];
    assert.deepEqual(labels(roots), ['infra', 'other', '(outside the workspace)']);
    assert.deepEqual(roots.map((f) => f.description), ['5 streams', '1 stream', '1 stream']);
    assert.deepEqual(labels(roots[1].children), ['.']);
    // A folder whose name is a prefix of another's is not its parent.
    const prefix = buildTree([{ name: 'a', uri: 'file:///ws/a' }, { name: 'ab', uri: 'file:///ws/ab' }], [stream({ resource: 'aws_kinesis_stream.s', moduleUri: 'file:///ws/ab/m' })], 'name') as FolderNode[];
    assert.deepEqual(labels(prefix), ['ab']);
    assert.deepEqual(labels(prefix[0].children), ['m']);
  });

  it('has no roots without streams', () => {
    assert.deepEqual(buildTree([{ name: 'infra', uri: WS }], [], 'cost'), []);
  });

  it('formats cost and capacity without inventing numbers', () => {
    assert.deepEqual([formatCost(0), formatCost({ atLeast: 1234.5 }), formatCost(null)], ['$0.00/mo', '≥ $1,234.50/mo', 'unknown']);
    assert.equal(capacityText({ mode: null, shards: null, instances: 3 }), 'mode unknown × 3 instances');
    assert.equal(capacityText({ mode: 'PROVISIONED', shards: null, instances: 1 }), 'PROVISIONED, ? shards');
  });
});
