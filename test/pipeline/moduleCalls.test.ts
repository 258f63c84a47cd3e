// The cost of what each module call creates (issue #10, defect 5): the streams under the call's address, summed as
// core/partial.ts does — exact, a lower bound when a module under it was not read, unknown when nothing is known.
import { strict as assert } from 'assert';
import { analyze } from '../support/analyze';
import type { Bound } from '../../server/src/core/partial';

// 100 records/s of 1 KiB: PUT units $3.68 a month, plus $10.95 per shard.
const KIN = [
  'variable "shards" {}',
  '',
  '# kinesis-lint: records_per_sec=100 avg_record_kib=1',
  'resource "aws_kinesis_stream" "s" {',
  '  name        = "s"',
  '  shard_count = var.shards',
  '}',
  '',
].join('\n');

const call = (name: string, source: string, ...lines: string[]) => [`module "${name}" {`, `  source = "${source}"`, ...lines, '}', ''].join('\n');

async function calls(files: Record<string, string>) {
  const res = await analyze({ ...files, 'modules/kin/main.tf': KIN });
  return res.analyses[0].moduleCalls!.map((c) => ({ address: c.address, caller: c.caller, file: c.file, line: c.range.start.line, streams: c.streams, cost: cents(c.monthlyCost), unread: c.unread }));
}

/** To the cent, as every surface shows it. */
function cents(b: Bound): Bound {
  if (b === null) return null;
  return typeof b === 'number' ? Math.round(b * 100) / 100 : { atLeast: Math.round(b.atLeast * 100) / 100 };
}

describe('module call costs', () => {
  it('known calls: the exact total of every instance; unknown count: unknown; a module not read: unknown', async () => {
    const main = [
      'variable "n" {}',
      call('small', './modules/kin', '  shards = 1'),
      call('many', './modules/kin', '  for_each = toset(["a", "b"])', '  shards   = 2'),
      call('counted', './modules/kin', '  count  = var.n', '  shards = 1'),
      call('remote', 'terraform-aws-modules/kinesis/aws', '  version = "1.0.0"'),
    ].join('\n');
    const got = await calls({ 'main.tf': main });
    assert.deepEqual(got.map((c) => [c.address, c.caller, c.line, c.streams, c.cost, c.unread]), [
      ['module.small', '', 1, ['module.small.aws_kinesis_stream.s'], 14.63, 0],
      ['module.many', '', 6, ['module.many["a"].aws_kinesis_stream.s', 'module.many["b"].aws_kinesis_stream.s'], 51.16, 0],
      ['module.counted', '', 12, ['module.counted.aws_kinesis_stream.s'], null, 0],
      ['module.remote', '', 18, [], null, 1],
    ]);
  });

  it('a call whose module holds a call that was not read: a lower bound; the inner call has its own report, with its caller', async () => {
    const outer = [call('inner', '../kin', '  shards = 1'), call('gone', 'git::https://example.com/x.git')].join('\n');
    const got = await calls({ 'main.tf': call('outer', './modules/outer'), 'modules/outer/main.tf': outer });
    assert.deepEqual(got.map((c) => [c.address, c.caller, c.file.endsWith('/modules/outer/main.tf') ? 'outer' : 'main', c.line, c.streams, c.cost, c.unread]), [
      ['module.outer', '', 'main', 0, ['module.outer.module.inner.aws_kinesis_stream.s'], { atLeast: 14.63 }, 1],
      ['module.outer.module.inner', 'module.outer', 'outer', 0, ['module.outer.module.inner.aws_kinesis_stream.s'], 14.63, 0],
      ['module.outer.module.gone', 'module.outer', 'outer', 5, [], null, 1],
    ]);
  });
});
