// findRepository finds what `git rev-parse --show-toplevel --git-dir --git-common-dir` finds: plain repositories,
// linked worktrees (.git file + commondir), submodules (.git file), and reads through alternates; `allowed` refuses
// a git directory outside the workspace and says why.
import { strict as assert } from 'assert';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { commitTreeHost, findRepository, findRepositoryProblem, locateRepository, resolveRevision } from '../../../server/src/node/git';
import { nodeHost } from '../../../server/src/node/nodeHost';
import { commitAll, git, initRepo, removeDir, tempDir, write } from './gitFixture';

/** What git says the repository of `dir` is, as absolute paths. */
function gitSays(dir: string) {
  const [workTree, gitDir, commonDir] = git(dir, 'rev-parse', '--path-format=absolute', '--show-toplevel', '--git-dir', '--git-common-dir').split('\n');
  return { workTree, gitDir, commonDir };
}

describe('git reader: findRepository', () => {
  let tmp: string;
  let main: string;
  before(() => {
    tmp = tempDir('find');
    main = initRepo(tmp, 'main');
    write(main, 'envs/prod/main.tf', 'one\n');
    commitAll(main, 'one');
    write(main, 'envs/prod/main.tf', 'two\n');
    commitAll(main, 'two');
  });
  after(() => removeDir(tmp));

  it('walks up from a nested directory to the .git directory', async () => {
    const nested = join(main, 'envs', 'prod');
    assert.deepEqual(await findRepository(nested), gitSays(nested));
  });

  it('a linked worktree: the .git file, its own HEAD, the common directory for everything else', async () => {
    git(main, 'worktree', 'add', '-q', '-b', 'wt-branch', join(tmp, 'wt'));
    const wt = join(tmp, 'wt');
    write(wt, 'envs/prod/main.tf', 'three\n');
    commitAll(wt, 'three');
    const repo = (await findRepository(join(wt, 'envs')))!;
    assert.deepEqual(repo, gitSays(join(wt, 'envs')));
    assert.notEqual(repo.gitDir, repo.commonDir);
    assert.deepEqual(await resolveRevision(repo, 'HEAD'), { ok: true, commit: git(wt, 'rev-parse', 'HEAD') });
    assert.deepEqual(await resolveRevision(repo, 'main'), { ok: true, commit: git(main, 'rev-parse', 'HEAD') });
    // A branch whose last component is upper case is still a shared ref (only HEAD-like names are per worktree).
    git(main, 'branch', 'team/RELEASE', 'HEAD~1');
    assert.deepEqual(await resolveRevision(repo, 'team/RELEASE'), { ok: true, commit: git(wt, 'rev-parse', 'team/RELEASE') });
    const host = commitTreeHost(repo, git(wt, 'rev-parse', 'HEAD~1'), nodeHost);
    assert.equal(await host.readFile(join(wt, 'envs/prod/main.tf')), git(wt, 'cat-file', 'blob', 'HEAD~1:envs/prod/main.tf') + '\n');
  });

  it('a submodule: its .git file points into the superproject\'s .git/modules', async () => {
    const sup = initRepo(tmp, 'super');
    write(sup, 'main.tf', 'super\n');
    commitAll(sup, 'super');
    git(sup, '-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', main, 'vendor/mod');
    const sub = join(sup, 'vendor', 'mod');
    const repo = (await findRepository(join(sub, 'envs')))!;
    assert.deepEqual(repo, gitSays(join(sub, 'envs')));
    assert.ok(repo.gitDir.startsWith(join(sup, '.git', 'modules')), repo.gitDir);
    assert.deepEqual(await resolveRevision(repo, 'HEAD~1'), { ok: true, commit: git(sub, 'rev-parse', 'HEAD~1') });
  });

  it('alternates (git clone --shared): objects are read from the source repository', async () => {
    git(tmp, 'clone', '-q', '--shared', main, 'shared');
    const shared = join(tmp, 'shared');
    assert.match(git(shared, 'count-objects', '-v'), /^count: 0$/m);
    const repo = (await findRepository(shared))!;
    assert.deepEqual(await resolveRevision(repo, 'HEAD~1'), { ok: true, commit: git(shared, 'rev-parse', 'HEAD~1') });
    const host = commitTreeHost(repo, git(shared, 'rev-parse', 'HEAD~1'), nodeHost);
    assert.equal(await host.readFile(join(shared, 'envs/prod/main.tf')), git(shared, 'cat-file', 'blob', 'HEAD~1:envs/prod/main.tf') + '\n');
    // An untrusted workspace limited to the clone does not read the source's objects: no repository, and why.
    const inside = (p: string) => p === shared || p.startsWith(shared + '/');
    assert.equal(await findRepository(shared, { allowed: inside }), undefined);
    assert.equal(
      findRepositoryProblem(shared),
      `the git directory ${join(main, '.git', 'objects')} is not read: it is outside the workspace folders in an untrusted workspace`,
    );
  });

  it('allowed refuses a worktree whose git directory is outside the workspace', async () => {
    const wt = join(tmp, 'wt');
    const located = await locateRepository(wt, { allowed: (p) => p.startsWith(wt) });
    assert.deepEqual(located, {
      problem: `the git directory ${join(main, '.git', 'worktrees', 'wt')} is not read: it is outside the workspace folders in an untrusted workspace`,
    });
    assert.deepEqual((await locateRepository(wt, { allowed: () => true })).repo, gitSays(wt));
  });

  it('no repository, or a .git file that leads nowhere: undefined, and why', async () => {
    const lone = join(tmp, 'lone');
    mkdirSync(lone);
    const none = await locateRepository(lone);
    // The temporary directory is in no repository (otherwise this case cannot be tested here).
    if (none.problem) assert.equal(none.problem, `${lone} is not inside a git repository (no .git found above it)`);
    writeFileSync(join(lone, '.git'), 'gitdir: ../moved-away\n');
    assert.equal(await findRepository(lone), undefined);
    assert.equal(
      findRepositoryProblem(lone),
      `${join(lone, '.git')} points to ${join(tmp, 'moved-away')}, which is not a git directory (moved or deleted worktree?)`,
    );
  });
});
