// The compiled CLI's worker threads (--jobs N) give the report of an in-process run (--jobs 1) byte for byte: same
// stdout, stderr and exit code, on the examples and the real-world fixtures (modules that call local modules, whose
// callees must be analysed only through their callers), and the same usage errors.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, cpSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

function run(cwd: string, ...args: string[]) {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 150000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli worker threads (--jobs): the same report as in-process', function () {
  this.timeout(600000);
  let work: string;

  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-jobs-'));
    cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
    cpSync(join(ROOT, 'test', 'fixtures', 'realworld'), join(work, 'realworld'), { recursive: true });
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const tree of ['examples', 'realworld']) {
    for (const format of ['json', 'text', 'sarif']) {
      it(`${tree}, --format ${format}: --jobs 2${format === 'json' ? ' and --jobs 3' : ''} equal --jobs 1`, () => {
        const one = run(work, tree, '--format', format, '--jobs', '1', '--fail-on', 'info');
        assert.ok(one.stdout.length > 1000, one.stderr);
        if (format === 'json') assert.ok(JSON.parse(one.stdout).findings.length > 5);
        for (const jobs of format === 'json' ? ['2', '3'] : ['2']) assert.deepEqual(run(work, tree, '--format', format, '--jobs', jobs, '--fail-on', 'info'), one);
      });
    }
  }

  it('a module called by another listed one is analysed only through its caller, with workers too', () => {
    const one = JSON.parse(run(work, 'examples/module-call', '--format', 'json', '--jobs', '1').stdout);
    const two = JSON.parse(run(work, 'examples/module-call', '--format', 'json', '--jobs', '2').stdout);
    assert.deepEqual(two, one);
    assert.ok(one.streams.length > 0);
    assert.ok(one.streams.every((s: { resource: string }) => s.resource.startsWith('module.')), 'the callee is not reported on its own');
  });

  it('usage errors are the in-process ones: an undeclared --var, an invalid --config (exit 2, same message)', () => {
    for (const args of [['--var', 'nope=1'], ['--config', 'bad.json']]) {
      writeFileSync(join(work, 'bad.json'), '{ "rules": 3 }');
      const one = run(work, 'examples', '--jobs', '1', ...args);
      assert.equal(one.code, 2);
      assert.match(one.stderr, /^kinesis-lint: /);
      assert.deepEqual(run(work, 'examples', '--jobs', '2', ...args), one);
    }
  });

  it('--jobs takes a positive number', () => {
    const r = run(work, 'examples', '--jobs', '0');
    assert.equal(r.code, 2);
    assert.match(r.stderr, /invalid value '0' for --jobs/);
  });
});
