// Issue #12: the cost delta against kinesisLint.compareTo (default HEAD) in the real editor. The setup makes the
// workspace a git repository with one commit of the example as published (shard_count = 2); the test then edits
// shard_count to 4 and reads the hover and the status bar. Runs after the suites that edit main.tf (yy: before
// zzConfigJson); it puts the example's text back first, so the figures are the example's.
//
// By hand, from server/src/core/pricing/prices.json (us-east-1, 730 h a month): a shard-hour is $0.015, so two more
// shards add 2 × 730 × 0.015 = $21.90; the total with 4 shards is 4 × 730 × 0.015 = $43.80 of shard hours plus the
// declared 2,500 records/s of 1.23 KiB (1 PUT unit each): 2,500 × 2,628,000 s = 6,570 M units × $0.014 = $91.98,
// so $135.78 a month.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const vscode = require('vscode');
const { waitFor } = require('./waitFor');
const expected = require('../fixtures/telemetry-pipeline.json');

const REPO = path.resolve(__dirname, '..', '..', '..');
const markdownText = (c) => (typeof c === 'string' ? c : c.value);

/** Building the fixture repository (tests may run git; the product never does). */
function git(cwd, ...args) {
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
  return execFileSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd, env, encoding: 'utf8' });
}

describe('kinesis-lint: cost delta against HEAD', function () {
  let uri;
  let doc;
  let api;

  before(async function () {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    uri = vscode.Uri.joinPath(folder, expected.file);
    api = vscode.extensions.getExtension(expected.extensionId).exports;
    // Earlier suites leave Terraform of their own (kinesisLint's two-callers/, the streams view's extra.tf), some
    // open in editors: the server reads open buffers, so each is emptied and saved, then deleted; the declare-load
    // suite edits main.tf's annotation: main.tf is reset to the example below.
    const own = new Set(fs.readdirSync(path.join(REPO, expected.example)));
    for (const leftover of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{tf,tfvars}'))) {
      if (path.dirname(leftover.fsPath) === folder.fsPath && own.has(path.basename(leftover.fsPath))) continue;
      const d = await vscode.workspace.openTextDocument(leftover);
      const empty = new vscode.WorkspaceEdit();
      empty.replace(leftover, new vscode.Range(0, 0, d.lineCount, 0), '');
      assert.strictEqual(await vscode.workspace.applyEdit(empty), true);
      await d.save();
      await waitFor(`${leftover.fsPath} saved empty`, () => fs.readFileSync(leftover.fsPath, 'utf8') === '');
    }
    for (const name of ['extra.tf', 'two-callers']) await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder, name), { recursive: true }).then(undefined, () => undefined);
    doc = await vscode.workspace.openTextDocument(uri);
    const original = fs.readFileSync(path.join(REPO, expected.example, expected.file), 'utf8');
    const reset = new vscode.WorkspaceEdit();
    reset.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), original);
    assert.strictEqual(await vscode.workspace.applyEdit(reset), true);
    // save() is false when auto-save got there first: what counts is the text on disk (that is what is committed).
    await doc.save();
    await waitFor('main.tf saved as the example', () => fs.readFileSync(uri.fsPath, 'utf8') === original);
    await vscode.window.showTextDocument(doc);
    git(folder.fsPath, 'init', '-q', '-b', 'main');
    git(folder.fsPath, 'add', '-A');
    git(folder.fsPath, 'commit', '-q', '-m', 'the example as published');
  });

  it('hovers shard_count edited 2 → 4 with "+$21.90/mo vs HEAD (2 → 4 shards)"', async function () {
    assert.strictEqual(doc.getText(new vscode.Range(expected.range.start.line, expected.range.start.character, expected.range.end.line, expected.range.end.character)), '2');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(expected.range.start.line, expected.range.start.character, expected.range.end.line, expected.range.end.character), '4');
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
    const pos = new vscode.Position(expected.hoverPosition.line, expected.hoverPosition.character);
    let seen = '';
    const line = await waitFor('the delta in the hover', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos);
      const paragraphs = hovers.flatMap((h) => h.contents.map(markdownText)).join('\n\n').split('\n\n');
      seen = paragraphs[0] || '';
      return paragraphs.find((p) => p.includes('vs HEAD'));
    }).catch((e) => { throw new Error(`${e.message}; hover began: ${seen}`); });
    assert.strictEqual(line, '**+$21.90/mo vs HEAD** (2 → 4 shards)');
  });

  it('shows the workspace delta in the status bar, and the changed stream in its tooltip', async function () {
    const want = '$(pulse) kinesis-lint ≈ $135.78/mo (+$21.90 vs HEAD)';
    let seen = '';
    const bar = await waitFor(`the status bar to read "${want}"`, () => {
      const now = api.statusBar();
      seen = now.text;
      return now.text === want ? now : undefined;
    }).catch((e) => { throw new Error(`${e.message}; it reads "${seen}"`); });
    assert.ok(bar.tooltip.includes('\nChanged vs HEAD:\n• aws_kinesis_stream.telemetry: +$21.90/mo (2 → 4 shards)\n'), bar.tooltip);
  });

  it('shows the delta in the stream\'s code lens', async function () {
    const lens = await waitFor('a lens with the delta', async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
      return lenses.find((l) => l.range.start.line === expected.resourceHeaderLine && l.command && l.command.title.includes('vs HEAD'));
    });
    assert.match(lens.command.title, /^≈ \$135\.78\/mo · 4 shards.* · \+\$21\.90\/mo vs HEAD$/);
  });
});
