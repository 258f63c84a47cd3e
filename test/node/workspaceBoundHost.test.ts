// The untrusted-workspace Host wrapper (issue #9 item 15): outside the workspace folders nothing is read, judged by
// real path, so `..`, absolute paths and symbolic links cannot escape; the refusal is said through readProblem.
// Every case counts what reached the disk host, so a refusal that still read would fail.
import { strict as assert } from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nodeHost } from '../../server/src/node/nodeHost';
import { LINKS_OUTSIDE, OUTSIDE, isWithin, workspaceBoundHost, type ReadScope } from '../../server/src/node/workspaceBoundHost';
import { findConfigFile, loadConfig } from '../../server/src/core/config/loadConfig';
import { applyEditorSettings } from '../../server/src/core/config/editorSettings';
import type { Host } from '../../server/src/core/types';

describe('workspaceBoundHost: an untrusted workspace reads nothing outside its folders', () => {
  let base: string;
  let ws: string;
  let outside: string;
  let reached: string[];
  let scope: ReadScope | undefined;
  let host: Host;
  beforeEach(() => {
    base = mkdtempSync(join(tmpdir(), 'kinesis-lint-trust-'));
    ws = join(base, 'ws');
    outside = join(base, 'outside');
    mkdirSync(join(ws, 'inner'), { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(ws, 'main.tf'), 'inside');
    writeFileSync(join(ws, 'inner', 'a.tf'), 'inner');
    writeFileSync(join(outside, 'secret.tf'), 'secret');
    reached = [];
    scope = { roots: [ws] };
    const counting: Host = {
      readFile: (p, max) => (reached.push(p), nodeHost.readFile(p, max)),
      readProblem: (p) => nodeHost.readProblem?.(p),
      readDir: (p) => (reached.push(p), nodeHost.readDir(p)),
    };
    host = workspaceBoundHost(counting, () => scope);
  });
  afterEach(() => rmSync(base, { recursive: true, force: true }));

  const refused = async (p: string, why: string) => {
    assert.equal(await host.readFile(p), undefined);
    assert.equal(host.readProblem?.(p), why);
    assert.deepEqual(reached, []);
  };

  it('reads files and directories inside the folders', async () => {
    assert.equal(await host.readFile(join(ws, 'inner', 'a.tf')), 'inner');
    assert.deepEqual((await host.readDir(ws))?.map((e) => e.name).sort(), ['inner', 'main.tf']);
    assert.equal(reached.length, 2);
  });

  it('refuses an absolute path outside, and `..` out of a folder, without touching the disk host', async () => {
    await refused(join(outside, 'secret.tf'), `secret.tf: ${OUTSIDE}`);
    await refused(`${ws}/inner/../../outside/secret.tf`, `secret.tf: ${OUTSIDE}`);
    await refused('/etc/passwd', `passwd: ${OUTSIDE}`);
  });

  it('refuses a directory outside (a module source "../outside"), naming it', async () => {
    assert.equal(await host.readDir(join(ws, '..', 'outside')), undefined);
    assert.equal(host.readProblem?.(join(ws, '..', 'outside')), `${join(ws, '..', 'outside')}: ${OUTSIDE}`);
    assert.deepEqual(reached, []);
  });

  it('a folder whose name only starts like the workspace folder is outside', async () => {
    mkdirSync(`${ws}2`);
    writeFileSync(`${ws}2/x.tf`, 'x');
    await refused(`${ws}2/x.tf`, `x.tf: ${OUTSIDE}`);
  });

  it('refuses a symbolic link inside that leads out, to a file or through a directory', async () => {
    symlinkSync(join(outside, 'secret.tf'), join(ws, 'linked.tf'));
    symlinkSync(outside, join(ws, 'mod'));
    await refused(join(ws, 'linked.tf'), `linked.tf: ${LINKS_OUTSIDE}`);
    await refused(join(ws, 'mod', 'secret.tf'), `secret.tf: ${LINKS_OUTSIDE}`);
    assert.equal(await host.readDir(join(ws, 'mod')), undefined);
    assert.equal(host.readProblem?.(join(ws, 'mod')), `${join(ws, 'mod')}: ${LINKS_OUTSIDE}`);
    assert.deepEqual(reached, []);
  });

  it('a missing file under a link that leads out is refused too (judged where it would be)', async () => {
    symlinkSync(outside, join(ws, 'mod'));
    await refused(join(ws, 'mod', 'not-yet.tf'), `not-yet.tf: ${LINKS_OUTSIDE}`);
  });

  it('follows a link that stays inside, and a workspace folder that is itself a link', async () => {
    symlinkSync(join(ws, 'inner', 'a.tf'), join(ws, 'alias.tf'));
    assert.equal(await host.readFile(join(ws, 'alias.tf')), 'inner');
    symlinkSync(ws, join(base, 'ws-link'));
    scope = { roots: [join(base, 'ws-link')] };
    assert.equal(await host.readFile(join(base, 'ws-link', 'main.tf')), 'inside');
    // The same file by its real path is inside the folder too.
    assert.equal(await host.readFile(join(ws, 'main.tf')), 'inside');
  });

  it('a missing or dangling file inside is left to the disk host, which says why', async () => {
    symlinkSync(join(ws, 'nowhere'), join(ws, 'gone.tf'));
    assert.equal(await host.readFile(join(ws, 'gone.tf')), undefined);
    assert.equal(host.readProblem?.(join(ws, 'gone.tf')), 'cannot read gone.tf: ENOENT');
    assert.deepEqual(reached, [join(ws, 'gone.tf')]);
  });

  it('reads the files the server chose (the price cache) wherever they are', async () => {
    scope = { roots: [ws], files: [join(outside, 'secret.tf')] };
    assert.equal(await host.readFile(join(outside, 'secret.tf')), 'secret');
  });

  it('trusted (no scope) reads everything, and a refusal is lifted by trust at the next read', async () => {
    await refused(join(outside, 'secret.tf'), `secret.tf: ${OUTSIDE}`);
    scope = undefined;
    assert.equal(await host.readFile(join(outside, 'secret.tf')), 'secret');
    assert.equal(host.readProblem?.(join(outside, 'secret.tf')), undefined);
  });

  it('no folders at all: nothing on disk is read', async () => {
    scope = { roots: [] };
    await refused(join(ws, 'main.tf'), `main.tf: ${OUTSIDE}`);
  });

  describe('through the core', () => {
    it('"prices" outside in .kinesis-lint.json: built-in prices, and the entry says why', async () => {
      writeFileSync(join(outside, 'prices.json'), '{}');
      writeFileSync(join(ws, '.kinesis-lint.json'), '{\n  "prices": "../outside/prices.json"\n}\n');
      const loaded = await loadConfig(await findConfigFile(ws, host), host);
      assert.equal(loaded.pricesFile, join(outside, 'prices.json'));
      assert.deepEqual(loaded.problems.map((p) => [p.file, p.range, p.message]), [[
        join(ws, '.kinesis-lint.json'),
        { start: { line: 1, character: 12 }, end: { line: 1, character: 36 } },
        `price table "../outside/prices.json": prices.json: ${OUTSIDE}; built-in prices used`,
      ]]);
      assert.ok(!reached.includes(join(outside, 'prices.json')));
    });

    it('the kinesisLint.pricesFile setting outside: built-in prices, and the setting says why', async () => {
      writeFileSync(join(outside, 'prices.json'), '{}');
      const loaded = await applyEditorSettings(await loadConfig(undefined, host), { pricesFile: '../outside/prices.json', baseDir: ws }, host);
      assert.deepEqual(loaded.problems.map((p) => p.message), [
        `the price table named by the kinesisLint.pricesFile setting was not read: prices.json: ${OUTSIDE}; built-in prices used`,
      ]);
      assert.deepEqual(reached, []);
    });

    it('a .kinesis-lint.json above the workspace folder is not looked for', async () => {
      writeFileSync(join(base, '.kinesis-lint.json'), '{}');
      assert.equal(await findConfigFile(ws, host), undefined);
      scope = undefined;
      assert.equal(await findConfigFile(ws, host), join(base, '.kinesis-lint.json'));
    });
  });
});

describe('isWithin', () => {
  it('is true for the folder and below, false for siblings, parents and prefixes', () => {
    assert.equal(isWithin('/a/b', '/a/b'), true);
    assert.equal(isWithin('/a/b', '/a/b/c/d'), true);
    assert.equal(isWithin('/a/b', '/a/b/..c'), true);
    assert.equal(isWithin('/a/b', '/a'), false);
    assert.equal(isWithin('/a/b', '/a/bc'), false);
    assert.equal(isWithin('/a/b', '/a/c/b'), false);
    assert.equal(isWithin('/', '/etc'), true);
  });
});
