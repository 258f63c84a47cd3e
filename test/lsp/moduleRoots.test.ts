// Found by the LSP fuzz test (module-call session): a module whose only call is deleted must be analysed as a root
// of its own again (as a fresh server would), and when the call comes back it is analysed through it only, never
// twice.
import { strict as assert } from 'node:assert';
import { startClient, type Client } from './harness';

const CALL = 'module "m" {\n  source      = "./mod"\n  shard_count = 2\n}\n';
const MOD = 'variable "shard_count" {\n  default = 1\n}\n\nresource "aws_kinesis_stream" "this" {\n  name        = "this"\n  shard_count = var.shard_count\n}\n';

describe('language server: module roots follow the module calls', function () {
  this.timeout(60000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('deleting the only call analyses the module on its own; typing it again analyses it through the call, once', async () => {
    // The module, analysed on its own, reads the root's config file: that is no module call (the fuzz test's first
    // version of this fix took it for one and dropped the root).
    client = await startClient({ 'main.tf': CALL, 'mod/main.tf': MOD, '.kinesis-lint.json': '{\n  "rules": {}\n}\n' });
    const report = () => client.rpc.sendRequest('kinesisLint/costReport', {}) as Promise<{ streams: number; totalMonthlyUsd: number }>;
    const published = (v: number) => client.waitFor('main.tf', () => client.published.get(client.uri('main.tf'))?.version === v);
    // The workspace scan finds both directories and analyses the module through its call only.
    await client.waitFor('mod/main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    await client.open('main.tf');
    await published(1);
    const called = await report();
    assert.equal(called.streams, 1);

    await client.change('main.tf', '# the call is gone\n');
    await published(2);
    // Then the module is analysed on its own, with its own default: half the shards of the call's, and once. (The
    // report is polled: the publish that clears the call's findings and the module's own may both arrive before a
    // look at the diagnostics, which shows only the latest.)
    let alone = await report();
    for (let i = 0; i < 300 && !(alone.streams === 1 && alone.totalMonthlyUsd * 2 === called.totalMonthlyUsd); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      alone = await report();
    }
    await client.waitFor('mod/main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    assert.equal(alone.streams, 1);
    assert.equal(alone.totalMonthlyUsd * 2, called.totalMonthlyUsd);

    await client.change('main.tf', CALL);
    await published(3);
    assert.deepEqual(await report(), called);
  });
});
