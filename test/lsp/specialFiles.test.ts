// Issue #9 items 3, 4, 9 through the real server: a FIFO and a /dev/zero symlink named *.tf used to stop every
// analysis for good (or take seconds and gigabytes per keystroke). Now the module is analysed and each special file
// gets one diagnostic at its start; the pricesFile setting pointing at /dev/zero does not block either.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startClient, type Client } from './harness';

const MAIN = 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n';
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('language server: special files in the module', function () {
  this.timeout(30000);
  let client: Client;
  afterEach(async () => client && (await client.close()));

  it('a FIFO, a /dev/zero link and a dangling link: diagnostics for main.tf arrive, one per special file', async () => {
    client = await startClient({ 'main.tf': MAIN }, { debounceMs: 0, pricesFile: '/dev/zero' });
    execFileSync('mkfifo', [path.join(client.dir, 'fifo.tf')]);
    fs.symlinkSync('/dev/zero', path.join(client.dir, 'zero.tf'));
    fs.symlinkSync(path.join(client.dir, 'nowhere'), path.join(client.dir, 'gone.tf'));
    fs.writeFileSync(path.join(client.dir, 'big.tf'), '');
    fs.truncateSync(path.join(client.dir, 'big.tf'), 13 * 1024 * 1024); // sparse: past what 4 Mi characters can take
    await client.open('main.tf');
    const main = await client.waitFor('main.tf', (d) => d.some((x) => x.code === 'missing-kms'));
    assert.deepEqual(main.filter((x) => x.code === 'syntax-error'), []);
    for (const [rel, message] of [
      ['fifo.tf', 'fifo.tf is not a regular file; skipped'],
      ['zero.tf', 'zero.tf is not a regular file; skipped'],
      ['gone.tf', 'cannot read gone.tf: ENOENT'],
      ['big.tf', 'big.tf is larger than 12 MiB; skipped'],
    ]) {
      const d = await client.waitFor(rel, (x) => x.length > 0);
      assert.deepEqual(d.map((x) => [x.code, x.range, x.message]), [['syntax-error', START, message]]);
    }
  });
});
