import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { findModuleDirs } from '../../server/src/node/findModules';
import { nodeHost } from '../../server/src/node/nodeHost';
import type { Host } from '../../server/src/core/types';

/** A Host over a list of file paths (directories implied). */
function memoryHost(paths: string[]): Host {
  const files = new Map(paths.map((p) => [p, `# ${p}`]));
  return {
    async readFile(path) { return files.get(path); },
    async readDir(path) {
      const prefix = path.endsWith('/') ? path : `${path}/`;
      const names = new Map<string, boolean>();
      for (const p of Array.from(files.keys())) {
        if (!p.startsWith(prefix)) continue;
        const rest = p.slice(prefix.length).split('/');
        names.set(rest[0], rest.length > 1);
      }
      if (names.size === 0) return undefined;
      return Array.from(names, ([name, isDirectory]) => ({ name, isDirectory }));
    },
  };
}

const repo = memoryHost([
  '/r/main.tf',
  '/r/README.md',
  '/r/modules/stream/main.tf',
  '/r/modules/stream/variables.tf',
  '/r/modules/empty/notes.txt',
  '/r/envs/prod/deep/er/main.tf',
  '/r/.terraform/modules/x/main.tf',
  '/r/node_modules/pkg/main.tf',
  '/r/.github/main.tf',
  '/r/docs/main.tf.bak',
]);

describe('node/findModules', () => {
  it('walks recursively: every directory with .tf files is a module; sorted', async () => {
    assert.deepEqual(await findModuleDirs(['.'], '/r', repo), {
      ok: true, dirs: ['/r', '/r/envs/prod/deep/er', '/r/modules/stream'],
    });
  });

  it('skips .terraform, node_modules and hidden folders while walking, but not one named on the command line', async () => {
    assert.deepEqual(await findModuleDirs(['.github'], '/r', repo), { ok: true, dirs: ['/r/.github'] });
  });

  it('a .tf file means its directory; duplicates are merged', async () => {
    assert.deepEqual(await findModuleDirs(['modules/stream/main.tf', 'modules/stream/variables.tf', 'modules'], '/r', repo), {
      ok: true, dirs: ['/r/modules/stream'],
    });
  });

  it('a missing path or a file that is not .tf is an error naming it', async () => {
    assert.deepEqual(await findModuleDirs(['nope'], '/r', repo), { ok: false, error: "cannot read 'nope': no such file or directory" });
    assert.deepEqual(await findModuleDirs(['README.md'], '/r', repo), { ok: false, error: "'README.md' is neither a directory nor a Terraform or variables file (.tf, .tf.json, .tofu, .tofu.json, .tfvars, .tfvars.json)" });
  });

  it('a .tfvars or .tfvars.json file means its directory when that holds configuration, else a note and no module', async () => {
    const vars = memoryHost(['/v/root/main.tf', '/v/root/terraform.tfvars', '/v/root/prod.tfvars.json', '/v/envs/prod.tfvars', '/v/envs/.x.tfvars']);
    assert.deepEqual(await findModuleDirs(['root/terraform.tfvars', 'root/prod.tfvars.json', 'root/main.tf'], '/v', vars), { ok: true, dirs: ['/v/root'] });
    assert.deepEqual(await findModuleDirs(['envs/prod.tfvars', 'root/main.tf'], '/v', vars), {
      ok: true, dirs: ['/v/root'],
      notes: ["'envs/prod.tfvars' is a variables file in a directory without Terraform files: skipped (apply it to its root module with --var-file)"],
    });
    assert.equal((await findModuleDirs(['envs/.x.tfvars'], '/v', vars)).ok, false, 'a hidden file is not a variables file, as Terraform ignores it');
  });

  it('a directory of .tf.json, .tofu or .tofu.json files is a module too; a hidden or backup .tf file is not', async () => {
    const more = memoryHost(['/m/cdktf/main.tf.json', '/m/tofu/main.tofu', '/m/tofujson/x.tofu.json', '/m/hidden/.x.tf', '/m/backup/main.tf~', '/m/vars/terraform.tfvars.json']);
    assert.deepEqual(await findModuleDirs(['.'], '/m', more), { ok: true, dirs: ['/m/cdktf', '/m/tofu', '/m/tofujson'] });
    assert.deepEqual(await findModuleDirs(['tofu/main.tofu', 'cdktf/main.tf.json'], '/m', more), { ok: true, dirs: ['/m/cdktf', '/m/tofu'] });
  });

  it('a directory without .tf files anywhere gives no module', async () => {
    assert.deepEqual(await findModuleDirs(['modules/empty'], '/r', repo), { ok: true, dirs: [] });
  });

  describe('on disk, through nodeHost', () => {
    let root: string;
    before(() => {
      root = mkdtempSync(join(tmpdir(), 'kinesis-lint-walk-'));
      for (const file of ['a/main.tf', 'a/.hidden/main.tf', 'a/node_modules/m/main.tf', 'a/.terraform/modules/main.tf', 'b/c/streams.tf']) {
        mkdirSync(dirname(join(root, file)), { recursive: true });
        writeFileSync(join(root, file), '');
      }
      symlinkSync(join(root, 'a'), join(root, 'b', 'loop')); // a link back up must not be followed (no cycle)
    });
    after(() => rmSync(root, { recursive: true, force: true }));

    it('finds the same modules and does not follow symbolic links', async () => {
      assert.deepEqual(await findModuleDirs([root], '/', nodeHost), { ok: true, dirs: [join(root, 'a'), join(root, 'b', 'c')] });
    });

    it('nodeHost: unreadable paths are undefined, not errors', async () => {
      assert.equal(await nodeHost.readFile(join(root, 'missing.tf')), undefined);
      assert.equal(await nodeHost.readFile(join(root, 'a')), undefined);
      assert.equal(await nodeHost.readDir(join(root, 'a', 'main.tf')), undefined);
      assert.deepEqual((await nodeHost.readDir(join(root, 'b')))?.sort((x, y) => x.name.localeCompare(y.name)), [
        { name: 'c', isDirectory: true }, { name: 'loop', isDirectory: false },
      ]);
    });
  });
});
