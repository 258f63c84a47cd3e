// Property: for every commit of a generated history (edits, renames, deletions, nested directories, non-ASCII
// text), every file read through commitTreeHost equals `git cat-file blob <commit>:<path>`, and every directory
// lists what git ls-tree lists; first with loose objects, then after `git gc --aggressive` (deltas against older
// versions, chains of several), then with OFS_DELTA turned off (REF_DELTA entries).
import { strict as assert } from 'assert';
import { existsSync, readdirSync, renameSync, rmSync } from 'fs';
import { dirname, join } from 'path';
import { commitTreeHost, findRepository, resolveRevision, type GitRepository } from '../../../server/src/node/git';
import { releaseRepository } from '../../../server/src/node/git';
import { nodeHost } from '../../../server/src/node/nodeHost';
import { catFileBatch, commitAll, git, initRepo, removeDir, tempDir, write } from './gitFixture';

/** A small deterministic PRNG (mulberry32), so a failure reproduces. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMITS = 30;

describe('git reader: every file of every commit of a generated history equals git cat-file', () => {
  let tmp: string;
  let dir: string;
  let commits: string[];

  before(() => {
    tmp = tempDir('history');
    dir = initRepo(tmp);
    const rnd = random(12);
    const files = new Map<string, string[]>();
    const dirs = ['', 'modules/stream', 'modules/stream/nested', 'envs/prod', 'envs/staging'];
    commits = [];
    for (let c = 0; c < COMMITS; c++) {
      for (let op = 0; op < 3; op++) {
        const paths = [...files.keys()];
        const r = rnd();
        if (paths.length < 4 || r < 0.35) {
          const d = dirs[Math.floor(rnd() * dirs.length)];
          const path = join(d, `f${c}_${op}.tf`);
          files.set(path, Array.from({ length: 20 + Math.floor(rnd() * 200) }, (_, i) => `line ${i} ${Math.floor(rnd() * 1e6)} é`));
        } else if (r < 0.75) {
          const path = paths[Math.floor(rnd() * paths.length)];
          const lines = files.get(path)!;
          lines[Math.floor(rnd() * lines.length)] = `edited in ${c} ✓`;
          lines.push(`appended in ${c}`);
        } else if (r < 0.9) {
          const from = paths[Math.floor(rnd() * paths.length)];
          const to = join(dirs[Math.floor(rnd() * dirs.length)], `renamed${c}_${op}.tf`);
          files.set(to, files.get(from)!);
          files.delete(from);
          const target = join(dir, to);
          if (!existsSync(dirname(target))) write(dir, to, '');
          renameSync(join(dir, from), target);
          continue;
        } else if (paths.length > 4) {
          const path = paths[Math.floor(rnd() * paths.length)];
          files.delete(path);
          rmSync(join(dir, path));
          continue;
        }
        for (const [path, lines] of files) write(dir, path, lines.join('\n') + '\n');
      }
      commits.push(commitAll(dir, `commit ${c}`));
    }
  });
  after(() => removeDir(tmp));

  async function checkAll(): Promise<number> {
    const repo: GitRepository = (await findRepository(dir))!;
    let checked = 0;
    for (const [n, commit] of commits.entries()) {
      assert.deepEqual(await resolveRevision(repo, `main~${COMMITS - 1 - n}`), { ok: true, commit });
      // One ls-tree for the commit: every tree and blob with its full path; a directory's listing is its children.
      const entries = git(dir, 'ls-tree', '-r', '-t', commit).split('\n').map((line) => {
        const [meta, path] = line.split('\t');
        return { type: meta.split(' ')[1], path };
      });
      const paths = entries.filter((e) => e.type === 'blob').map((e) => e.path);
      const expected = catFileBatch(dir, paths.map((p) => `${commit}:${p}`));
      const host = commitTreeHost(repo, commit, nodeHost);
      for (const [i, path] of paths.entries()) {
        assert.equal(await host.readFile(join(dir, path)), expected[i]!.toString('utf8'), `${commit}:${path}`);
        checked++;
      }
      for (const tree of ['.', ...entries.filter((e) => e.type === 'tree').map((e) => e.path)]) {
        const names = entries.filter((e) => dirname(e.path) === tree).map((e) => e.path.slice(tree === '.' ? 0 : tree.length + 1));
        assert.deepEqual((await host.readDir(join(dir, tree)))!.map((e) => e.name), names, `${commit}:${tree}/`);
      }
    }
    await releaseRepository(repo);
    return checked;
  }

  it('loose objects', async () => {
    assert.equal(readdirSync(join(dir, '.git/objects/pack')).length, 0);
    assert.ok((await checkAll()) > COMMITS * 4);
  });

  it('after git gc --aggressive (OFS_DELTA chains)', async () => {
    git(dir, 'gc', '-q', '--aggressive', '--prune=now');
    const idx = readdirSync(join(dir, '.git/objects/pack')).find((n) => n.endsWith('.idx'))!;
    assert.match(git(dir, 'verify-pack', '-v', `.git/objects/pack/${idx}`), /chain length = [2-9]\d*:/, 'chains of 2 or more');
    await checkAll();
  });

  it('repacked with REF_DELTA entries (repack.useDeltaBaseOffset=false)', async () => {
    git(dir, '-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f');
    await checkAll();
  });
});
