// End to end (issue #9 item 5): the compiled CLI on a directory holding a `loop -> .` symbolic link called by two
// modules. Before, every ./loop/loop/… path was a new directory: 131,071 module instances, 3 GB. Now the link is
// the directory itself (real path), each call is reported as a module cycle, and the one real stream is analysed.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

describe('cli end to end: a module cycle through a symbolic link', function () {
  this.timeout(60000);
  let work: string;
  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
  });
  beforeEach(() => {
    work = realpathSync(mkdtempSync(join(tmpdir(), 'kinesis-lint-loop-')));
    writeFileSync(
      join(work, 'main.tf'),
      'module "a" {\n  source = "./loop"\n}\nmodule "b" {\n  source = "./loop"\n}\n' +
        'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 2\n}\n',
    );
    symlinkSync('.', join(work, 'loop'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('two calls through `loop -> .`: two module cycles at their source, one stream, a partial total', () => {
    const r = spawnSync(process.execPath, [CLI, '.', '--format', 'json'], { cwd: work, encoding: 'utf8', timeout: 30000 });
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    const cycles = out.findings
      .filter((f: { ruleId: string }) => f.ruleId === 'module-not-analysed')
      .map((f: { file: string; range: { start: { line: number; character: number } }; message: string; detail: string }) => [f.file, f.range.start.line, f.range.start.character, f.message, f.detail]);
    const why = `module cycle: it calls a module it is already inside (${join(work, 'loop')} is a link to ${work}); terraform init cannot install it`;
    assert.deepEqual(cycles, [
      ['main.tf', 1, 11, 'Module not analysed (local source): module cycle', `module.a: ${why}.`],
      ['main.tf', 4, 11, 'Module not analysed (local source): module cycle', `module.b: ${why}.`],
    ]);
    assert.deepEqual(out.streams.map((s: { resource: string; instances: number }) => [s.resource, s.instances]), [['aws_kinesis_stream.s', 1]]);
    assert.equal(out.summary.files, 1);
    assert.equal(out.summary.partial, true);
    assert.deepEqual(
      out.summary.unknowns.filter((u: { what: string }) => u.what === 'module').map((u: { resource: string }) => u.resource),
      ['module.a', 'module.b'],
    );
  });
});
