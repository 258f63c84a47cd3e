// commitTreeHost reads a commit's files as git shows them, not the work tree's; links, submodules, limits and
// `.terraform/` behave as the Host contract and nodeHost do.
import { strict as assert } from 'assert';
import { symlinkSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Host } from '../../../server/src/core/types';
import { commitTreeHost, findRepository } from '../../../server/src/node/git';
import { nodeHost } from '../../../server/src/node/nodeHost';
import { commitAll, git, gitBytes, initRepo, removeDir, tempDir, write } from './gitFixture';

describe('git reader: commitTreeHost', () => {
  let tmp: string;
  let dir: string;
  let commit: string;
  let host: Host;
  const at = (rel: string) => join(dir, rel);
  const shown = (rel: string) => gitBytes(dir, 'cat-file', 'blob', `${commit}:${rel}`).toString('utf8');

  before(async () => {
    tmp = tempDir('host');
    dir = initRepo(tmp);
    write(dir, 'modules/a/main.tf', 'resource "aws_kinesis_stream" "a" {\n  shard_count = 2 # é ✓\n}\n');
    symlinkSync('a', at('modules/b'));
    symlinkSync('modules/a/main.tf', at('file-link.tf'));
    symlinkSync('.', at('modules/a/loop'));
    symlinkSync('ring2', at('ring1'));
    symlinkSync('ring1', at('ring2'));
    write(tmp, 'outside.tf', 'outside\n');
    symlinkSync('../outside.tf', at('escape.tf'));
    write(dir, 'bom.tf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# bom\n')]));
    write(dir, 'invalid.tf', Buffer.from([0x61, 0xff, 0xfe, 0x62, 0x0a]));
    write(dir, 'big.tf', 'x'.repeat(5000));
    write(dir, '.gitignore', '.terraform/\n');
    commitAll(dir, 'base');
    // A submodule's gitlink, without the submodule's repository: the reader must not look for it.
    git(dir, 'update-index', '--add', '--cacheinfo', `160000,${git(dir, 'rev-parse', 'HEAD')},vendor/sub`);
    git(dir, 'commit', '-q', '-m', 'with a submodule');
    commit = git(dir, 'rev-parse', 'HEAD');
    assert.equal(git(dir, 'ls-tree', commit, 'vendor/sub').split(' ')[1], 'commit');
    // The work tree now differs from the commit; .terraform/ exists on disk only.
    write(dir, 'modules/a/main.tf', 'changed on disk\n');
    write(dir, '.terraform/modules/x/main.tf', 'installed by terraform init\n');
    host = commitTreeHost((await findRepository(dir))!, commit, nodeHost);
  });
  after(() => removeDir(tmp));

  it('reads the committed text, not the work tree', async () => {
    assert.equal(await host.readFile(at('modules/a/main.tf')), shown('modules/a/main.tf'));
    assert.notEqual(shown('modules/a/main.tf'), 'changed on disk\n');
  });

  it('lists a directory like git ls-tree (submodules as directories, links as files)', async () => {
    const expected = git(dir, 'ls-tree', commit).split('\n').map((line) => {
      const [, type, rest] = line.split(' ');
      return { name: rest.split('\t')[1], isDirectory: type === 'tree' || type === 'commit' };
    });
    assert.deepEqual(await host.readDir(dir), expected);
    assert.deepEqual(await host.readDir(at('vendor')), [{ name: 'sub', isDirectory: true }]);
  });

  it('follows symbolic links inside the tree; realPath gives where they lead', async () => {
    assert.equal(await host.readFile(at('modules/b/main.tf')), shown('modules/a/main.tf'));
    assert.equal(await host.readFile(at('file-link.tf')), shown('modules/a/main.tf'));
    assert.equal(await host.realPath!(at('modules/b/main.tf')), at('modules/a/main.tf'));
    assert.equal(await host.realPath!(at('modules/b')), at('modules/a'));
    // A `loop -> .` link: loop/loop is the same directory, as module-cycle detection needs.
    assert.equal(await host.realPath!(at('modules/a/loop/loop')), at('modules/a'));
    assert.deepEqual(await host.readDir(at('modules/b')), await host.readDir(at('modules/a')));
  });

  it('a link cycle is ELOOP, a link out of the work tree is read from the disk', async () => {
    assert.equal(await host.readFile(at('ring1')), undefined);
    assert.equal(host.readProblem!(at('ring1')), 'cannot read ring1: ELOOP');
    assert.equal(await host.readFile(at('escape.tf')), 'outside\n');
  });

  it('a submodule is not read, and says so', async () => {
    assert.equal(await host.readFile(at('vendor/sub/main.tf')), undefined);
    assert.equal(host.readProblem!(at('vendor/sub/main.tf')), `submodule vendor/sub is not read at the base (${commit.slice(0, 7)})`);
    assert.equal(await host.readDir(at('vendor/sub')), undefined);
    assert.equal(host.readProblem!(at('vendor/sub')), `submodule vendor/sub is not read at the base (${commit.slice(0, 7)})`);
  });

  it('decodes a BOM and invalid UTF-8 exactly as nodeHost decodes the same bytes', async () => {
    for (const name of ['bom.tf', 'invalid.tf']) {
      const copy = join(tmp, `copy-${name}`);
      writeFileSync(copy, gitBytes(dir, 'cat-file', 'blob', `${commit}:${name}`));
      assert.equal(await host.readFile(at(name)), await nodeHost.readFile(copy), name);
    }
  });

  it('a blob over maxBytes is refused with nodeHost\'s sentence', async () => {
    const copy = join(tmp, 'big.tf');
    writeFileSync(copy, 'x'.repeat(5000));
    assert.equal(await nodeHost.readFile(copy, 4999), undefined);
    assert.equal(await host.readFile(at('big.tf'), 4999), undefined);
    assert.equal(host.readProblem!(at('big.tf')), nodeHost.readProblem!(copy));
    assert.equal((await host.readFile(at('big.tf'), 5000))?.length, 5000);
  });

  it('.terraform/ and paths outside the work tree are read from the disk', async () => {
    assert.equal(await host.readFile(at('.terraform/modules/x/main.tf')), 'installed by terraform init\n');
    assert.deepEqual(await host.readDir(at('.terraform/modules')), [{ name: 'x', isDirectory: true }]);
    assert.equal(await host.readFile(join(tmp, 'outside.tf')), 'outside\n');
    assert.equal(await host.readFile(join(tmp, 'gone.tf')), undefined);
    assert.equal(host.readProblem!(join(tmp, 'gone.tf')), 'cannot read gone.tf: ENOENT');
  });

  it('a file not in the commit, a directory read as a file, a file read as a directory', async () => {
    const short = commit.slice(0, 7);
    assert.equal(await host.readFile(at('nope.tf')), undefined);
    assert.equal(host.readProblem!(at('nope.tf')), `cannot read nope.tf: not in ${short} (ENOENT)`);
    assert.equal(await host.readFile(at('modules')), undefined);
    assert.equal(host.readProblem!(at('modules')), 'cannot read modules: EISDIR');
    assert.equal(await host.readDir(at('big.tf')), undefined);
    assert.equal(await host.realPath!(at('nope.tf')), undefined);
  });

  it('a commit that is not there: every read says why', async () => {
    const missing = 'f'.repeat(40);
    const bad = commitTreeHost((await findRepository(dir))!, missing, nodeHost);
    assert.equal(await bad.readFile(at('big.tf')), undefined);
    assert.equal(bad.readProblem!(at('big.tf')), `cannot read big.tf at the base: object ${missing} is not in this repository`);
  });
});
