// End to end (issue #9 items 3, 4, 9): the compiled CLI on a module holding a FIFO, a symlink to /dev/zero, a
// dangling and a self-looping symlink and a sparse 3 MiB file, all named *.tf, with "prices": "/dev/zero". Before,
// the FIFO made the CLI never exit and /dev/zero was read whole; now each is one finding at the file, the real
// stream is analysed, and the process exits (spawnSync's time-out would fail the test otherwise: status null).
import { strict as assert } from 'assert';
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

describe('cli end to end: special, unreadable and huge files', function () {
  this.timeout(60000);
  let work: string;
  before(function () {
    assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`);
  });
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-special-'));
    writeFileSync(join(work, 'main.tf'), 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 2\n}\n');
    execFileSync('mkfifo', [join(work, 'fifo.tf')]);
    symlinkSync('/dev/zero', join(work, 'zero.tf'));
    symlinkSync(join(work, 'nowhere'), join(work, 'gone.tf'));
    symlinkSync('loop.tf', join(work, 'loop.tf'));
    writeFileSync(join(work, 'big.tf'), '');
    truncateSync(join(work, 'big.tf'), 5 * 1024 * 1024);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8', timeout: 30000 });

  it('each special file is one syntax-error at its start; the stream is still analysed; the process exits', () => {
    const r = run('.', '--format', 'json');
    assert.equal(r.stderr, '');
    assert.equal(r.status, 1); // errors present
    const out = JSON.parse(r.stdout);
    const errors = out.findings.filter((f: { ruleId: string }) => f.ruleId === 'syntax-error')
      .map((f: { file: string; range: unknown; message: string }) => [f.file, f.range, f.message]);
    assert.deepEqual(errors, [
      ['big.tf', START, 'big.tf is larger than 4 MiB; skipped'],
      ['fifo.tf', START, 'fifo.tf is not a regular file; skipped'],
      ['gone.tf', START, 'cannot read gone.tf: ENOENT'],
      ['loop.tf', START, 'cannot read loop.tf: ELOOP'],
      ['zero.tf', START, 'zero.tf is not a regular file; skipped'],
    ]);
    assert.deepEqual(out.streams.map((s: { resource: string }) => s.resource), ['aws_kinesis_stream.s']);
  });

  it('"prices": "/dev/zero" is refused before reading: an invalid-config finding, built-in prices used', () => {
    writeFileSync(join(work, '.kinesis-lint.json'), '{"prices": "/dev/zero"}');
    const r = run('main.tf', '--format', 'json');
    assert.equal(r.stderr, '');
    const out = JSON.parse(r.stdout);
    const config = out.findings.filter((f: { ruleId: string }) => f.ruleId === 'invalid-config').map((f: { message: string }) => f.message);
    assert.deepEqual(config, ['price table "/dev/zero": zero is not a regular file; skipped; built-in prices used']);
  });

  it('a FIFO named on the command line is an error naming it (exit 2), not a hang', () => {
    const r = run('fifo.tf');
    assert.deepEqual([r.status, r.stderr.split('\n')[0]], [2, "kinesis-lint: cannot use 'fifo.tf': fifo.tf is not a regular file; skipped"]);
  });
});
