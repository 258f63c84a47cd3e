// resolveRevision against git rev-parse on the same repository, in the three storage states git produces: loose
// objects and refs, everything packed by `git gc --aggressive` (deltas, packed-refs with peeled tags), and two packs.
import { strict as assert } from 'assert';
import { readdirSync } from 'fs';
import { join } from 'path';
import { commitTreeHost, findRepository, resolveRevision, type GitRepository } from '../../../server/src/node/git';
import { nodeHost } from '../../../server/src/node/nodeHost';
import { commitAll, git, gitFails, initRepo, removeDir, tempDir, write } from './gitFixture';

/** A 200-line file whose versions differ in one line: gc stores them as deltas of each other. */
const bigFile = (version: number) =>
  Array.from({ length: 200 }, (_, i) => (i === 100 ? `# version ${version}` : `variable "v${i}" { default = ${i} }`)).join('\n') + '\n';

const REVISIONS = [
  'HEAD', '@', 'main', 'HEAD~2', 'HEAD^', 'HEAD^0', 'main~0', 'merged^2', 'merged^2~1', 'merged^2^', 'merged~2', 'merged^1^', 'HEAD^{commit}',
  'feature/x-y', 'heads/feature/x-y', 'refs/heads/feature/x-y', 'v1', 'v2', 'v3', 'v2^{}', 'tags/v2', 'v3~1',
  'origin', 'origin/main', 'remotes/origin/main', 'dup',
];

async function assertLikeGit(dir: string, revisions: string[]) {
  const repo = (await findRepository(dir))!;
  for (const rev of revisions) {
    const expected = git(dir, 'rev-parse', '--verify', '-q', `${rev}^{commit}`);
    assert.deepEqual(await resolveRevision(repo, rev), { ok: true, commit: expected }, rev);
  }
}

describe('git reader: resolveRevision equals git rev-parse', () => {
  let tmp: string;
  let dir: string;
  let repo: GitRepository;

  before(() => {
    tmp = tempDir('rev');
    dir = initRepo(tmp);
    write(dir, 'main.tf', bigFile(1));
    commitAll(dir, 'c1');
    git(dir, 'tag', 'v1');
    write(dir, 'main.tf', bigFile(2));
    commitAll(dir, 'c2');
    git(dir, 'tag', '-a', 'v2', '-m', 'annotated');
    git(dir, 'tag', '-a', 'v3', 'v2', '-m', 'a tag of a tag');
    git(dir, 'checkout', '-q', '-b', 'feature/x-y');
    write(dir, 'feature.tf', 'f\n');
    commitAll(dir, 'f1');
    write(dir, 'feature.tf', 'f2\n');
    commitAll(dir, 'f2');
    git(dir, 'checkout', '-q', 'main');
    write(dir, 'main.tf', bigFile(3));
    commitAll(dir, 'c3');
    git(dir, 'merge', '-q', '--no-ff', '-m', 'merge', 'feature/x-y');
    git(dir, 'branch', 'merged');
    write(dir, 'main.tf', bigFile(4));
    commitAll(dir, 'c4');
    git(dir, 'update-ref', 'refs/remotes/origin/main', 'v1');
    git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/main');
    // The same name as a tag and a branch: gitrevisions' order makes the tag win.
    git(dir, 'branch', 'dup', 'main~1');
    git(dir, 'tag', 'dup', 'v1');
  });
  before(async () => (repo = (await findRepository(dir))!));
  after(() => removeDir(tmp));

  it('loose objects and loose refs', async () => {
    assert.equal(readdirSync(join(dir, '.git', 'objects', 'pack')).length, 0);
    await assertLikeGit(dir, REVISIONS);
  });

  it('a full and a short object name (7 and 10 digits) resolve like rev-parse', async () => {
    const c1 = git(dir, 'rev-parse', 'v1');
    assert.deepEqual(await resolveRevision(repo, c1.slice(0, 7)), { ok: true, commit: c1 });
    assert.deepEqual(await resolveRevision(repo, c1), { ok: true, commit: c1 });
    await assertLikeGit(dir, [git(dir, 'rev-parse', 'HEAD~1').slice(0, 10)]);
  });

  it('a detached HEAD', async () => {
    git(dir, 'checkout', '-q', '--detach', 'merged');
    try {
      await assertLikeGit(dir, ['HEAD', '@', 'HEAD~1', 'HEAD^2']);
      assert.equal(git(dir, 'rev-parse', 'HEAD'), git(dir, 'rev-parse', 'merged'));
    } finally {
      git(dir, 'checkout', '-q', 'main');
    }
  });

  it('after git gc --aggressive: packed refs (peeled tags) and deltas', async () => {
    git(dir, 'gc', '-q', '--aggressive', '--prune=now');
    const packed = git(dir, 'cat-file', '-p', 'HEAD:main.tf') && readdirSync(join(dir, '.git')).includes('packed-refs');
    assert.ok(packed, 'gc wrote packed-refs');
    assert.ok(!readdirSync(join(dir, '.git', 'refs', 'heads')).includes('main'), 'main is only in packed-refs');
    const idx = readdirSync(join(dir, '.git', 'objects', 'pack')).filter((n) => n.endsWith('.idx'));
    assert.equal(idx.length, 1);
    // verify-pack -v lists "chain length = N: M objects" when the pack has deltas.
    assert.match(git(dir, 'verify-pack', '-v', join('.git', 'objects', 'pack', idx[0])), /chain length = 1:/);
    await assertLikeGit(dir, REVISIONS);
  });

  it('two packs (objects written after the gc, then repacked incrementally)', async () => {
    write(dir, 'main.tf', bigFile(5));
    commitAll(dir, 'c5');
    git(dir, 'tag', '-a', 'v5', '-m', 'in the second pack');
    git(dir, 'repack', '-q', '-d');
    assert.equal(readdirSync(join(dir, '.git', 'objects', 'pack')).filter((n) => n.endsWith('.pack')).length, 2);
    await assertLikeGit(dir, [...REVISIONS, 'v5', 'v5~3']);
  });

  it('unknown revisions get a sentence, with a did-you-mean for a close ref name', async () => {
    assert.ok(gitFails(dir, 'rev-parse', '--verify', 'mian'));
    assert.deepEqual(await resolveRevision(repo, 'mian'), { ok: false, error: "unknown revision 'mian' (did you mean 'main'?)" });
    assert.deepEqual(await resolveRevision(repo, 'nothing-like-it'), { ok: false, error: "unknown revision 'nothing-like-it'" });
    // A name that would be a path outside refs/ is never read as one.
    assert.deepEqual(await resolveRevision(repo, '../config'), { ok: false, error: "unknown revision '../config'" });
  });

  it('walking past the first commit or asking a parent a commit does not have', async () => {
    const first = git(dir, 'rev-list', '--max-parents=0', 'main');
    const depth = Number(git(dir, 'rev-list', '--first-parent', '--count', 'main'));
    const past = `main~${depth}`;
    assert.ok(gitFails(dir, 'rev-parse', '--verify', past));
    assert.deepEqual(await resolveRevision(repo, past), {
      ok: false,
      error: `'${past}': commit ${first.slice(0, 7)} has no parent (it is the first commit)`,
    });
    const head = git(dir, 'rev-parse', 'main');
    assert.ok(gitFails(dir, 'rev-parse', '--verify', 'main^2'));
    assert.deepEqual(await resolveRevision(repo, 'main^2'), { ok: false, error: `'main^2': commit ${head.slice(0, 7)} has 1 parent, not 2` });
  });

  it('a revision naming a blob or tree is not a commit', async () => {
    const blob = git(dir, 'rev-parse', 'HEAD:main.tf');
    assert.deepEqual(await resolveRevision(repo, blob), { ok: false, error: `'${blob}' is a blob, not a commit` });
    const result = await resolveRevision(repo, 'HEAD:main.tf');
    assert.equal(result.ok, false);
    assert.match((result as { error: string }).error, /path \(:\) forms are not supported/);
  });
});

describe('git reader: repositories without the commit', () => {
  let tmp: string;
  beforeEach(() => (tmp = tempDir('rev-edge')));
  afterEach(() => removeDir(tmp));

  it('an empty repository says it has no commits yet', async () => {
    const dir = initRepo(tmp);
    assert.ok(gitFails(dir, 'rev-parse', '--verify', 'HEAD'));
    const repo = (await findRepository(dir))!;
    assert.deepEqual(await resolveRevision(repo, 'HEAD'), { ok: false, error: "'HEAD': this repository has no commits yet (branch main is unborn)" });
  });

  it('a shallow clone asked for the parent names the commit and how to fetch it', async () => {
    const src = initRepo(tmp, 'src');
    write(src, 'a.tf', '1\n');
    commitAll(src, 'one');
    write(src, 'a.tf', '2\n');
    commitAll(src, 'two');
    const parent = git(src, 'rev-parse', 'HEAD~1');
    git(tmp, 'clone', '-q', '--depth', '1', `file://${src}`, 'shallow');
    const dir = join(tmp, 'shallow');
    assert.ok(gitFails(dir, 'rev-parse', '--verify', 'HEAD~1^{commit}'));
    const repo = (await findRepository(dir))!;
    const hint = `(shallow clone: fetch it with \`git fetch --depth=1 origin ${parent}\`, or check out with \`fetch-depth: 0\` in actions/checkout)`;
    const head = git(dir, 'rev-parse', 'HEAD');
    assert.deepEqual(await resolveRevision(repo, 'HEAD~1'), {
      ok: false,
      error: `commit ${parent} (a parent of ${head.slice(0, 7)}, asked by 'HEAD~1') is not in this clone ${hint}`,
    });
    assert.deepEqual(await resolveRevision(repo, parent), { ok: false, error: `commit ${parent} is not in this clone ${hint}` });
  });

  it('a partial clone: a blob left on the server is named, with the command that fetches it', async () => {
    const src = initRepo(tmp, 'src');
    git(src, 'config', 'uploadpack.allowFilter', 'true');
    write(src, 'a.tf', 'old\n');
    commitAll(src, 'one');
    write(src, 'a.tf', 'new\n');
    commitAll(src, 'two');
    git(tmp, 'clone', '-q', '--filter=blob:none', `file://${src}`, 'partial');
    const dir = join(tmp, 'partial');
    const oldBlob = git(src, 'rev-parse', 'HEAD~1:a.tf');
    // git itself has only the checked-out blob (--missing=print lists the others with a '?').
    assert.match(git(dir, 'rev-list', '--objects', '--missing=print', 'HEAD~1'), new RegExp(`^\\?${oldBlob}$`, 'm'));
    const repo = (await findRepository(dir))!;
    const base = await resolveRevision(repo, 'HEAD~1');
    assert.deepEqual(base, { ok: true, commit: git(src, 'rev-parse', 'HEAD~1') });
    const host = commitTreeHost(repo, (base as { commit: string }).commit, nodeHost);
    assert.equal(await host.readFile(join(dir, 'a.tf')), undefined);
    assert.equal(
      host.readProblem!(join(dir, 'a.tf')),
      `cannot read a.tf at the base: object ${oldBlob} is not in this partial clone (git fetches it on demand; this reader does not): run \`git fetch origin ${oldBlob}\``,
    );
    assert.equal(await commitTreeHost(repo, git(dir, 'rev-parse', 'HEAD'), nodeHost).readFile(join(dir, 'a.tf')), 'new\n');
  });

  it('a SHA-256 repository is refused, not misread', async () => {
    const dir = join(tmp, 'sha256');
    git(tmp, 'init', '-q', '--object-format=sha256', dir);
    write(dir, 'a.tf', '1\n');
    commitAll(dir, 'one');
    const repo = (await findRepository(dir))!;
    assert.deepEqual(await resolveRevision(repo, 'HEAD'), {
      ok: false,
      error: "this repository uses sha256 object names (extensions.objectFormat), which kinesis-lint's git reader does not read yet",
    });
  });
});
