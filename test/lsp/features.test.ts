import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver';
import { startClient, UNDERSIZED, type Client } from './harness';

const codes = (d: { code?: unknown }[]) => d.map((x) => x.code).sort();

describe('language server features', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('offers source.fixAll.kinesisLint only when asked for that kind, and quick fixes only for quickfix', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED });
    await client.open('main.tf');
    const [d] = await client.waitFor('main.tf', (x) => x.some((y) => y.code === 'undersized-shards'));
    const ask = async (only: string[]) =>
      (await client.rpc.sendRequest('textDocument/codeAction', {
        textDocument: { uri: client.uri('main.tf') },
        range: d.range,
        context: { diagnostics: [d], only },
      })) as CodeAction[];
    const fixAll = await ask(['source.fixAll']);
    assert.deepEqual(fixAll.map((a) => [a.title, a.kind]), [['Fix all kinesis-lint problems', 'source.fixAll.kinesisLint']]);
    assert.deepEqual(fixAll[0].edit!.changes![client.uri('main.tf')].map((e) => e.newText), ['4']);
    const quick = await ask(['quickfix']);
    assert.ok(quick.length > 0 && quick.every((a) => a.kind === 'quickfix'));
  });

  it('applies rule settings from the editor, and the workspace .kinesis-lint.json wins over them', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED }, { debounceMs: 0, rules: { 'undersized-shards': 'off' } });
    await client.open('main.tf');
    await client.waitFor('main.tf', (x) => x.length === 0);
    await client.close();
    client = await startClient(
      { 'main.tf': UNDERSIZED, '.kinesis-lint.json': '{"rules": {"undersized-shards": "error"}}' },
      { debounceMs: 0, rules: { 'undersized-shards': 'off' } },
    );
    await client.open('main.tf');
    const d = await client.waitFor('main.tf', (x) => x.length > 0);
    assert.deepEqual(d.map((x) => [x.code, x.severity]), [['undersized-shards', 1]]);
  });

  it('marks a .kinesis-lint.json that is not JSON as a JSON syntax error (data.jsonSyntax), and no other problem', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED, '.kinesis-lint.json': '{"rules": {"undersized-shards": "error"}\n  "region": 1}' }, { debounceMs: 0 });
    await client.open('main.tf');
    const broken = await client.waitFor('.kinesis-lint.json', (x) => x.length > 0);
    assert.deepEqual(broken.map((x) => [x.code, x.range.start.line, x.range.start.character, (x.data as { jsonSyntax?: boolean }).jsonSyntax]), [['invalid-config', 1, 2, true]]);
    await client.close();
    client = await startClient({ 'main.tf': UNDERSIZED, '.kinesis-lint.json': '{"region": 1}' }, { debounceMs: 0 });
    await client.open('main.tf');
    const schema = await client.waitFor('.kinesis-lint.json', (x) => x.length > 0);
    assert.deepEqual(schema.map((x) => [x.code, (x.data as { jsonSyntax?: boolean }).jsonSyntax]), [['invalid-config', undefined]]);
  });

  it('publishes a problem of a .kinesis-lint.json two root modules share once', async () => {
    client = await startClient({ 'a/main.tf': UNDERSIZED, 'b/main.tf': UNDERSIZED, '.kinesis-lint.json': '{"region": "mars-1"}' }, { debounceMs: 0 });
    await client.waitFor('b/main.tf', (x) => x.length > 0);
    await client.waitFor('a/main.tf', (x) => x.length > 0);
    const config = await client.waitFor('.kinesis-lint.json', (x) => x.length > 0);
    assert.deepEqual(config.map((x) => [x.code, x.range.start.line, x.range.start.character]), [['invalid-config', 0, 11]]);
  });

  it('publishes for closed files of the workspace and clears them when the file is deleted', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED, 'other.tf': UNDERSIZED.replace(/"s"/g, '"t"') });
    await client.waitFor('other.tf', (x) => codes(x).includes('undersized-shards'));
    fs.rmSync(path.join(client.dir, 'other.tf'));
    await client.rpc.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uri('other.tf'), type: 3 }] });
    await client.waitFor('other.tf', (x) => x.length === 0);
    assert.deepEqual(codes(client.diagnostics.get(client.uri('main.tf'))!), ['undersized-shards']);
  });

  it('skips a file past the size limit with an information diagnostic, and keeps analysing the others', async () => {
    const huge = `# ${'x'.repeat(4 * 1024 * 1024 + 10)}\n${UNDERSIZED}`;
    client = await startClient({ 'main.tf': UNDERSIZED.replace(/"s"/g, '"t"'), 'huge.tf': huge });
    const d = await client.waitFor('huge.tf', (x) => x.length > 0);
    assert.deepEqual(d.map((x) => [x.severity, x.range.start.line]), [[3, 0]]);
    assert.match(d[0].message, /skips files larger than 4,194,304 characters/);
    await client.waitFor('main.tf', (x) => codes(x).includes('undersized-shards'));
  });
});
