// Issue #9 item 7: one bad document must not poison the server. After each malformed notification, another file
// still gets its diagnostics, and the bad document is logged once.
import { strict as assert } from 'node:assert';
import { startClient, type Client } from './harness';

const stream = (name: string) => `resource "aws_kinesis_stream" "${name}" {\n  name        = "${name}"\n  shard_count = 1\n}\n`;
// Messages do not name the resource; the diagnostic's data does.
const missingKms = (name: string) => (d: { code?: unknown; message: string; data?: unknown }[]) =>
  d.some((x) => x.code === 'missing-kms' && (x.data as { resource?: string } | undefined)?.resource === `aws_kinesis_stream.${name}`);

describe('language server: bad documents are skipped, the rest keep working', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  const cases: [string, (c: Client) => unknown][] = [
    ['didOpen with text: null', (c) => ({ textDocument: { uri: c.uri('bad/main.tf'), languageId: 'terraform', version: 1, text: null } })],
    ['a URI with %2F', (c) => ({ textDocument: { uri: c.uri('good') + '/a%2Fb.tf', languageId: 'terraform', version: 1, text: stream('x') } })],
    ['a file://host/ URI', () => ({ textDocument: { uri: 'file://evil-host/tmp/main.tf', languageId: 'terraform', version: 1, text: stream('x') } })],
    ['no textDocument', () => ({})],
    ['a version that is not an integer', (c) => ({ textDocument: { uri: c.uri('bad/main.tf'), languageId: 'terraform', version: 'one', text: stream('x') } })],
  ];
  for (const [name, params] of cases) {
    it(`${name}: skipped, logged once, and another file still gets diagnostics`, async () => {
      client = await startClient({ 'good/main.tf': stream('first'), 'bad/main.tf': stream('bad') });
      await client.open('good/main.tf');
      await client.waitFor('good/main.tf', missingKms('first'));
      const bad = params(client);
      await client.rpc.sendNotification('textDocument/didOpen', bad);
      await client.rpc.sendNotification('textDocument/didOpen', bad);
      const uri = (bad as { textDocument?: { uri?: string } }).textDocument?.uri;
      if (uri) {
        await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: stream('y') }] });
      }
      await client.change('good/main.tf', stream('second'));
      await client.waitFor('good/main.tf', missingKms('second'));
      const logs = client.notifications.filter((n) => n.method === 'window/logMessage' && (n.params as { message: string }).message.startsWith('kinesis-lint skips'));
      assert.equal(logs.length, 1, JSON.stringify(logs));
      assert.ok(!client.notifications.some((n) => n.method === 'window/logMessage' && /analysis failed/.test((n.params as { message: string }).message)));
    });
  }

  it('a malformed didChange (a negative line) drops the document: the disk text counts until it is opened again', async () => {
    client = await startClient({ 'good/main.tf': stream('disk') });
    await client.open('good/main.tf', stream('first'));
    await client.waitFor('good/main.tf', missingKms('first'));
    await client.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: client.uri('good/main.tf'), version: 2 },
      contentChanges: [{ range: { start: { line: -1, character: 0 }, end: { line: 0, character: 0 } }, text: 'garbage' }],
    });
    await client.waitFor('good/main.tf', missingKms('disk'));
    await client.change('good/main.tf', stream('ignored'));
    await client.open('good/main.tf', stream('third'));
    const d = await client.waitFor('good/main.tf', missingKms('third'));
    assert.ok(!d.some((x) => x.code === 'syntax-error'));
    const logs = client.notifications.filter((n) => n.method === 'window/logMessage' && /kinesis-lint skips/.test((n.params as { message: string }).message));
    assert.equal(logs.length, 1);
    assert.match((logs[0].params as { message: string }).message, /contentChanges are malformed/);
  });
});
