// nodeHost reads only regular files, never past a size limit, and says why it refused one (issue #9 items 3, 4, 9).
// Every case is bounded by what is read (counts/outputs): a FIFO that blocked would hang the test, which mocha's
// time-out turns into a failure.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nodeHost, readRegularFile } from '../../server/src/node/nodeHost';
import { MAX_CONFIG_BYTES, MAX_PRICE_TABLE_BYTES, MAX_SOURCE_BYTES } from '../../server/src/core/types';

describe('nodeHost: special, unreadable and huge files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinesis-lint-host-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const refused = async (name: string, maxBytes?: number) => {
    const file = join(dir, name);
    assert.equal(await nodeHost.readFile(file, maxBytes), undefined);
    return nodeHost.readProblem?.(file);
  };

  it('a FIFO is not read (no writer needed to return): "not a regular file; skipped"', async () => {
    execFileSync('mkfifo', [join(dir, 'fifo.tf')]);
    assert.equal(await refused('fifo.tf'), 'fifo.tf is not a regular file; skipped');
  });

  it('a symlink to /dev/zero is not read', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.tf'));
    assert.equal(await refused('zero.tf'), 'zero.tf is not a regular file; skipped');
  });

  it('a dangling symlink and a self-loop say their error code', async () => {
    symlinkSync(join(dir, 'nowhere'), join(dir, 'gone.tf'));
    symlinkSync('loop.tf', join(dir, 'loop.tf'));
    assert.equal(await refused('gone.tf'), 'cannot read gone.tf: ENOENT');
    assert.equal(await refused('loop.tf'), 'cannot read loop.tf: ELOOP');
  });

  it('a directory named like a file is refused with EISDIR', async () => {
    execFileSync('mkdir', [join(dir, 'd.tf')]);
    assert.equal(await refused('d.tf'), 'cannot read d.tf: EISDIR');
  });

  it('a sparse 5 MiB source is refused without reading it; exactly the limit is read', async () => {
    writeFileSync(join(dir, 'big.tf'), '');
    truncateSync(join(dir, 'big.tf'), 5 * 1024 * 1024);
    assert.equal(await refused('big.tf'), 'big.tf is larger than 4 MiB; skipped');
    writeFileSync(join(dir, 'edge.tf'), 'x'.repeat(10));
    assert.equal(await nodeHost.readFile(join(dir, 'edge.tf'), 10), 'x'.repeat(10));
    assert.equal(nodeHost.readProblem?.(join(dir, 'edge.tf')), undefined);
    assert.equal(await refused('edge.tf', 9), 'edge.tf is larger than 9 bytes; skipped');
  });

  it('a successful read clears the reason of an earlier refusal', async () => {
    const file = join(dir, 'later.tf');
    assert.equal(await refused('later.tf'), 'cannot read later.tf: ENOENT');
    writeFileSync(file, 'locals {}\n');
    assert.equal(await nodeHost.readFile(file), 'locals {}\n');
    assert.equal(nodeHost.readProblem?.(file), undefined);
  });

  it('chmod 000: EACCES (as root the file stays readable, so the reporting path is tested with a Host stub in analyzeUnreadable)', async function () {
    writeFileSync(join(dir, 'secret.tf'), 'locals {}\n');
    chmodSync(join(dir, 'secret.tf'), 0o000);
    if (process.getuid?.() === 0) {
      assert.equal(await nodeHost.readFile(join(dir, 'secret.tf')), 'locals {}\n');
      this.skip();
    }
    assert.equal(await refused('secret.tf'), 'cannot read secret.tf: EACCES');
  });

  it('the limits: sources 4 MiB, config and price tables 1 MiB; readRegularFile never returns more than the limit', async () => {
    assert.deepEqual([MAX_SOURCE_BYTES, MAX_CONFIG_BYTES, MAX_PRICE_TABLE_BYTES], [4194304, 1048576, 1048576]);
    writeFileSync(join(dir, 'ok.tf'), 'é'.repeat(4));
    assert.equal(await readRegularFile(join(dir, 'ok.tf'), 8), 'é'.repeat(4));
    assert.deepEqual(await readRegularFile(join(dir, 'ok.tf'), 7), { problem: 'ok.tf is larger than 7 bytes; skipped' });
  });

  it('realPath resolves links (a `loop -> .` link is its directory); a dangling or looping path gives undefined', async () => {
    const real = realpathSync(dir);
    mkdirSync(join(dir, 'mod'));
    symlinkSync('.', join(dir, 'loop'));
    symlinkSync('mod', join(dir, 'alias'));
    symlinkSync('self', join(dir, 'self'));
    assert.equal(await nodeHost.realPath?.(join(dir, 'loop', 'loop', 'loop')), real);
    assert.equal(await nodeHost.realPath?.(join(dir, 'alias')), join(real, 'mod'));
    assert.equal(await nodeHost.realPath?.(join(dir, 'missing')), undefined);
    assert.equal(await nodeHost.realPath?.(join(dir, 'self')), undefined);
  });
});
