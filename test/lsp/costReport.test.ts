// The report's paths and order without a server: relative to the file's workspace folder, after the folder's name
// when there are several; most expensive first, lower bounds by their known part, unknown last.
import { strict as assert } from 'assert';
import { byCost, costReport, displayPath } from '../../server/src/lsp/render/costReport';
import { abs, analyze } from '../support/analyze';

const stream = (name: string, shards: string) =>
  [`resource "aws_kinesis_stream" "${name}" {`, `  name        = "${name}"`, `  shard_count = ${shards}`, '}', ''].join('\n');

describe('cost report paths and order', () => {
  it('one folder: relative paths; several: the folder name first (the deepest folder holding the file); outside: absolute', () => {
    const one = [{ path: '/ws', name: 'ws' }];
    assert.equal(displayPath('/ws/modules/kin/main.tf', one), 'modules/kin/main.tf');
    const two = [{ path: '/ws', name: 'all' }, { path: '/ws/infra', name: 'infra' }, { path: '/data', name: 'data' }];
    assert.equal(displayPath('/ws/infra/main.tf', two), 'infra/main.tf');
    assert.equal(displayPath('/ws/other/main.tf', two), 'all/other/main.tf');
    assert.equal(displayPath('/data/modules/kin/main.tf', two), 'data/modules/kin/main.tf');
    // A sibling whose name starts like a folder's is not inside it.
    assert.equal(displayPath('/database/main.tf', two), '/database/main.tf');
  });

  it('sorts exact and lower-bound totals by amount, highest first; unknown last; ties by address', () => {
    const rows = [
      { resource: 'd', monthlyCost: null },
      { resource: 'c', monthlyCost: 10 },
      { resource: 'b', monthlyCost: { atLeast: 20 } },
      { resource: 'a', monthlyCost: null },
      { resource: 'e', monthlyCost: 10 },
    ];
    assert.deepEqual([...rows].sort(byCost).map((r) => r.resource), ['b', 'c', 'e', 'a', 'd']);
  });

  it('two roots in a multi-root workspace: each row names its folder', async () => {
    const res = await analyze({ 'infra/main.tf': stream('big', '4'), 'data/main.tf': stream('small', '1') + stream('blank', 'var.nope') + 'variable "nope" {}\n' }, { dirs: ['infra', 'data'] });
    const report = costReport(res.analyses, [{ path: abs('infra'), name: 'infra' }, { path: abs('data'), name: 'data' }]);
    assert.deepEqual(report.rows.map((r) => [r.resource, r.at.label, r.cost]), [
      ['aws_kinesis_stream.big', 'infra/main.tf:1', '$43.80 + usage'],
      ['aws_kinesis_stream.small', 'data/main.tf:1', '$10.95 + usage'],
      ['aws_kinesis_stream.blank', 'data/main.tf:5', 'cost unknown: shard_count not resolved, no load declared'],
    ]);
    assert.ok(report.markdown.includes('| `aws_kinesis_stream.big` | [infra/main.tf:1](file:///ws/infra/main.tf#L1) | 4 shards | $43.80 + usage | 2 |'), report.markdown);
  });
});
