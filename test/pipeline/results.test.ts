// What one analysis returns besides the rules' own logic: one finding per place (fixes kept only when every
// instance agrees), findings in file/position order, one report per stream resource, and the files read.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, brief, hcl, r, report, stream } from '../model/kit';

const HOURS_PER_MONTH = 730;

describe('pipeline: results', () => {
  it('a stream without stream_mode_details is PROVISIONED; ON_DEMAND has no shard count', async () => {
    const res = await analyze({
      'main.tf':
        stream('p', '  name        = "p"', '  shard_count = 2', ...ENCRYPTED) +
        stream('o', '  name = "o"', '  stream_mode_details {', '    stream_mode = "ON_DEMAND"', '  }', ...ENCRYPTED),
    });
    const p = report(res, 'aws_kinesis_stream.p');
    assert.equal(p.mode, 'PROVISIONED');
    assert.equal(p.shardCount, 2);
    assert.equal(p.estimate.components.find((c) => c.id === 'shard-hours')?.quantity, 2 * HOURS_PER_MONTH);
    const o = report(res, 'aws_kinesis_stream.o');
    assert.equal(o.mode, 'ON_DEMAND');
    assert.equal(o.shardCount, null);
    assert.equal(o.estimate.components.find((c) => c.id === 'on-demand-stream-hours')?.quantity, HOURS_PER_MONTH);
  });

  it('one finding per place for several instances; its fix only when all instances want the same edit', async () => {
    const mod = hcl('resource "aws_kinesis_stream" "this" {', '  name        = "x"', '  shard_count = 1', ...ENCRYPTED, '}');
    const call = (...names: string[]) => names.map((n) => hcl(`module "${n}" {`, '  source = "./mod"', '}')).join('');
    const load = (mib: number) => ({ write_mib_per_sec: mib });
    const same = await analyze({
      'main.tf': call('a', 'b'),
      'mod/main.tf': mod,
      '.kinesis-lint.json': JSON.stringify({ streams: { 'module.a.aws_kinesis_stream.this': load(3), 'module.b.aws_kinesis_stream.this': load(3) } }),
    });
    const [agreed, ...more] = same.of('undersized-shards');
    assert.equal(more.length, 0);
    assert.deepEqual(brief(agreed), ['undersized-shards', 'mod/main.tf', r(2, 16, 2, 17)]);
    assert.deepEqual(agreed.fixes[0].edits.map((e) => e.newText), ['4']);
    const differ = await analyze({
      'main.tf': call('a', 'b', 'c', 'd'),
      'mod/main.tf': mod,
      '.kinesis-lint.json': JSON.stringify({
        streams: Object.fromEntries(['a', 'b', 'c', 'd'].map((n, i) => [`module.${n}.aws_kinesis_stream.this`, load(3 + i)])),
      }),
    });
    const [merged, ...others] = differ.of('undersized-shards');
    assert.equal(others.length, 0);
    assert.deepEqual(merged.fixes, []);
    // They differ (4 to 7 shards): each instance's own message, not the first one's for all (issue #7, item 7).
    // The message is the first instance's with a count; the detail gives each instance's own words.
    assert.equal(merged.message, '1 shard, load needs 4 (write bytes at 300 %) (4 instances, figures differ)');
    const says = (n: string, shards: number, mib: number, steps: string) =>
      `module.${n}.aws_kinesis_stream.this: 1 shard, load needs ${shards} (write bytes at ${mib}00 %). At the 80 % target utilisation write bytes (${mib} MiB/s against 1 MiB/s per shard) sets the number: ${shards} shards; at 1 the peak uses ${mib}00 % of its write bytes capacity (AWS resizes at most ×2 or ÷2 per update: apply ${steps}).`;
    assert.equal(merged.detail, [says('a', 4, 3, '1 → 2 → 4'), says('b', 5, 4, '1 → 2 → 4 → 5'), says('c', 7, 5, '1 → 2 → 4 → 7'), '(1 more instance differs.)'].join('\n'));
  });

  it('findings come sorted by file, then position, then rule id', async () => {
    const none = (name: string) => stream(name, `  name            = "${name}"`, '  shard_count     = 1', '  encryption_type = "NONE"');
    const res = await analyze({ 'b.tf': none('b'), 'a.tf': '# kinesis-lint: foo=1\n' + none('a') });
    assert.deepEqual(res.findings.map(brief), [
      ['invalid-annotation', 'a.tf', r(0, 16, 0, 19)],
      ['throughput-undeclared', 'a.tf', r(1, 0, 1, 33)],
      ['missing-kms', 'a.tf', r(4, 20, 4, 26)],
      ['throughput-undeclared', 'b.tf', r(0, 0, 0, 33)],
      ['missing-kms', 'b.tf', r(3, 20, 3, 26)],
    ]);
  });

  it('lists every file read: .tf, variable files, the config', async () => {
    const res = await analyze({
      'main.tf': stream('s', '  name        = "s"', '  shard_count = var.n', ...ENCRYPTED) + hcl('variable "n" {}'),
      'terraform.tfvars': 'n = 1\n',
      'x.auto.tfvars.json': '{"n": 2}',
      'README.md': '# not read\n',
      '.kinesis-lint.json': '{}',
    });
    assert.deepEqual(res.analyses[0].files, ['/ws/main.tf', '/ws/terraform.tfvars', '/ws/x.auto.tfvars.json', '/ws/.kinesis-lint.json']);
    assert.equal(report(res, 'aws_kinesis_stream.s').shardCount, 2);
  });
});
