// Abbreviated names that are ambiguous, corrupt loose objects and packs, the size limit on packed deltas, and the
// byte-bounded cache: each gives a sentence (never a stack) or the exact bytes git gives.
import { strict as assert } from 'assert';
import { createHash } from 'crypto';
import { chmodSync, openSync, readdirSync, writeFileSync, writeSync, closeSync } from 'fs';
import { join } from 'path';
import { deflateSync } from 'zlib';
import { commitTreeHost, findRepository, resolveRevision, type GitRepository } from '../../../server/src/node/git';
import { ByteLru } from '../../../server/src/node/git/byteLru';
import { nodeHost } from '../../../server/src/node/nodeHost';
import { commitAll, git, gitFails, gitInput, initRepo, removeDir, tempDir, write } from './gitFixture';

const sha1 = (type: string, body: string) => createHash('sha1').update(`${type} ${Buffer.byteLength(body)}\0${body}`).digest('hex');

describe('git reader: abbreviated object names', () => {
  let tmp: string;
  let dir: string;
  let repo: GitRepository;
  before(async () => {
    tmp = tempDir('abbrev');
    dir = initRepo(tmp);
    write(dir, 'a.tf', 'a\n');
    commitAll(dir, 'one');
    repo = (await findRepository(dir))!;
  });
  after(() => removeDir(tmp));

  it('two commits sharing their first 4 hex digits: ambiguous, named with their types', async () => {
    // Commit objects are hashed here until two share a 4-digit prefix (the birthday bound: a few hundred), then
    // written by git, which must compute the same names.
    const tree = git(dir, 'rev-parse', 'HEAD^{tree}');
    const seen = new Map<string, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const body = `tree ${tree}\nauthor T <t@e> 0 +0000\ncommitter T <t@e> 0 +0000\n\nmessage ${i}\n`;
      const prev = seen.get(sha1('commit', body).slice(0, 4));
      if (prev) pair = [prev, body];
      else seen.set(sha1('commit', body).slice(0, 4), body);
    }
    const oids = pair.map((body) => gitInput(dir, body, 'hash-object', '-t', 'commit', '-w', '--stdin')).sort();
    assert.deepEqual(oids, pair.map((b) => sha1('commit', b)).sort());
    const prefix = oids[0].slice(0, 4);
    assert.ok(gitFails(dir, 'rev-parse', '--verify', `${prefix}^{commit}`));
    assert.deepEqual(await resolveRevision(repo, prefix), {
      ok: false,
      error: `short object ID ${prefix} is ambiguous (${oids[0].slice(0, 12)} commit, ${oids[1].slice(0, 12)} commit); give more digits`,
    });
    // Enough digits to tell them apart resolve to each, as rev-parse does.
    let n = 4;
    while (oids[0][n] === oids[1][n]) n++;
    for (const oid of oids) {
      assert.equal(git(dir, 'rev-parse', '--verify', `${oid.slice(0, n + 1)}^{commit}`), oid);
      assert.deepEqual(await resolveRevision(repo, oid.slice(0, n + 1)), { ok: true, commit: oid });
    }
  });

  it('a commit and a blob sharing a prefix: the commit, as rev-parse <prefix>^{commit} picks', async () => {
    const head = git(dir, 'rev-parse', 'HEAD');
    let body = '';
    for (let i = 0; sha1('blob', body).slice(0, 4) !== head.slice(0, 4); i++) body = `blob ${i}\n`;
    const blob = gitInput(dir, body, 'hash-object', '-w', '--stdin');
    assert.equal(blob.slice(0, 4), head.slice(0, 4));
    assert.equal(git(dir, 'rev-parse', '--verify', `${head.slice(0, 4)}^{commit}`), head);
    assert.deepEqual(await resolveRevision(repo, head.slice(0, 4)), { ok: true, commit: head });
  });
});

describe('git reader: corrupt objects give a sentence', () => {
  let tmp: string;
  beforeEach(() => (tmp = tempDir('corrupt')));
  afterEach(() => removeDir(tmp));

  const loosePath = (dir: string, oid: string) => join(dir, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
  const overwrite = (file: string, content: Buffer) => {
    chmodSync(file, 0o644);
    writeFileSync(file, content);
  };

  it('a loose blob that does not inflate, one whose content is not its name, a commit that does not inflate', async () => {
    const dir = initRepo(tmp);
    write(dir, 'main.tf', 'resource "aws_kinesis_stream" "s" {}\n');
    write(dir, 'other.tf', 'other\n');
    const commit = commitAll(dir, 'one');
    const blob = git(dir, 'rev-parse', 'HEAD:main.tf');
    overwrite(loosePath(dir, blob), Buffer.from('not zlib at all'));
    const other = git(dir, 'rev-parse', 'HEAD:other.tf');
    overwrite(loosePath(dir, other), deflateSync(Buffer.from('blob 6\0othe!\n')));
    assert.ok(gitFails(dir, 'cat-file', 'blob', blob));
    const repo = (await findRepository(dir))!;
    const host = commitTreeHost(repo, commit, nodeHost);
    assert.equal(await host.readFile(join(dir, 'main.tf')), undefined);
    assert.equal(host.readProblem!(join(dir, 'main.tf')), `cannot read main.tf at the base: object ${blob} is corrupt (it does not inflate); \`git fsck\` tells more`);
    assert.equal(await host.readFile(join(dir, 'other.tf')), undefined);
    assert.equal(host.readProblem!(join(dir, 'other.tf')), `cannot read other.tf at the base: object ${other} is corrupt (its content does not match its id); \`git fsck\` tells more`);
    overwrite(loosePath(dir, commit), Buffer.from('garbage'));
    assert.deepEqual(await resolveRevision(repo, 'HEAD'), { ok: false, error: `object ${commit} is corrupt (it does not inflate); \`git fsck\` tells more` });
  });

  it('a pack whose entry is damaged', async () => {
    const dir = initRepo(tmp);
    write(dir, 'main.tf', 'x = 1\n'.repeat(400));
    const commit = commitAll(dir, 'one');
    git(dir, 'gc', '-q', '--prune=now');
    const blob = git(dir, 'rev-parse', 'HEAD:main.tf');
    const idx = readdirSync(join(dir, '.git/objects/pack')).find((n) => n.endsWith('.idx'))!;
    // verify-pack -v: "<oid> <type> <size> <size in pack> <offset>".
    const line = git(dir, 'verify-pack', '-v', `.git/objects/pack/${idx}`).split('\n').find((l) => l.startsWith(blob))!;
    const [, , , packed, offset] = line.split(/\s+/).map(Number);
    const pack = join(dir, '.git/objects/pack', idx.replace(/\.idx$/, '.pack'));
    chmodSync(pack, 0o644);
    const fd = openSync(pack, 'r+');
    // Past the 3-byte entry header (size 2400) and the zlib header: the deflated data itself.
    writeSync(fd, Buffer.alloc(packed - 8, 0xff), 0, packed - 8, offset + 5);
    closeSync(fd);
    const host = commitTreeHost((await findRepository(dir))!, commit, nodeHost);
    assert.equal(await host.readFile(join(dir, 'main.tf')), undefined);
    assert.equal(
      host.readProblem!(join(dir, 'main.tf')),
      `cannot read main.tf at the base: pack ${pack} is corrupt at offset ${offset} (entry does not inflate); \`git fsck\` tells more`,
    );
  });

  it('a packed delta over maxBytes is refused from the size its delta announces', async () => {
    const dir = initRepo(tmp);
    // The two versions share 2,000 lines and have 200 and 210 lines of their own: whichever git makes the delta of
    // the other inserts its own lines, and that delta's deflate stream starts with a dynamic Huffman block whose
    // code tables (well over 64 bytes) come before the size varints.
    // Short lines over every printable ASCII character (a seeded LCG), so the Huffman tables are large.
    const varied = (v: number, n: number) => {
      let x = v;
      const next = () => (x = (x * 1103515245 + 12345) % 2147483648);
      return Array.from({ length: n }, () => Array.from({ length: 12 }, () => String.fromCharCode(33 + (next() % 94))).join(''));
    };
    const text = (v: number) => [...Array.from({ length: 2000 }, (_, i) => `line ${i}`), ...varied(v, v === 1 ? 210 : 200)].join('\n') + '\n';
    write(dir, 'main.tf', text(1));
    commitAll(dir, 'one');
    write(dir, 'main.tf', text(22));
    const commit = commitAll(dir, 'two');
    git(dir, 'gc', '-q', '--aggressive', '--prune=now');
    const idx = readdirSync(join(dir, '.git/objects/pack')).find((n) => n.endsWith('.idx'))!;
    const versions = [git(dir, 'rev-parse', 'HEAD:main.tf'), git(dir, 'rev-parse', 'HEAD~1:main.tf')];
    const entries = git(dir, 'verify-pack', '-v', `.git/objects/pack/${idx}`).split('\n').filter((l) => versions.some((v) => l.startsWith(v)));
    // "<oid> blob <delta size> <size in pack> <offset> <depth> <base>": one is a delta with a large insert.
    assert.ok(entries.some((e) => e.split(/\s+/).length === 7 && Number(e.split(/\s+/)[2]) > 1000), entries.join('\n'));
    const host = commitTreeHost((await findRepository(dir))!, commit, nodeHost);
    const size = Buffer.byteLength(text(22));
    assert.equal(await host.readFile(join(dir, 'main.tf'), size - 1), undefined);
    assert.match(host.readProblem!(join(dir, 'main.tf'))!, /^main\.tf is larger than \d+ bytes; skipped$/);
    assert.equal(await host.readFile(join(dir, 'main.tf'), size), text(22));
    const v1 = commitTreeHost((await findRepository(dir))!, git(dir, 'rev-parse', 'HEAD~1'), nodeHost);
    const size1 = Buffer.byteLength(text(1));
    assert.equal(await v1.readFile(join(dir, 'main.tf'), size1 - 1), undefined);
    assert.equal(await v1.readFile(join(dir, 'main.tf'), size1), text(1));
  });
});

describe('git reader: ByteLru', () => {
  it('keeps the total under its bound, evicting the least recently used', () => {
    const lru = new ByteLru<string>(10);
    lru.set('a', 'A', 4);
    lru.set('b', 'B', 4);
    assert.equal(lru.get('a'), 'A');
    lru.set('c', 'C', 4);
    assert.equal(lru.get('b'), undefined);
    assert.equal(lru.get('a'), 'A');
    assert.equal(lru.size, 8);
    lru.set('huge', 'H', 11);
    assert.equal(lru.get('huge'), undefined);
    assert.equal(lru.size, 8);
  });
});
