// The kinesisLint/declareLoad request: the annotation edit for the document's current text (even unsaved and not
// yet analysed), versioned when the client accepts versioned edits, and a reason instead of an edit elsewhere.
import { strict as assert } from 'node:assert';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { startClient, UNDERSIZED, type Client } from './harness';

const LOAD = { write_mib_per_sec: 6, records_per_sec: 5000, consumers: 1 };

describe('language server: kinesisLint/declareLoad', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('answers a versioned edit for the open document\'s current text', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED }, { debounceMs: 0 }, {}, { workspaceEdit: { documentChanges: true } });
    await client.open('main.tf');
    // Unsaved: one line added on top; the edit must follow the buffer, not the disk.
    const text = `locals {}\n${UNDERSIZED}`;
    await client.change('main.tf', text);
    const answer = (await client.rpc.sendRequest('kinesisLint/declareLoad', {
      textDocument: { uri: client.uri('main.tf') },
      position: { line: 4, character: 3 },
      load: LOAD,
    })) as { edit: WorkspaceEdit; resource: string };
    assert.equal(answer.resource, 'aws_kinesis_stream.s');
    const [change] = answer.edit.documentChanges as TextDocumentEdit[];
    assert.deepEqual(change.textDocument, { uri: client.uri('main.tf'), version: 2 });
    // UNDERSIZED declares write_mib_per_sec=3 on line 1 (now 2): changed there; the others on a new line.
    assert.deepEqual(change.edits, [
      { range: { start: { line: 1, character: 34 }, end: { line: 1, character: 35 } }, newText: '6' },
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: '# kinesis-lint: records_per_sec=5000 consumers=1\n' },
    ]);
  });

  it('answers a reason outside a stream or for a value out of bounds, and refuses malformed params', async () => {
    client = await startClient({ 'main.tf': UNDERSIZED });
    await client.open('main.tf');
    const ask = (position: unknown, load: unknown = LOAD) =>
      client.rpc.sendRequest('kinesisLint/declareLoad', { textDocument: { uri: client.uri('main.tf') }, position, load });
    assert.deepEqual(await ask({ line: 7, character: 0 }), { reason: 'Place the cursor inside an aws_kinesis_stream block.' });
    assert.deepEqual(await ask({ line: 2, character: 0 }, { ...LOAD, consumers: 5000 }), { reason: '"consumers" must be between 0 and 1,000, not 5000' });
    // Not open: nothing to edit.
    const closed = await client.rpc.sendRequest('kinesisLint/declareLoad', { textDocument: { uri: client.uri('other.tf') }, position: { line: 0, character: 0 }, load: LOAD });
    assert.deepEqual(closed, { reason: 'Open the Terraform file first.' });
    await assert.rejects(ask({ line: 1, character: 0 }, { write_mib_per_sec: '6' }), /invalid params/);
    await assert.rejects(ask(null), /invalid params/);
  });
});
