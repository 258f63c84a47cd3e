// Issue #10 defect 8: one diagnostic per problem in .kinesis-lint.json. A schema problem is kinesis-lint's alone
// (the editor schema has no constraints); a JSON syntax error is shown once, by VS Code's JSON service, not again
// by kinesis-lint. Runs last (zz): it edits the workspace's config and removes it at the end.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./waitFor');

describe('.kinesis-lint.json: one diagnostic per problem', function () {
  let uri;
  after(async function () {
    if (uri) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('reports a schema problem once (kinesis-lint), and a JSON syntax error once (VS Code\'s JSON service)', async function () {
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, '.kinesis-lint.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('{"region": "mars-1"}\n'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'kinesis-lint');
    const schema = await waitFor('kinesis-lint\'s region problem', () => (ours().length > 0 ? vscode.languages.getDiagnostics(uri) : undefined));
    assert.deepStrictEqual(schema.map((d) => d.source), ['kinesis-lint'], JSON.stringify(schema.map((d) => [d.source, d.message])));
    assert.match(schema[0].message, /mars-1/);

    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(0, 0, doc.lineCount, 0), '{"region": "us-east-1"\n  "target_utilization": 0.7}\n');
    assert.strictEqual(await vscode.workspace.applyEdit(edit), true);
    await doc.save();
    // The server republishes for the new text (the region problem goes); VS Code's JSON service reports the syntax.
    const syntax = await waitFor('one JSON syntax diagnostic and none of kinesis-lint\'s', () => {
      const all = vscode.languages.getDiagnostics(uri);
      return ours().length === 0 && all.length > 0 ? all : undefined;
    });
    assert.strictEqual(syntax.length, 1, JSON.stringify(syntax.map((d) => [d.source, d.message])));
    assert.strictEqual(syntax[0].range.start.line, 1);
  });
});
