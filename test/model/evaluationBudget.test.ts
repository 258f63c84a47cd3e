// The reproduction of issue #9 item 5: locals that double a list with concat, line after line. 24 lines took 854 MB
// and 8-16 s, 40 lines 4.1 GB. Now the value past the element limit is Unknown, so is everything built from it, and
// the stream that reads it says why; the work done is bounded by the budget, whatever the number of lines.
import { strict as assert } from 'assert';
import { analyze, hcl, report } from './kit';
import { ROOT, abs, sharedParser } from '../support/analyze';
import { memoryHost } from '../support/memoryHost';
import { loadModuleSource } from '../../server/src/core/model/moduleSource';
import { instantiateTree } from '../../server/src/core/model/moduleTree';
import { MAX_VALUE_ELEMENTS } from '../../server/src/core/expr/limits';
import { Unknown } from '../../server/src/core/expr/values';

function doubling(lines: number, ...shardCounts: [string, string][]): string {
  const locals = ['locals {', '  x0 = ["a"]'];
  for (let i = 1; i <= lines; i++) locals.push(`  x${i} = concat(local.x${i - 1}, local.x${i - 1})`);
  const streams = shardCounts.map(([name, expr]) =>
    hcl(`resource "aws_kinesis_stream" "${name}" {`, `  name            = "${name}"`, `  shard_count     = ${expr}`, '  encryption_type = "KMS"', '  kms_key_id      = "alias/k"', '}'),
  );
  return hcl(...locals, '}') + streams.join('');
}

const TOO_MANY = "shard_count: the value has more than 100,000 elements (kinesis-lint's evaluation limit)";

describe('model: the evaluation budget on a concat-doubling chain of locals', () => {
  for (const lines of [24, 40]) {
    it(`${lines} lines: the stream reading the last local has an unknown shard count with the reason, and no finding about it`, async () => {
      const res = await analyze({ 'main.tf': doubling(lines, ['big', `length(local.x${lines})`], ['small', 'length(local.x10)']) });
      const big = report(res, 'aws_kinesis_stream.big');
      assert.equal(big.shardCount, null);
      assert.deepEqual(big.unknowns.filter((u) => u.what === 'shard-count').map((u) => u.why), [TOO_MANY]);
      assert.deepEqual(res.findings.filter((f) => f.resource === 'aws_kinesis_stream.big' && /shard/.test(f.ruleId)).map((f) => f.ruleId), []);
      // The known case beside it: 2^10 elements are well inside the limit.
      assert.equal(report(res, 'aws_kinesis_stream.small').shardCount, 1024);
    });
  }

  it('the work is bounded: the 40th local is Unknown after fewer than twice the per-value limit of elements were built', async () => {
    const host = memoryHost({ [abs('main.tf')]: doubling(40, ['big', 'length(local.x40)']) });
    const root = (await loadModuleSource(ROOT, host, sharedParser(), { withTfvars: true }))!;
    const [module] = await instantiateTree(root, { load: async () => undefined });
    const x40 = module.local('x40').value;
    assert.ok(x40 instanceof Unknown);
    assert.match(x40.reason, /more than 100,000 elements/);
    // x1 … x16 fit (2 + 4 + … + 65,536 elements); x17 (131,072) is measured only until it passes the limit.
    assert.equal(module.evalBudget.used.elements, 2 ** 17 - 2);
    assert.ok(module.evalBudget.used.elements < 2 * MAX_VALUE_ELEMENTS);
  });
});
