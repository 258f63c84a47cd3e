// --cache (docs/cli-cache.md): a warm run reuses every unchanged root module and prints what a run without the cache
// prints; a changed .tf, tfvars, config or price table invalidates exactly the modules that read it; a corrupt,
// foreign or other-version cache file is ignored with a warning and rewritten; --cache-location takes a file or a
// directory; --fix never writes the cache. Reuse is counted through KINESIS_LINT_DEBUG=cache, never timed.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');
const STATS = /^kinesis-lint: cache: (\d+) root module\(s\) reused, (\d+) analysed$/m;

describe('cli --cache', function () {
  this.timeout(120000);
  let work: string;
  let priceDir: string;

  function run(...args: string[]) {
    const env = { ...process.env, NO_COLOR: '1', KINESIS_LINT_DEBUG: 'cache', KINESIS_LINT_CACHE_DIR: priceDir };
    const r = spawnSync(process.execPath, [CLI, ...args], { cwd: work, env, encoding: 'utf8', timeout: 60000 });
    const stats = STATS.exec(r.stderr);
    return { code: r.status, stdout: r.stdout, stderr: r.stderr.replace(STATS, '').trim(), reused: stats ? Number(stats[1]) : undefined, analysed: stats ? Number(stats[2]) : undefined };
  }
  // --jobs 1 keeps each run short; workers and cache together are checked once below.
  const cached = (...args: string[]) => run('examples', '--format', 'json', '--jobs', '1', '--cache', ...args);
  const uncached = () => run('examples', '--format', 'json', '--jobs', '1');

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-cache-'));
    priceDir = join(work, 'price-cache');
    cpSync(join(ROOT, 'examples'), join(work, 'examples'), { recursive: true });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('the warm run reuses every root module and prints what an uncached run prints; the file is .kinesis-lint-cache', () => {
    const cold = cached();
    assert.deepEqual([cold.reused, cold.analysed, cold.stderr], [0, 5, '']);
    assert.ok(existsSync(join(work, '.kinesis-lint-cache')));
    const warm = cached();
    assert.deepEqual([warm.reused, warm.analysed, warm.stderr], [5, 0, '']);
    const plain = uncached();
    assert.equal(warm.stdout, plain.stdout);
    assert.equal(warm.code, plain.code);
    const text = run('examples', '--cache', '--jobs', '1', '--verbose');
    assert.equal(text.reused, 5);
    assert.equal(text.stdout, run('examples', '--jobs', '1', '--verbose').stdout);
  });

  it('a changed .tf re-analyses its module only; a change in a called module re-analyses its caller', () => {
    cached();
    appendFileSync(join(work, 'examples', 'healthy', 'main.tf'), '\n# touched\n');
    const one = cached();
    assert.deepEqual([one.reused, one.analysed], [4, 1]);
    assert.equal(one.stdout, uncached().stdout);
    const callee = readdirSync(join(work, 'examples', 'module-call', 'modules', 'stream')).find((f) => f.endsWith('.tf')) as string;
    appendFileSync(join(work, 'examples', 'module-call', 'modules', 'stream', callee), '\n# touched\n');
    assert.deepEqual([cached().reused, cached().reused], [4, 5]);
  });

  it('a new tfvars file or a new .kinesis-lint.json re-analyses the module that reads it', () => {
    cached();
    const before = uncached().stdout;
    writeFileSync(join(work, 'examples', 'telemetry-pipeline', 'terraform.tfvars'), '# nothing\n');
    const tfvars = cached();
    assert.deepEqual([tfvars.reused, tfvars.analysed], [4, 1]);
    writeFileSync(join(work, 'examples', 'healthy', '.kinesis-lint.json'), JSON.stringify({ region: 'eu-west-1' }));
    const changed = cached();
    assert.deepEqual([changed.reused, changed.analysed], [4, 1]);
    assert.equal(changed.stdout, uncached().stdout);
    assert.notEqual(changed.stdout, before, 'the config changes the report');
  });

  it('a newer price table (prices update) or another --region invalidates every module', () => {
    cached();
    mkdirSync(priceDir, { recursive: true });
    const table = JSON.parse(readFileSync(join(ROOT, 'server', 'src', 'core', 'pricing', 'prices.json'), 'utf8'));
    writeFileSync(join(priceDir, 'prices.json'), JSON.stringify({ ...table, priceDate: '2999-01-01' }));
    const priced = cached();
    assert.deepEqual([priced.reused, priced.analysed], [0, 5]);
    assert.deepEqual([cached().reused], [5]);
    assert.deepEqual([cached('--region', 'eu-west-1').reused], [0]);
  });

  it('a corrupt, foreign or other-version cache file is ignored with a warning and rewritten', () => {
    const file = join(work, '.kinesis-lint-cache');
    const expected = uncached().stdout;
    const cases: [string, RegExp][] = [
      ['{ not json', /the cache file .*\.kinesis-lint-cache is corrupt \(not JSON\); it is ignored and will be rewritten/],
      ['{"files":{"a.js":1}}', /\.kinesis-lint-cache is not a kinesis-lint cache file; it is ignored and will be overwritten/],
      ['{"tool":"kinesis-lint","format":1,"version":"0.0.0-old","settings":"x","entries":{}}', /was written by kinesis-lint 0\.0\.0-old \(cache format 1\); it is ignored/],
      ['{"tool":"kinesis-lint","format":1,"version":"0.1.0","settings":"x","entries":{"/x":{"deps":3}}}', /is corrupt \(an entry of an unknown shape\)/],
    ];
    for (const [text, warning] of cases) {
      writeFileSync(file, text);
      const r = cached();
      assert.match(r.stderr, warning);
      assert.deepEqual([r.reused, r.analysed, r.stdout], [0, 5, expected]);
      const again = cached();
      assert.deepEqual([again.reused, again.stderr], [5, ''], 'rewritten');
    }
  });

  it('--cache-location: a file path, or a directory that holds .kinesis-lint-cache_<hash>', () => {
    cached('--cache-location', 'store/my-cache');
    assert.ok(existsSync(join(work, 'store', 'my-cache')));
    assert.equal(cached('--cache-location', 'store/my-cache').reused, 5);
    mkdirSync(join(work, 'dir'));
    cached('--cache-location', 'dir');
    const inDir = readdirSync(join(work, 'dir'));
    assert.equal(inDir.length, 1);
    assert.match(inDir[0], /^\.kinesis-lint-cache_[0-9a-f]{12}$/);
    assert.equal(cached('--cache-location', 'dir/').reused, 5);
    assert.ok(!existsSync(join(work, '.kinesis-lint-cache')));
  });

  it('worker threads fill and use the same cache; --fix never writes it', () => {
    const cold = run('examples', '--format', 'json', '--jobs', '2', '--cache');
    assert.equal(cold.analysed, 5);
    const warm = cached();
    assert.equal(warm.reused, 5);
    assert.equal(warm.stdout, cold.stdout);
    rmSync(join(work, '.kinesis-lint-cache'));
    run('examples', '--fix', '--cache');
    assert.ok(!existsSync(join(work, '.kinesis-lint-cache')));
  });
});
