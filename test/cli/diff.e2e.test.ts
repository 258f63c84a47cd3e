// End to end: the compiled CLI's `diff` on temporary git repositories of two commits (built with the git CLI).
// Money is derived by hand from server/src/core/pricing/prices.json, us-east-1 (see stream() in diffRepo.ts):
// a shard is 730 h × $0.015 = $10.95/month, the declared load's PUT units $1.8396, so a 1-shard stream $12.7896.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { chmodSync, existsSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { git, PROVIDER, repoWithCommits, stream, tempDir, writeFiles } from './diffRepo';
import { elements, renderComment, tableRows, textOf } from '../diff/renderMarkdown';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

interface Result { code: number | null; stdout: string; stderr: string }

export function kinesisLint(cwd: string, ...args: string[]): Result {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, env, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VARIABLE = 'variable "shards" {\n  type = number\n}\n';
const CONSUMER = 'resource "aws_kinesis_stream_consumer" "reader" {\n  name       = "reader"\n  stream_arn = aws_kinesis_stream.fanout.arn\n}\n';

describe('kinesis-lint diff (compiled CLI, temporary git repositories)', function () {
  this.timeout(120000);
  const dirs: string[] = [];
  const repo = (...steps: Parameters<typeof repoWithCommits>) => {
    const dir = repoWithCommits(...steps);
    dirs.push(dir);
    return dir;
  };
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('one stream, shards 1 → 2', () => {
    let dir: string;
    before(() => {
      dir = repo({ 'app/main.tf': `${PROVIDER}\n${stream('events', 1)}` }, { 'app/main.tf': `${PROVIDER}\n${stream('events', 2)}` });
    });

    it('text: the cost lines before → after → change and the summary', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1');
      const commit = git(dir, 'rev-parse', '--short=7', 'HEAD~1').trim();
      assert.deepEqual([r.code, r.stderr], [0, '']);
      // +$10.95 (one shard); 10.95 / 12.7896 = 85.6 % → +86 %; after 21.90 + 1.8396 = $23.74.
      assert.equal(r.stdout, `Comparing the working tree with HEAD~1 (${commit})

aws_kinesis_stream.events (app/main.tf:6): changed
  shards 1 → 2
  Shard hours        $10.95  $21.90  +$10.95
  PUT payload units   $1.84   $1.84    $0.00
  Total per month    $12.79  $23.74  +$10.95

Monthly cost will increase by $10.95 (+86 %) — $12.79 → $23.74
1 stream changed (0 added, 0 removed, 1 changed), 0 unchanged
Findings: 0 new, 0 fixed
`);
    });

    it('json: the contract fields, exact amounts rounded to 1e-6', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'main~1', '--format', 'json');
      assert.equal(r.code, 0);
      const out = JSON.parse(r.stdout);
      assert.deepEqual(Object.keys(out), ['tool', 'base', 'summary', 'streams', 'findings', 'assumptions']);
      assert.deepEqual(out.base, { kind: 'git', ref: 'main~1', commit: git(dir, 'rev-parse', 'HEAD~1').trim(), file: null });
      assert.deepEqual(out.summary, {
        monthlyCostBeforeUsd: 12.7896, monthlyCostAfterUsd: 23.7396, deltaUsd: 10.95, knownDeltaUsd: 10.95, unknownStreams: 0, lowerBoundStreams: 0,
        streams: { added: 0, removed: 0, changed: 1, unchanged: 0 }, findingsIntroduced: 0, findingsFixed: 0,
      });
      const s = out.streams[0];
      assert.deepEqual([s.root, s.resource, s.status, s.deltaUsd, s.pricedLines], ['app', 'aws_kinesis_stream.events', 'changed', 10.95, null]);
      assert.deepEqual(s.drivers, [{ kind: 'shards', before: 1, after: 2, text: 'shards 1 → 2' }]);
      assert.deepEqual([s.before.shardCount, s.after.shardCount, s.before.monthlyCostUsd, s.after.monthlyCostUsd], [1, 2, 12.7896, 23.7396]);
      assert.deepEqual(s.after.range, { start: { line: 5, character: 0 }, end: { line: 5, character: 38 } }); // provider (3 lines), a blank line, the annotation
    });

    it('markdown: marker, summary, table and details, exactly', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'markdown');
      const commit = git(dir, 'rev-parse', '--short=7', 'HEAD~1').trim();
      assert.equal(r.code, 0);
      const head = r.stdout.split('<details><summary>Assumptions</summary>')[0];
      assert.equal(head, `<!-- kinesis-lint diff -->
### kinesis-lint: Kinesis cost diff

**Monthly cost will increase by \\$10.95 (+86 %) — \\$12.79 → \\$23.74**

Compared with HEAD\\~1 (${commit}): 1 stream changed, 0 unchanged; findings: 0 new, 0 fixed.

| Stream | Status | Before | After | Change | What changed |
|---|---|--:|--:|--:|---|
| app: aws\\_kinesis\\_stream.events | changed | \\$12.79 | \\$23.74 | +\\$10.95 | shards 1 → 2 |

<details><summary>app: aws_kinesis_stream.events: +$10.95 (changed)</summary>

app/main.tf:6: shards 1 → 2

| Cost line | Before | After | Change |
|---|--:|--:|--:|
| Shard hours | \\$10.95 | \\$21.90 | +\\$10.95 |
| PUT payload units | \\$1.84 | \\$1.84 | \\$0.00 |
| Total per month | \\$12.79 | \\$23.74 | +\\$10.95 |

</details>

`);
      assert.ok(r.stdout.includes('- Prices for us-east-1 in USD, published'));
    });

    it('github: a notice on the stream line and the total', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'github');
      assert.equal(r.stdout, [
        '::notice file=app/main.tf,line=6,endLine=6,title=kinesis-lint%3A aws_kinesis_stream.events +$10.95/mo::changed: shards 1 → 2 (monthly cost $12.79 → $23.74)',
        '::notice title=kinesis-lint cost diff::Monthly cost will increase by $10.95 (+86 %25) — $12.79 → $23.74',
        '',
      ].join('\n'));
    });

    it('--fail-on-increase: $10.95 fails 10, passes 10.95 (exit 1 / 0), and says why', () => {
      const fails = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--fail-on-increase', '10', '--format', 'json');
      assert.deepEqual([fails.code, fails.stderr], [1, 'kinesis-lint: the known monthly cost increase $10.95 exceeds --fail-on-increase $10.00\n']);
      assert.equal(kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--fail-on-increase=10.95', '--format', 'json').code, 0);
    });

    it('--compare-to: a report the real CLI saved at the base gives the same diff as --base', () => {
      const work = tempDir();
      dirs.push(work);
      git(work, 'clone', '-q', dir, 'c');
      const clone = join(work, 'c');
      git(clone, 'checkout', '-q', 'HEAD~1');
      const saved = kinesisLint(clone, '--format', 'json', 'app');
      assert.equal(saved.code, 0);
      const report = join(work, 'base.json');
      writeFileSync(report, saved.stdout);
      git(clone, 'checkout', '-q', 'main');
      const viaReport = JSON.parse(kinesisLint(clone, 'diff', 'app', '--compare-to', report, '--format', 'json').stdout);
      const viaGit = JSON.parse(kinesisLint(clone, 'diff', 'app', '--base', 'HEAD~1', '--format', 'json').stdout);
      assert.deepEqual(viaReport.base, { kind: 'report', ref: null, commit: null, file: report });
      assert.deepEqual(viaReport.streams, viaGit.streams);
      assert.deepEqual(viaReport.summary, viaGit.summary);
    });
  });

  describe('a change of every kind (two commits)', () => {
    let dir: string;
    let out: any; // eslint-disable-line @typescript-eslint/no-explicit-any
    before(() => {
      dir = repo(
        {
          'app/main.tf': [PROVIDER, VARIABLE, stream('events'), stream('archive'), stream('fanout'), stream('old'), stream('varshards')].join('\n'),
          'app/mover.tf': stream('mover'),
        },
        {
          'app/main.tf': [PROVIDER, VARIABLE, stream('events', 2), stream('archive', 1, 168), stream('fanout'), CONSUMER, stream('varshards', 'var.shards'), stream('added')].join('\n'),
          'app/mover.tf': null,
          'app/streams.tf': stream('mover'),
          'billing/main.tf': `${PROVIDER}\n${stream('billing')}`,
        },
      );
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      out = JSON.parse(r.stdout);
    });

    it('per stream: status, delta by hand, drivers in words', () => {
      const rows = out.streams.map((s: any) => [s.root, s.resource.replace('aws_kinesis_stream.', ''), s.status, s.deltaUsd, s.drivers.map((d: any) => d.text)]); // eslint-disable-line @typescript-eslint/no-explicit-any
      assert.deepEqual(rows, [
        ['app', 'added', 'added', 12.7896, []],
        // retention 168 h: 144 h over 24 h are extended retention, billed per shard-hour: 730 × $0.02 = $14.60.
        ['app', 'archive', 'changed', 14.6, ['retention 24 → 168 h']],
        ['app', 'events', 'changed', 10.95, ['shards 1 → 2']],
        // One EFO consumer: 730 consumer-shard-hours × $0.015 = $10.95, plus retrieval of everything written:
        // 0.5 MiB/s × 2,628,000 s = 1,283.203125 GiB × $0.013 = $16.681641; together $27.631641.
        ['app', 'fanout', 'changed', 27.631641, ['EFO consumers +1']],
        ['app', 'mover', 'changed', 0, ['moved from app/mover.tf to app/streams.tf']],
        ['app', 'old', 'removed', -12.7896, []],
        // Unknown shard count at head: the delta is unknown (null), never 0.
        ['app', 'varshards', 'changed', null, ['shards 1 → unknown']],
        // A module directory added at head: its stream is added.
        ['billing', 'billing', 'added', 12.7896, []],
      ]);
    });

    it('the total is unknown (one stream), the known part and the sides said', () => {
      // 12.7896 + 14.60 + 10.95 + 27.631640625 + 0 − 12.7896 + 12.7896 = 65.971240625
      assert.deepEqual(out.summary, {
        monthlyCostBeforeUsd: 76.7376, // six 1-shard streams × 12.7896
        // 23.7396 + 27.3896 + 40.421240625 + 1.8396 (varshards: PUT units only, a lower bound) + 3 × 12.7896
        monthlyCostAfterUsd: { atLeast: 131.758841 },
        deltaUsd: null, knownDeltaUsd: 65.971241, unknownStreams: 1, lowerBoundStreams: 0,
        streams: { added: 2, removed: 1, changed: 5, unchanged: 0 },
        findingsIntroduced: out.findings.introduced.length, findingsFixed: 0,
      });
      assert.deepEqual(out.findings.introduced.map((f: any) => [f.ruleId, f.resource, f.file, f.range.start.line]), [ // eslint-disable-line @typescript-eslint/no-explicit-any
        ['extended-retention-cost', 'aws_kinesis_stream.archive', 'app/main.tf', 21], // retention_period of the 2nd stream
        ['efo-unneeded', 'aws_kinesis_stream.fanout', 'app/main.tf', 27], // the 3rd stream's header
      ]);
    });

    it('markdown renders to well-formed HTML: a row and a <details> with <summary> per changed stream', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'markdown');
      const { errors, root } = renderComment(r.stdout);
      assert.deepEqual(errors, []);
      const rows = tableRows(elements(root, 'table')[0]);
      assert.deepEqual(rows.slice(1).map((row) => [row[0], row[1], row[4]]), [
        ['app: aws_kinesis_stream.added', 'added', '+$12.79'],
        ['app: aws_kinesis_stream.archive', 'changed', '+$14.60'],
        ['app: aws_kinesis_stream.events', 'changed', '+$10.95'],
        ['app: aws_kinesis_stream.fanout', 'changed', '+$27.63'],
        ['app: aws_kinesis_stream.mover', 'changed', '$0.00'],
        ['app: aws_kinesis_stream.old', 'removed', '-$12.79'],
        // Unknown, with the lines both sides price: PUT units $1.84 → $1.84, shard hours unknown at head.
        ['app: aws_kinesis_stream.varshards', 'changed', 'unknown (priced lines $0.00; Shard hours unknown)'],
        ['billing: aws_kinesis_stream.billing', 'added', '+$12.79'],
      ]);
      const details = elements(root, 'details');
      assert.equal(details.length, 9); // 8 streams + the assumptions
      for (const d of details) assert.equal(d.childNodes!.find((c) => c.tagName)?.tagName, 'summary');
      assert.match(textOf(root), /Monthly cost change unknown: the change of 1 stream cannot be priced; the known changes add up to \+\$65\.97 — \$76\.74 → \$131\.76 \+ usage/);
    });

    it('github: a notice per changed stream, an annotation per new finding, at their lines', () => {
      const lines = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'github').stdout.trimEnd().split('\n');
      assert.equal(lines.length, 8 + 2 + 1);
      // The value 168 is characters 21–24 (end-exclusive) of line 22: GitHub columns 22–24, as the lint's own --format github writes them.
      assert.ok(lines.includes('::notice file=app/main.tf,line=22,endLine=22,col=22,endColumn=24,title=kinesis-lint%3A new extended-retention-cost::Retention 168 h adds $14.60/mo'), lines.join('\n'));
      assert.ok(lines.includes('::notice title=kinesis-lint%3A aws_kinesis_stream.old -$12.79/mo::removed: stream removed (monthly cost $12.79 → —)'));
      assert.ok(lines.some((l) => l.startsWith('::notice file=app/streams.tf,line=2,endLine=2,title=kinesis-lint%3A aws_kinesis_stream.mover $0.00/mo::changed: moved from app/mover.tf to app/streams.tf')));
    });

    it('--untrusted gives the same diff (every file it reads is under the PATHs)', () => {
      const r = kinesisLint(dir, 'diff', '.', '--untrusted', '--base', 'HEAD~1', '--format', 'json');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(JSON.parse(r.stdout), out);
    });

    it('--fail-on-increase counts only the known part, and says the unknown stream', () => {
      const fails = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--fail-on-increase', '65', '--format', 'json');
      assert.deepEqual([fails.code, fails.stderr.split('\n')], [1, [
        'kinesis-lint: the known monthly cost increase $65.97 exceeds --fail-on-increase $65.00',
        'kinesis-lint: --fail-on-increase: the change of 1 stream is unknown and not counted', '']]);
      const passes = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--fail-on-increase', '66', '--format', 'json');
      assert.deepEqual([passes.code, passes.stderr], [0, 'kinesis-lint: --fail-on-increase: the change of 1 stream is unknown and not counted\n']);
    });
  });

  it('a moved block at head pairs the renamed stream (changed, $0.00), its file moved too', () => {
    const dir = repo(
      { 'main.tf': `${PROVIDER}\n${stream('old')}` },
      { 'main.tf': PROVIDER, 'streams.tf': `${stream('renamed')}\nmoved {\n  from = aws_kinesis_stream.old\n  to   = aws_kinesis_stream.renamed\n}\n` },
    );
    const out = JSON.parse(kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'json').stdout);
    assert.deepEqual(out.streams.map((s: any) => [s.resource, s.status, s.deltaUsd, s.drivers.map((d: any) => d.text)]), [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['aws_kinesis_stream.renamed', 'changed', 0, ['renamed from aws_kinesis_stream.old (moved block)', 'moved from main.tf to streams.tf']],
    ]);
  });

  it('an unchanged stream of unknown cost changes nothing: its delta is $0 and the total stays exact', () => {
    const dir = repo(
      { 'main.tf': [PROVIDER, VARIABLE, stream('events'), stream('varshards', 'var.shards')].join('\n') },
      { 'main.tf': [PROVIDER, VARIABLE, stream('events', 2), stream('varshards', 'var.shards')].join('\n') },
    );
    const r = kinesisLint(dir, 'diff', '--base', 'HEAD~1', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout);
    // varshards' cost is a lower bound on both sides (its shard hours unknown), but nothing it is priced from changed.
    assert.deepEqual(out.streams.map((s: any) => [s.resource, s.status, s.deltaUsd]), [ // eslint-disable-line @typescript-eslint/no-explicit-any
      ['aws_kinesis_stream.events', 'changed', 10.95],
      ['aws_kinesis_stream.varshards', 'unchanged', 0],
    ]);
    assert.deepEqual([out.summary.deltaUsd, out.summary.unknownStreams], [10.95, 0]);
  });

  describe('errors: exit 2 with a sentence, never a stack trace', () => {
    let dir: string;
    before(() => {
      dir = repo({ 'main.tf': `${PROVIDER}\n${stream('events')}` });
    });

    it('an unknown revision', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'mian');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^kinesis-lint: --base: .*mian/);
      assert.ok(!r.stderr.includes('    at '), r.stderr);
    });

    it('not a repository', () => {
      const plain = tempDir();
      dirs.push(plain);
      writeFiles(plain, { 'main.tf': `${PROVIDER}\n${stream('events')}` });
      const r = kinesisLint(plain, 'diff', '--base', 'HEAD');
      assert.equal(r.code, 2);
      assert.match(r.stderr, /^kinesis-lint: --base needs a git repository: .* is not inside a git repository/);
    });

    it('a damaged object at the base: no diff (its streams would read as added), the file and reason said', () => {
      const damaged = repo({ 'main.tf': `${PROVIDER}\n${stream('events')}` }, { 'main.tf': `${PROVIDER}\n${stream('events', 2)}` });
      const oid = git(damaged, 'rev-parse', 'HEAD~1:main.tf').trim();
      const object = join(damaged, '.git', 'objects', oid.slice(0, 2), oid.slice(2));
      chmodSync(object, 0o644);
      writeFileSync(object, 'not zlib');
      const r = kinesisLint(damaged, 'diff', '--base', 'HEAD~1');
      assert.equal(r.code, 2, r.stdout);
      assert.match(r.stderr, /^kinesis-lint: --base: the repository could not give HEAD~1 whole; main\.tf: cannot read main\.tf at the base: /);
      assert.ok(!r.stderr.includes('    at '), r.stderr);
    });

    it('a malformed report, a missing one (the field checks: test/diff/reportFile.test.ts)', () => {
      writeFileSync(join(dir, 'bad.json'), '{"tool": {"name": "kinesis-lint"');
      const bad = kinesisLint(dir, 'diff', '--compare-to', 'bad.json');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^kinesis-lint: bad\.json is not JSON \(/);
      const missing = kinesisLint(dir, 'diff', '--compare-to', 'nope.json');
      assert.deepEqual([missing.code, missing.stderr.startsWith("kinesis-lint: cannot read --compare-to 'nope.json'")], [2, true]);
    });

    it('a usage error (the others: test/cli/diffArgs.test.ts)', () => {
      const r = kinesisLint(dir, 'diff', '--base', 'HEAD', '--compare-to', 'x.json');
      assert.equal(r.code, 2);
      assert.equal(r.stderr, "kinesis-lint: diff needs exactly one of --base REF (a git revision) or --compare-to FILE (a report saved by --format json)\nRun 'kinesis-lint diff --help' for usage.\n");
    });
  });
});
