// The server's log (window/logMessage, issue #10 item 6), the price table it reports per module, the workspace-wide
// fix-all and the breakdown of the stream at a position (item 16), over a real JSON-RPC connection.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { startClient, UNDERSIZED, type Client } from './harness';
import { VERSION } from '../../server/src/core/version';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';

type Log = { type: number; message: string };
const logs = (client: Client): Log[] =>
  client.notifications.filter((n) => n.method === 'window/logMessage').map((n) => n.params as Log);
// LSP MessageType
const ERROR = 1;
const WARNING = 2;
const INFO = 3;

async function until<T>(what: string, probe: () => T | undefined, ms = 15000): Promise<T> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 10))) {
    const v = probe();
    if (v !== undefined) return v;
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('language server log, price tables and workspace commands', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('logs its version, Node, the folders, the modules found and each module\'s config and prices at info', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED, 'modules/other/x.tf': '' }, { debounceMs: 0 }, { priceCacheFile: null });
    await client.waitFor('main.tf', (d) => d.length > 0);
    const lines = await until('the analysis timing line', () => {
      const l = logs(client);
      return l.some((x) => /^analysed \d+ module/.test(x.message)) ? l : undefined;
    });
    const info = lines.filter((l) => l.type === INFO).map((l) => l.message);
    assert.equal(info[0], `kinesis-lint ${VERSION} language server, Node ${process.version} on ${process.platform}-${process.arch}`);
    assert.equal(info[1], `workspace folders: ${client.dir}`);
    assert.ok(info.includes('2 module folders: ., modules/other'), info.join('\n'));
    assert.ok(info.includes(`module ${client.dir}: config none (defaults and editor settings); prices: built-in list prices dated ${BUILTIN_PRICES.priceDate}`), info.join('\n'));
    assert.ok(info.some((m) => /^analysed 2 module\(s\), 1 stream\(s\) in \d+ ms$/.test(m)), info.join('\n'));
    assert.deepEqual(lines.filter((l) => l.type === ERROR), []);
  });

  it('logs a module\'s config line again only when it changes, and a file it skips with the reason at warning', async () => {
    const huge = `# ${'x'.repeat(4 * 1024 * 1024 + 10)}\n`;
    client = await startClient({ 'main.tf': UNDERSIZED, 'huge.tf': huge }, { debounceMs: 0 }, { priceCacheFile: null });
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.length > 0);
    await client.change('main.tf', UNDERSIZED.replace('shard_count     = 1', 'shard_count     = 2'));
    await client.waitFor('main.tf', (d) => d.every((x) => !/1 shard/.test(x.message)));
    fs.writeFileSync(path.join(client.dir, '.kinesis-lint.json'), '{"region": "eu-west-1"}');
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('.kinesis-lint.json'), type: 1 }] });
    const withConfig = `module ${client.dir}: config ${path.join(client.dir, '.kinesis-lint.json')}; prices: built-in list prices dated ${BUILTIN_PRICES.priceDate}`;
    await until('the new config line', () => logs(client).some((l) => l.message === withConfig) || undefined);
    const configLines = logs(client).filter((l) => l.message.startsWith(`module ${client.dir}:`));
    assert.equal(configLines.length, 2, configLines.map((l) => l.message).join('\n'));
    const skipped = logs(client).filter((l) => l.message.startsWith(`skipped ${path.join(client.dir, 'huge.tf')}`));
    assert.deepEqual(skipped.map((l) => [l.type, l.message.replace(client.dir, '<dir>')]), [[WARNING, 'skipped <dir>/huge.tf: larger than 4,194,304 characters']]);
  });

  it('logs configuration files Terraform and OpenTofu do not read, with the reason, at warning', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED, 'main.tofu': UNDERSIZED, '.hidden.tf': UNDERSIZED, 'vars.tf.json': '{}' }, { debounceMs: 0 }, { priceCacheFile: null });
    const skipped = await until('the skipped files', () => {
      const l = logs(client).filter((x) => x.message.startsWith('skipped '));
      return l.length >= 2 ? l : undefined;
    });
    assert.deepEqual(skipped.map((l) => [l.type, l.message.replace(client.dir, '<dir>')]), [
      [WARNING, 'skipped <dir>/.hidden.tf: files whose name starts with "." are ignored, as Terraform ignores them'],
      [WARNING, 'skipped <dir>/main.tf: main.tofu replaces it (OpenTofu reads the .tofu file instead)'],
    ]);
  });

  it('sends the price tables in use, with the date, once per change', async () => {
    const table = { ...BUILTIN_PRICES, priceDate: '2026-10-01' };
    client = await startClient(
      { 'a/main.tf': UNDERSIZED, 'b/main.tf': UNDERSIZED.replace(/"s"/g, '"t"'), 'b/.kinesis-lint.json': '{"prices": "mine.json"}', 'b/mine.json': JSON.stringify(table) },
      { debounceMs: 0 },
      { priceCacheFile: null },
    );
    const sent = await until('the price tables', () => {
      const n = client.notifications.filter((x) => x.method === 'kinesisLint/priceTables');
      return n.length > 0 ? n : undefined;
    });
    await client.waitFor('b/main.tf', (d) => d.length > 0);
    assert.equal(sent.length, 1);
    assert.deepEqual(sent[0].params, {
      tables: [
        { label: 'built-in list prices', date: BUILTIN_PRICES.priceDate, file: null, modules: 1 },
        { label: 'mine.json', date: '2026-10-01', file: path.join(client.dir, 'b', 'mine.json'), modules: 1 },
      ],
    });
  });

  it('fixes every file of the workspace through workspace/applyEdit, each edit with the version it was computed on', async () => {
    client = await startClient(
      { 'main.tf': UNDERSIZED, 'other/x.tf': UNDERSIZED.replace(/"s"/g, '"t"') },
      { debounceMs: 0 }, { priceCacheFile: null }, { workspaceEdit: { documentChanges: true } },
    );
    const applied: WorkspaceEdit[] = [];
    client.rpc.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      applied.push(p.edit);
      return { applied: true };
    });
    await client.open('main.tf');
    // Edited after opening: version 2, and not yet analysed when the command arrives (the server analyses it first).
    await client.change('main.tf', `${UNDERSIZED}\n`);
    const result = await client.rpc.sendRequest('kinesisLint/fixAllInWorkspace', {}) as { applied: boolean; fixes: number; files: string[] };
    assert.deepEqual(result, { applied: true, fixes: 2, files: [client.uri('main.tf'), client.uri('other/x.tf')], stale: [] });
    assert.equal(applied.length, 1);
    const changes = (applied[0].documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri, c.textDocument.version, c.edits.map((e) => [e.range.start.line, e.range.start.character, e.newText])]);
    assert.deepEqual(changes, [
      [client.uri('main.tf'), 2, [[3, 20, '4']]],
      [client.uri('other/x.tf'), null, [[3, 20, '4']]],
    ]);
  });

  it('answers nothing to fix without calling workspace/applyEdit', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED.replace('shard_count     = 1', 'shard_count     = 4') }, { debounceMs: 0 }, { priceCacheFile: null });
    let asked = 0;
    client.rpc.onRequest('workspace/applyEdit', () => ++asked && { applied: true });
    await client.waitFor('main.tf', (d) => d.length === 0);
    const result = await client.rpc.sendRequest('kinesisLint/fixAllInWorkspace', {});
    assert.deepEqual(result, { applied: false, fixes: 0, files: [], stale: [] });
    assert.equal(asked, 0);
  });

  it('gives the breakdown of the stream whose block holds a position, and says so when none does', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED }, { debounceMs: 0 }, { priceCacheFile: null });
    await client.waitFor('main.tf', (d) => d.length > 0);
    const at = (line: number, character: number) =>
      client.rpc.sendRequest('kinesisLint/streamBreakdown', { uri: client.uri('main.tf'), position: { line, character } }) as Promise<{ resources: string[]; markdown: string }>;
    const inside = await at(3, 5);
    assert.deepEqual(inside.resources, ['aws_kinesis_stream.s']);
    const byName = await client.rpc.sendRequest('kinesisLint/streamBreakdown', { uri: client.uri('main.tf'), resource: 'aws_kinesis_stream.s' }) as { markdown: string };
    assert.equal(inside.markdown, byName.markdown);
    const outside = await at(0, 3);
    assert.deepEqual(outside, { resources: [], markdown: 'No aws_kinesis_stream block at the cursor in the last analysis.' });
  });
});
