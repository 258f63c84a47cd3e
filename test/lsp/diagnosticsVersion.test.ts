// publishDiagnostics names the document version the analysis read (LSP 3.15 `version`), so a client (and the fuzz
// test) can tell diagnostics of the current text from those of a text already edited away. Files read from disk
// carry none.
import { strict as assert } from 'node:assert';
import { startClient, UNDERSIZED, type Client } from './harness';

describe('language server: versioned diagnostics', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('diagnostics carry the version they were computed for; a file not open carries none', async () => {
    const shards = 'variable "shards" {\n  default = 1\n}\n';
    client = await startClient({ 'main.tf': UNDERSIZED.replace('shard_count     = 1', 'shard_count     = var.shards'), 'vars.tf': shards });
    await client.open('main.tf');
    await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'undersized-shards'));
    assert.equal(client.published.get(client.uri('main.tf'))!.version, 1);
    // Three versions sent at once: whatever was published on the way, the last publish is version 4's, and its
    // diagnostics are version 4's (no undersized-shards once the count is 4).
    await client.change('main.tf', UNDERSIZED.replace('shard_count     = 1', 'shard_count     = 2'));
    await client.change('main.tf', `${UNDERSIZED}\n`);
    await client.change('main.tf', UNDERSIZED.replace('shard_count     = 1', 'shard_count     = 4'));
    const d = await client.waitFor('main.tf', () => client.published.get(client.uri('main.tf'))!.version === 4);
    assert.ok(!d.some((x) => x.code === 'undersized-shards'), JSON.stringify(d));
    const vars = client.published.get(client.uri('vars.tf'));
    assert.ok(vars, 'vars.tf was analysed, so published');
    assert.equal(vars.version, undefined);
  });
});
