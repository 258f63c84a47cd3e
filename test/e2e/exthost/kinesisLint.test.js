// The packaged kinesis-lint extension, driven through the public `vscode` API in the real
// extension host: diagnostics, hover, code lens, inlay hints and the quick fix on the
// telemetry-pipeline example (expectations in ../fixtures/telemetry-pipeline.json).
'use strict';
const assert = require('assert');
const path = require('path');
const vscode = require('vscode');
const { waitFor } = require('./waitFor');
const expected = require('../fixtures/telemetry-pipeline.json');

const REPO = path.resolve(__dirname, '..', '..', '..');
const toRange = (r) => new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
const fmtRange = (r) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
const codeValue = (d) => (typeof d.code === 'object' && d.code !== null ? d.code.value : d.code);
const markdownText = (c) => (typeof c === 'string' ? c : c.value);
const labelText = (h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
const containsAll = (text, parts) => parts.every((p) => text.includes(p));
const collapseSpaces = (s) => s.trim().replace(/\s+/g, ' ');

describe('kinesis-lint in the VS Code extension host', function () {
  let uri;
  let doc;
  const ruleDiagnostics = () => vscode.languages.getDiagnostics(uri).filter((d) => codeValue(d) === expected.ruleId);

  before(async function () {
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, expected.file);
    doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
  });

  it('activates the packaged extension, not the repository checkout', async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    assert.ok(ext, `extension ${expected.extensionId} is not loaded`);
    await waitFor('extension activation', () => ext.isActive);
    assert.notStrictEqual(path.resolve(ext.extensionPath), REPO);
  });

  it('publishes undersized-shards as a warning on the shard_count value', async function () {
    const [d] = await waitFor(`a ${expected.ruleId} diagnostic`, () => {
      const found = ruleDiagnostics();
      return found.length ? found : undefined;
    });
    assert.strictEqual(ruleDiagnostics().length, 1);
    assert.strictEqual(fmtRange(d.range), fmtRange(expected.range));
    assert.strictEqual(d.source, expected.source);
    assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Warning);
    // The server sets codeDescription.href, which VS Code surfaces as code = { value, target }.
    assert.strictEqual(typeof d.code, 'object', `code is ${JSON.stringify(d.code)}`);
    assert.strictEqual(d.code.value, expected.ruleId);
    assert.ok(d.code.target instanceof vscode.Uri, 'code.target is not a Uri');
    // Issue #10: the short message; the arithmetic as related information (shown under it in the hover).
    assert.strictEqual(d.message, expected.message);
    assert.ok(d.relatedInformation && /sets the number/.test(d.relatedInformation[0].message), JSON.stringify(d.relatedInformation));
  });

  it('hovers shard_count with a Markdown cost breakdown', async function () {
    const pos = new vscode.Position(expected.hoverPosition.line, expected.hoverPosition.character);
    const text = await waitFor('a cost hover', async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, pos);
      const all = hovers.flatMap((h) => h.contents.map(markdownText)).join('\n');
      return containsAll(all, expected.hoverContains) ? all : undefined;
    });
    assert.match(text, /\$\d+(\.\d\d)?/, 'hover has no dollar amount');
  });

  it('shows a monthly cost code lens on the resource header', async function () {
    // The second argument resolves lenses whose command the server fills in lazily. A file-level
    // total lens may sit on line 0 as well; this one is the stream's own.
    let seen = [];
    const lens = await waitFor(`a cost code lens on line ${expected.resourceHeaderLine}`, async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
      seen = lenses.map((l) => `${l.range.start.line}: ${l.command ? l.command.title : '(unresolved)'}`);
      return lenses.find((l) => l.range.start.line === expected.resourceHeaderLine && l.command
        && containsAll(l.command.title, expected.codeLensContains));
    }).catch((e) => { throw new Error(`${e.message}; lenses: ${seen.join(' | ')}`); });
    assert.match(lens.command.title, /\$\d+(\.\d\d)?\/mo/);
  });

  it('shows a cost inlay hint right after the shard_count value', async function () {
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const hints = await waitFor('a cost inlay hint', async () => {
      const all = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', uri, whole);
      const costly = all.filter((h) => containsAll(labelText(h), expected.inlayHintContains));
      return costly.length ? costly : undefined;
    });
    const at = expected.inlayHintPosition;
    const hint = hints.find((h) => h.position.line === at.line);
    assert.ok(hint, `no cost hint on line ${at.line}: ${hints.map((h) => `${h.position.line}:${labelText(h)}`).join(', ')}`);
    assert.strictEqual(`${hint.position.line}:${hint.position.character}`, `${at.line}:${at.character}`);
  });

  it('keeps the lens figures while `encryption_type = ` is half-typed, and marks the hover (issue #10)', async function () {
    const header = expected.resourceHeaderLine;
    const streamLens = async () => {
      const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
      const lens = lenses.find((l) => l.range.start.line === header && l.command);
      return lens && lens.command.title;
    };
    const clean = await waitFor('the clean stream lens', async () => {
      const title = await streamLens();
      return title && containsAll(title, expected.codeLensContains) ? title : undefined;
    });
    const syntaxErrors = () => vscode.languages.getDiagnostics(uri).filter((d) => codeValue(d) === 'syntax-error');
    // Typed on a new line under the header's `name`, as a user would.
    const at = new vscode.Position(header + 2, 0);
    const typing = new vscode.WorkspaceEdit();
    typing.insert(uri, at, '  encryption_type = \n');
    assert.strictEqual(await vscode.workspace.applyEdit(typing), true);
    await waitFor('a syntax error for the half-typed line', () => syntaxErrors().length > 0);
    assert.strictEqual(await streamLens(), clean, 'the lens lost its figures while the block is half-typed');
    assert.ok(!/\? shards|unknown|\$0\.00/.test(clean), clean);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(header, 3));
    const hover = hovers.flatMap((h) => h.contents.map(markdownText)).join('\n');
    assert.ok(hover.includes('from the last valid version of this file'), hover.slice(0, 300));
    // Undo the typing: the file parses again and the next check sees the example as it was.
    const undo = new vscode.WorkspaceEdit();
    undo.delete(uri, new vscode.Range(at, new vscode.Position(header + 3, 0)));
    assert.strictEqual(await vscode.workspace.applyEdit(undo), true);
    await waitFor('the syntax error to clear', () => syntaxErrors().length === 0 && ruleDiagnostics().length === 1);
    assert.strictEqual(await streamLens(), clean);
  });

  it('writes the extension\'s and the server\'s version lines to its log (output channel)', async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    const version = ext.packageJSON.version;
    const lines = await waitFor('the server version line in the log', () => {
      const log = ext.exports.recentLog();
      return log.some((l) => l.includes(`[info] kinesis-lint ${version} language server, Node `)) ? log : undefined;
    });
    assert.ok(lines.some((l) => l.includes(`[info] kinesis-lint ${version} extension, `)), lines.join('\n'));
    assert.ok(lines.some((l) => /\[info\] module .*: config .*; prices: .* dated \d{4}-\d\d/.test(l)), lines.join('\n'));
    assert.ok(!lines.some((l) => l.includes('[error]')), lines.join('\n'));
  });

  it('shows a Language Status item with the server state and the price table and its date', async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    const status = await waitFor('the language status with a price table', () => {
      const s = ext.exports.languageStatus();
      return /^prices: .+ of \d{4}-\d\d/.test(s.detail || '') ? s : undefined;
    });
    assert.strictEqual(status.text, 'kinesis-lint');
  });

  it('links the diagnostic to the rule page shipped in the extension and opens it in the Markdown preview', async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    const page = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', `${expected.ruleId}.md`);
    const [d] = await waitFor('the diagnostic', () => {
      const found = ruleDiagnostics();
      return found.length ? found : undefined;
    });
    assert.strictEqual(d.code.target.toString(), page.toString());
    const previews = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(expected.ruleId));
    // "Show documentation for <rule>" runs the server's command with the web URL: the shipped page opens instead.
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, toRange(expected.range), vscode.CodeActionKind.QuickFix.value, 10);
    const show = actions.find((a) => a.command && a.command.command === 'kinesisLint.openDocs');
    assert.ok(show && show.command, `no "Show documentation" action: ${actions.map((a) => a.title).join(' | ')}`);
    await vscode.commands.executeCommand(show.command.command, ...show.command.arguments);
    await waitFor(`a Markdown preview of ${expected.ruleId}.md`, () => previews().length === 1 || undefined);
    await vscode.window.tabGroups.close(previews());
    // The code link: VS Code opens the file URI as text; the extension swaps it for the preview.
    await vscode.commands.executeCommand('vscode.open', d.code.target);
    await waitFor(`a Markdown preview of ${expected.ruleId}.md from the code link`, () => previews().length === 1 || undefined);
    await waitFor('the page\'s text tab to close', () => !vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .some((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === page.toString()) || undefined);
    await vscode.window.tabGroups.close(previews());
    await vscode.window.showTextDocument(doc);
  });

  it('stops the server and clears its diagnostics when kinesisLint.enable is off, and starts it again when on', async function () {
    const ext = vscode.extensions.getExtension(expected.extensionId);
    const config = vscode.workspace.getConfiguration('kinesisLint');
    await config.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the diagnostics to clear', () => ruleDiagnostics().length === 0);
      await waitFor('the language status to say disabled', () => ext.exports.languageStatus().text === 'kinesis-lint: disabled' || undefined);
      assert.ok(ext.exports.recentLog().some((l) => l.includes('[info] kinesisLint.enable is false: stopping the language server')));
    } finally {
      await config.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(`${expected.ruleId} to come back`, () => ruleDiagnostics().length === 1);
    await waitFor('the language status to run again', () => ext.exports.languageStatus().text === 'kinesis-lint' || undefined);
    assert.ok(!ext.exports.recentLog().some((l) => l.includes('[error]')), ext.exports.recentLog().join('\n'));
  });

  it('turns the Ignore actions into snippet commands (the reason selected), not plain edits', async function () {
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, toRange(expected.range), vscode.CodeActionKind.QuickFix.value, 10);
    const ignores = actions.filter((a) => a.title.startsWith('Ignore '));
    assert.deepStrictEqual(ignores.map((a) => [a.title, a.edit === undefined, a.command && a.command.command]), [
      [`Ignore ${expected.ruleId} for this resource`, true, 'kinesisLint.insertIgnoreSnippet'],
      [`Ignore ${expected.ruleId} for this file`, true, 'kinesisLint.insertIgnoreSnippet'],
    ]);
  });

  it('offers the preferred quick fix and applying it clears the warning', async function () {
    const range = toRange(expected.range);
    const action = await waitFor(`quick fix "${expected.fixTitle}"`, async () => {
      const actions = await vscode.commands.executeCommand(
        'vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value, 10);
      return actions.find((a) => a.title === expected.fixTitle);
    });
    assert.strictEqual(action.isPreferred, true, 'the fix is not marked preferred');
    assert.ok(action.kind && vscode.CodeActionKind.QuickFix.contains(action.kind), `kind ${action.kind && action.kind.value}`);
    assert.ok(action.edit, 'the quick fix carries no workspace edit');
    assert.strictEqual(await vscode.workspace.applyEdit(action.edit), true);
    const line = expected.range.start.line;
    assert.strictEqual(collapseSpaces(doc.lineAt(line).text), expected.fixedLine);
    await waitFor(`${expected.ruleId} to disappear after the fix`, () => ruleDiagnostics().length === 0);
  });
});

// Issue #10, defects 5 and 9: a module called twice (fixtures/two-callers, written into the workspace copy) labels each
// caller's figure; each module call has a lens; the cost report is one tab however often it is asked for.
describe('kinesis-lint: a module with two callers, and the one report tab', function () {
  const fs = require('fs');
  const FIXTURE = path.join(__dirname, '..', 'fixtures', 'two-callers');
  let main;
  let kin;

  before(async function () {
    const root = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'two-callers');
    for (const rel of ['main.tf', 'modules/kin/main.tf']) {
      await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(root, rel), fs.readFileSync(path.join(FIXTURE, rel)));
    }
    main = vscode.Uri.joinPath(root, 'main.tf');
    kin = vscode.Uri.joinPath(root, 'modules/kin/main.tf');
    // The workspace pass at start finds the new folder and its caller.
    await vscode.commands.executeCommand('kinesisLint.restartServer');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kin));
  });

  const lensTitles = async (uri) => {
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri, 100);
    return lenses.filter((l) => l.command).map((l) => `${l.range.start.line}: ${l.command.title}`);
  };

  it('labels each caller\'s lens, hint and hover on the module\'s stream', async function () {
    let seen = [];
    await waitFor('one lens per caller on the module\'s stream', async () => {
      seen = await lensTitles(kin);
      return seen.length === 2;
    }).catch((e) => { throw new Error(`${e.message}; lenses: ${seen.join(' | ')}`); });
    assert.deepStrictEqual(seen, [
      '3: module.small: ≈ $43.44/mo · 1 shard · 10 % peak records',
      '3: module.big: ≈ $298.94/mo · 8 shards · 1 % peak records',
    ]);
    const hints = await vscode.commands.executeCommand('vscode.executeInlayHintProvider', kin, new vscode.Range(0, 0, 20, 0));
    assert.deepStrictEqual(hints.map((h) => `${h.position.line}:${h.position.character} ${labelText(h)}`), [
      '5:31 module.small: ≈ $10.95/mo · module.big: ≈ $87.60/mo',
      '6:23 module.small: + $14.60/mo · module.big: + $116.80/mo',
      '11:44 module.small: EFO + $14.21/mo · module.big: EFO + $90.86/mo',
    ]);
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', kin, new vscode.Position(5, 4));
    const text = hovers.flatMap((h) => h.contents.map(markdownText)).join('\n');
    assert.ok(text.includes('module.small: ≈ $43.44/mo · module.big: ≈ $298.94/mo'), text.slice(0, 300));
  });

  it('puts the cost of what it creates on each module call', async function () {
    // The lens provider command needs the document loaded.
    await vscode.workspace.openTextDocument(main);
    let seen = [];
    await waitFor('a lens on each module call', async () => {
      seen = await lensTitles(main);
      return seen.length === 2;
    }).catch((e) => { throw new Error(`${e.message}; lenses: ${seen.join(' | ')}`); });
    assert.deepStrictEqual(seen, ['0: ≈ $43.44/mo for 1 Kinesis stream', '5: ≈ $298.94/mo for 1 Kinesis stream']);
  });

  it('opens one report tab, however often the report, a lens or the status bar asks for it', async function () {
    const reportTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
      .filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('kinesisLint.costReport'));
    const groups = vscode.window.tabGroups.all.length;
    await vscode.commands.executeCommand('kinesisLint.showCostReport');
    await waitFor('the report tab', () => reportTabs().length === 1);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(kin), vscode.ViewColumn.One);
    await vscode.commands.executeCommand('kinesisLint.showCostReport');
    await vscode.commands.executeCommand('kinesisLint.showStreamBreakdown', kin.toString(), 'module.big.aws_kinesis_stream.s');
    await vscode.commands.executeCommand('kinesisLint.showCostReport', { focus: 'module.small.aws_kinesis_stream.s' });
    assert.strictEqual(reportTabs().length, 1);
    // One split at most beside the editor, whatever had the focus.
    assert.ok(vscode.window.tabGroups.all.length <= Math.max(groups, 1) + 1, `${vscode.window.tabGroups.all.length} editor groups`);
    assert.strictEqual(reportTabs()[0].label, 'kinesis-lint cost report');
  });
});
