// The "Kinesis streams" view of the packaged extension (issue #10 item 13), through the TreeDataProvider that
// activate() returns: its items follow the analyses (a new file adds a stream), a click opens the stream's block,
// and the title-bar sort switches between cost and name order.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./waitFor');
const expected = require('../fixtures/telemetry-pipeline.json');

// A second stream, far dearer than telemetry (ON_DEMAND at 40 MiB/s) and after it by name.
const EXTRA = [
  '# kinesis-lint: write_mib_per_sec=40 records_per_sec=40000 consumers=1',
  'resource "aws_kinesis_stream" "zz_firehose" {',
  '  name = "zz-firehose"',
  '  stream_mode_details {',
  '    stream_mode = "ON_DEMAND"',
  '  }',
  '}',
  '',
].join('\n');

describe('the Kinesis streams view', function () {
  let view;
  // The workspace's root module ('.'); an earlier suite adds a module of its own (two-callers) beside it.
  const streamNodes = () => view.getChildren().filter((m) => m.label === '.').flatMap((m) => view.getChildren(m));
  const names = () => streamNodes().map((n) => view.getTreeItem(n).label);

  before(async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    await waitFor('extension activation', () => ext.isActive);
    view = ext.exports.streamsView;
    assert.ok(view, 'activate() returns no streamsView');
  });

  it('lists the workspace streams with cost, mode, shards and findings, and follows a new file', async function () {
    const telemetry = await waitFor('the telemetry stream in the view', () => streamNodes().find((n) => n.label === 'telemetry'));
    const item = view.getTreeItem(telemetry);
    // One workspace folder: its modules are the first level. (An earlier suite's quick fix may have set 4 shards.)
    assert.ok(view.getChildren().map((m) => m.label).includes('.'));
    assert.match(item.description, /^(≥ )?\$[\d,]+\.\d\d\/mo · PROVISIONED, \d+ shards · (\d+ findings?|no findings)$/);
    assert.ok(item.iconPath instanceof vscode.ThemeIcon);
    const folder = vscode.workspace.workspaceFolders[0].uri;
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'extra.tf'), Buffer.from(EXTRA));
    await waitFor('the new stream in the view', () => names().includes('zz_firehose'));
    const extra = view.getTreeItem(streamNodes().find((n) => n.label === 'zz_firehose'));
    assert.match(extra.description, /ON_DEMAND/);
  });

  it('goes to the stream block on click', async function () {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, 'extra.tf'));
    const item = view.getTreeItem(streamNodes().find((n) => n.label === 'telemetry'));
    await vscode.commands.executeCommand(item.command.command, ...item.command.arguments);
    const editor = await waitFor('main.tf in the active editor', () => {
      const e = vscode.window.activeTextEditor;
      return e && e.document.uri.path.endsWith(`/${expected.file}`) ? e : undefined;
    });
    assert.strictEqual(editor.selection.start.line, expected.resourceHeaderLine);
  });

  it('sorts by name and by cost from the title bar', async function () {
    await vscode.commands.executeCommand('kinesisLint.streams.sortByName');
    assert.deepStrictEqual(names(), ['telemetry', 'zz_firehose']);
    await vscode.commands.executeCommand('kinesisLint.streams.sortByCost');
    assert.deepStrictEqual(names(), ['zz_firehose', 'telemetry']);
  });
});

describe('kinesis-lint: Declare load for this stream…', function () {
  it('writes the typed load into the stream\'s annotation (the load passed as the argument instead of typed)', async function () {
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, expected.file);
    const editor = await vscode.window.showTextDocument(uri);
    const header = expected.resourceHeaderLine;
    // The example declares write_mib_per_sec and records_per_sec on the line above the resource.
    assert.match(editor.document.lineAt(header - 1).text, /^# kinesis-lint: write_mib_per_sec=\d+ records_per_sec=\d+$/);
    editor.selection = new vscode.Selection(header + 2, 4, header + 2, 4);
    const load = { write_mib_per_sec: 1.5, records_per_sec: 900, consumers: 2 };
    const applied = await waitFor('the declare-load edit', () => vscode.commands.executeCommand('kinesisLint.declareLoad', load));
    assert.strictEqual(applied, true);
    assert.deepStrictEqual([header - 1, header, header + 1].map((l) => editor.document.lineAt(l).text), [
      '# kinesis-lint: write_mib_per_sec=1.5 records_per_sec=900',
      '# kinesis-lint: consumers=2',
      'resource "aws_kinesis_stream" "telemetry" {',
    ]);
  });
});
