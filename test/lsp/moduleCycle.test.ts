// Issue #9 item 5 through the real server (its overlay Host): a `loop -> .` symbolic link called twice is the
// module's own directory, found by real path. Before, every ./loop/loop/… path was a new module: 131,071 instances
// and 3 GB per analysis. Now each call gets one module-not-analysed diagnostic at its source, and the stream beside
// them is analysed as usual.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startClient, type Client } from './harness';

const MAIN =
  'module "a" {\n  source = "./loop"\n}\nmodule "b" {\n  source = "./loop"\n}\n' +
  'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n';

describe('language server: a module cycle through a symbolic link', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('two calls through `loop -> .`: one diagnostic per call at its source, the stream analysed', async () => {
    client = await startClient({ 'main.tf': MAIN }, { debounceMs: 0 });
    fs.symlinkSync('.', path.join(client.dir, 'loop'));
    await client.open('main.tf');
    const main = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    const cycles = main.filter((x) => x.code === 'module-not-analysed');
    assert.deepEqual(cycles.map((x) => [x.range.start.line, x.range.start.character, x.range.end.character]), [[1, 11, 19], [4, 11, 19]]);
    for (const d of cycles) {
      assert.equal(d.message, 'Module not analysed (local source): module cycle');
      assert.match(d.relatedInformation?.[0]?.message ?? '', /module cycle: it calls a module it is already inside \(.*\/loop is a link to .*\)/);
    }
  });
});
