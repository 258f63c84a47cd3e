// The workspace-wide fix-all (issue #10 item 16) on analyses made in memory: which files it edits, with which
// versions, and which it leaves out (changed since the analysis, or installed by terraform init).
import { strict as assert } from 'node:assert';
import { pathToFileURL } from 'node:url';
import type { TextDocumentEdit } from 'vscode-languageserver';
import { analyze, abs } from '../support/analyze';
import { AnalysisStore } from '../../server/src/lsp/store';
import { workspaceFixAll } from '../../server/src/lsp/workspaceFixAll';
import { UNDERSIZED } from './harness';

const other = UNDERSIZED.replace(/"s"/g, '"t"');

async function storeOf(files: Record<string, string>, versions: Map<string, number>): Promise<AnalysisStore> {
  const store = new AnalysisStore();
  for (const a of (await analyze(files)).analyses) store.set(a, versions);
  return store;
}

describe('workspace fix-all', function () {
  this.timeout(20000);

  it('leaves out a file edited since the analysis and fixes the others with their analysed versions', async () => {
    const analysed = new Map([[abs('a.tf'), 3], [abs('b.tf'), 7]]);
    const store = await storeOf({ 'a.tf': UNDERSIZED, 'b.tf': other, 'c.tf': UNDERSIZED.replace(/"s"/g, '"u"') }, analysed);
    const now = new Map([[abs('a.tf'), 4], [abs('b.tf'), 7]]);
    const result = workspaceFixAll(store, { analysed: (f) => store.analysedVersion(f), current: (f) => now.get(f) ?? null, documentChanges: true });
    assert.deepEqual([result.fixes, result.files, result.stale], [2, [abs('b.tf'), abs('c.tf')], [abs('a.tf')]]);
    const edits = (result.edit!.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => e.newText)]);
    assert.deepEqual(edits, [[pathToFileURL(abs('b.tf')).href, 7, ['4']], [pathToFileURL(abs('c.tf')).href, null, ['4']]]);
  });

  it('has no edit when every fixable file changed, and plain changes for a client without documentChanges', async () => {
    const store = await storeOf({ 'a.tf': UNDERSIZED }, new Map([[abs('a.tf'), 1]]));
    const moved = workspaceFixAll(store, { analysed: (f) => store.analysedVersion(f), current: () => 2, documentChanges: true });
    assert.deepEqual([moved.edit, moved.fixes, moved.stale], [undefined, 0, [abs('a.tf')]]);
    const plain = workspaceFixAll(store, { analysed: (f) => store.analysedVersion(f), current: () => 1, documentChanges: false });
    assert.deepEqual(plain.edit, { changes: { [pathToFileURL(abs('a.tf')).href]: [{ range: { start: { line: 3, character: 20 }, end: { line: 3, character: 21 } }, newText: '4' }] } });
  });

  it('never edits a module terraform init installed', async () => {
    const manifest = JSON.stringify({ Modules: [{ Key: '', Source: '', Dir: '.' }, { Key: 'k', Source: 'registry.terraform.io/x/k/aws', Version: '1.0.0', Dir: '.terraform/modules/k' }] });
    const store = await storeOf({
      'main.tf': 'module "k" {\n  source  = "x/k/aws"\n  version = "1.0.0"\n}\n',
      '.terraform/modules/modules.json': manifest,
      '.terraform/modules/k/main.tf': UNDERSIZED,
    }, new Map());
    const installed = abs('.terraform/modules/k/main.tf');
    const [finding] = store.findingsIn(installed).filter((f) => f.ruleId === 'undersized-shards');
    assert.ok(finding, 'the installed module\'s finding is reported');
    // The core offers no fix there today; should one appear, the workspace command still leaves the file alone.
    finding.fixes.push({ title: 'Set shard_count = 4', preferred: true, edits: [{ file: installed, range: finding.range, newText: '4' }] });
    const result = workspaceFixAll(store, { analysed: (f) => store.analysedVersion(f), current: () => null, documentChanges: true });
    assert.deepEqual([result.edit, result.fixes, result.files, result.stale], [undefined, 0, [], []]);
  });
});
