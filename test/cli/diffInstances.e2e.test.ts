// `diff` on count/for_each streams (compiled CLI, temporary git repositories). A stream's cost lines are for all its
// instances when their number is known (they add up to the total), and for one instance when it is not (the total is
// then unknown): the text and Markdown say which, and do not subtract one instance's line from all instances'.
// Money by hand from server/src/core/pricing/prices.json, us-east-1: a shard 730 h × $0.015 = $10.95/month; the
// declared load (0.5 MiB/s in 50 records/s of 10.24 KiB, one PUT payload unit each) 50 × 2,628,000 s = 131.4 M units
// × $0.014 = $1.8396 per instance.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, rmSync } from 'fs';
import { join } from 'path';
import { git, PROVIDER, repoWithCommits } from './diffRepo';
import { renderComment } from '../diff/renderMarkdown';

const CLI = process.env.KINESIS_LINT_CLI ?? join(__dirname, '..', '..', 'server', 'out', 'cli', 'main.js');
const VARIABLE = 'variable "n" {\n  type = number\n}\n';

function diff(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.NO_COLOR;
  const r = spawnSync(process.execPath, [CLI, 'diff', '--base', 'HEAD~1', ...args], { cwd, env, encoding: 'utf8', timeout: 30000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A priced stream with `count` (a number or an expression) and KMS (no finding). */
function counted(count: number | string, shards = 1): string {
  return `# kinesis-lint: write_mib_per_sec=0.5 records_per_sec=50
resource "aws_kinesis_stream" "events" {
  count            = ${count}
  name             = "events-\${count.index}"
  shard_count      = ${shards}
  retention_period = 24
  encryption_type  = "KMS"
  kms_key_id       = "alias/streams"
}
`;
}

/** The per-stream <details> of the Markdown comment. */
function streamDetails(markdown: string): string {
  return markdown.slice(markdown.indexOf('<details><summary>aws_'), markdown.indexOf('</details>') + '</details>'.length);
}

describe('kinesis-lint diff: cost lines of count/for_each streams', function () {
  this.timeout(120000);
  const dirs: string[] = [];
  const repo = (before: string, after: string) => {
    const dir = repoWithCommits({ 'main.tf': before }, { 'main.tf': after });
    dirs.push(dir);
    return dir;
  };
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  describe('count 2 → 3: the lines are for all instances and add up to the total, no note', () => {
    let dir: string;
    before(() => { dir = repo(`${PROVIDER}\n${counted(2)}`, `${PROVIDER}\n${counted(3)}`); });

    it('text', () => {
      const r = diff(dir);
      assert.deepEqual([r.code, r.stderr], [0, '']);
      // 2 instances: shards 2 × $10.95 = $21.90, PUT 2 × $1.8396 = $3.6792, total $25.5792; 3 instances: $32.85,
      // $5.5188, $38.3688; change +$10.95, +$1.8396, +$12.7896 (12.7896 / 25.5792 = +50 %).
      assert.equal(r.stdout, `Comparing the working tree with HEAD~1 (${git(dir, 'rev-parse', '--short=7', 'HEAD~1').trim()})

aws_kinesis_stream.events (main.tf:6): changed
  instances 2 → 3
  Shard hours        $21.90  $32.85  +$10.95
  PUT payload units   $3.68   $5.52   +$1.84
  Total per month    $25.58  $38.37  +$12.79

Monthly cost will increase by $12.79 (+50 %) — $25.58 → $38.37
1 stream changed (0 added, 0 removed, 1 changed), 0 unchanged
Findings: 0 new, 0 fixed
`);
    });

    it('markdown rows', () => {
      assert.equal(streamDetails(diff(dir, '--format', 'markdown').stdout), `<details><summary>aws_kinesis_stream.events: +$12.79 (changed)</summary>

main.tf:6: instances 2 → 3

| Cost line | Before | After | Change |
|---|--:|--:|--:|
| Shard hours | \\$21.90 | \\$32.85 | +\\$10.95 |
| PUT payload units | \\$3.68 | \\$5.52 | +\\$1.84 |
| Total per month | \\$25.58 | \\$38.37 | +\\$12.79 |

</details>`);
    });
  });

  describe('count 3 → unknown (var.n has no value), shards 1 → 2: all instances before, one after', () => {
    let dir: string;
    before(() => { dir = repo(`${PROVIDER}\n${VARIABLE}\n${counted(3)}`, `${PROVIDER}\n${VARIABLE}\n${counted('var.n', 2)}`); });

    it('text: the note says which side is one instance, and the lines\' change is unknown, not -$10.95', () => {
      const r = diff(dir);
      assert.equal(r.code, 0);
      // Before, 3 instances: $32.85, $5.5188, $38.3688. After, one instance of 2 shards: $21.90, $1.8396; total unknown.
      assert.equal(r.stdout.split('\n\n')[1], `aws_kinesis_stream.events (main.tf:10): changed
  instances 3 → unknown, shards 1 → 2
  Cost lines: before for all 3 instances, after for one instance (the number of instances is unknown):
  Shard hours        $32.85   $21.90  unknown
  PUT payload units   $5.52    $1.84  unknown
  Total per month    $38.37  unknown  unknown`);
    });

    it('markdown rows, and the comment renders without HTML errors', () => {
      const md = diff(dir, '--format', 'markdown').stdout;
      assert.equal(streamDetails(md), `<details><summary>aws_kinesis_stream.events: unknown (changed)</summary>

main.tf:10: instances 3 → unknown, shards 1 → 2

Cost lines: before for all 3 instances, after for one instance (the number of instances is unknown):

| Cost line | Before | After | Change |
|---|--:|--:|--:|
| Shard hours | \\$32.85 | \\$21.90 | unknown |
| PUT payload units | \\$5.52 | \\$1.84 | unknown |
| Total per month | \\$38.37 | unknown | unknown |

- missing: instance-count: count is unknown: var.n has no default and no value

</details>`);
      assert.deepEqual(renderComment(md).errors, []);
    });
  });

  describe('count unknown on both sides, shards 1 → 2: one instance on both, so the lines compare', () => {
    it('text: the note, and the shard line +$10.95 (one instance: 1 → 2 shards)', () => {
      const dir = repo(`${PROVIDER}\n${VARIABLE}\n${counted('var.n', 1)}`, `${PROVIDER}\n${VARIABLE}\n${counted('var.n', 2)}`);
      assert.equal(diff(dir).stdout.split('\n\n')[1], `aws_kinesis_stream.events (main.tf:10): changed
  shards 1 → 2
  Cost lines for one instance (the number of instances is unknown):
  Shard hours         $10.95   $21.90  +$10.95
  PUT payload units    $1.84    $1.84    $0.00
  Total per month    unknown  unknown  unknown`);
    });
  });
});
