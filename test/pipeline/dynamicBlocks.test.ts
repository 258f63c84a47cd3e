// Dynamic blocks through the whole pipeline (docs/dynamic-blocks.md): the mode a `dynamic "stream_mode_details"`
// generates, a Firehose's `dynamic "kinesis_source_configuration"` reader, silence when for_each is unknown, where
// findings go, and that no fix edits a dynamic block or adds what it decides.
import { strict as assert } from 'assert';
import { analyzeAndFix } from '../../server/src/cli/fix/fixLoop';
import type { FixFiles } from '../../server/src/cli/fix/fixFiles';
import { ENCRYPTED, abs, analyze, hcl, r, report, stream } from '../model/kit';
import { applyFix, one } from '../rules/ruleKit';
import { UNKNOWN_MODE_NOTE } from '../../server/src/core/pricing/unknownMode';

/** The issue's stream, encrypted so that no other rule has a fix to offer. */
const ISSUE = stream(
  's',
  '  name            = "x"',
  ...ENCRYPTED,
  '  dynamic "stream_mode_details" {',
  '    for_each = ["ON_DEMAND"]',
  '    content { stream_mode = stream_mode_details.value }',
  '  }',
);

/** A variable without a value makes the for_each unknown. */
const UNKNOWN_MODE =
  hcl('variable "mode" {}', '# kinesis-lint: write_mib_per_sec=2 records_per_sec=2048') +
  stream(
    's',
    '  name            = "x"',
    '  shard_count     = 2',
    ...ENCRYPTED,
    '  dynamic "stream_mode_details" {',
    '    for_each = var.mode != null ? [true] : []',
    '    content {',
    '      stream_mode = var.mode',
    '    }',
    '  }',
  );

/** Runs the CLI's --fix loop on in-memory files: the text after every pass. */
async function cliFix(files: Record<string, string>) {
  const texts = new Map(Object.entries(files).map(([k, v]) => [abs(k), v]));
  const io: FixFiles = {
    async read(file) {
      const text = texts.get(file);
      return text === undefined ? { error: `no ${file}` } : { text };
    },
    async write(file, text) {
      texts.set(file, text);
    },
  };
  const rel = () => Object.fromEntries(Object.keys(files).map((k) => [k, texts.get(abs(k))!]));
  const outcome = await analyzeAndFix(async () => (await analyze(rel())).analyses, io);
  return { outcome, files: rel() };
}

function firehose(...source: string[]): string {
  return hcl(
    'resource "aws_kinesis_firehose_delivery_stream" "f" {',
    '  name        = "f"',
    '  destination = "extended_s3"',
    ...source,
    '}',
  );
}

describe('pipeline: dynamic blocks', () => {
  describe('the mode a dynamic stream_mode_details generates', () => {
    it("the issue's example is ON_DEMAND: no shard-count-mode-conflict, priced as on-demand", async () => {
      const res = await analyze({ 'main.tf': ISSUE });
      assert.deepEqual(res.of('shard-count-mode-conflict'), []);
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.mode, 'ON_DEMAND');
      assert.equal(s.shardCount, null);
      // 730 stream-hours × $0.04 (us-east-1); data ingested is usage (no load declared).
      const hours = s.estimate.components.find((c) => c.id === 'on-demand-stream-hours');
      assert.equal(hours?.quantity, 730);
      assert.equal(hours?.monthlyUsd, 730 * 0.04);
    });

    it('--fix inserts nothing (it used to add shard_count = 1, which terraform plan rejects)', async () => {
      const { outcome, files } = await cliFix({ 'main.tf': ISSUE });
      assert.equal(outcome.fixesApplied, 0);
      assert.equal(files['main.tf'], ISSUE);
    });

    it('an unknown for_each: mode unknown, nothing priced (not even the literal shard_count), no finding, no fix', async () => {
      const res = await analyze({ 'main.tf': UNKNOWN_MODE });
      assert.deepEqual(res.findings.map((f) => f.ruleId), []);
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.mode, null);
      assert.equal(s.shardCount, null);
      assert.equal(s.estimate.partial, true);
      // No line at all: the lines themselves depend on the mode.
      assert.deepEqual(s.estimate.components, []);
      assert.deepEqual(s.estimate.assumptions, [UNKNOWN_MODE_NOTE]);
      const { outcome, files } = await cliFix({ 'main.tf': UNKNOWN_MODE });
      assert.equal(outcome.fixesApplied, 0);
      assert.equal(files['main.tf'], UNKNOWN_MODE);
    });

    it('…while the same stream with the variable set is checked: ON_DEMAND with shard_count is an error', async () => {
      const res = await analyze({ 'main.tf': UNKNOWN_MODE, 'terraform.tfvars': 'mode = "ON_DEMAND"\n' });
      // shard_count = 2 on line 4, after the variable, the annotation, the header and name.
      assert.deepEqual(res.of('shard-count-mode-conflict').map((f) => f.range), [r(4, 20, 4, 21)]);
      assert.equal(report(res, 'aws_kinesis_stream.s').mode, 'ON_DEMAND');
    });

    it('removing shard_count is still offered: a literal of the stream, not of the dynamic block', async () => {
      const files = { 'main.tf': UNKNOWN_MODE, 'terraform.tfvars': 'mode = "ON_DEMAND"\n' };
      const { files: fixed } = await applyFix(files, 'shard-count-mode-conflict');
      assert.equal(fixed['main.tf'], UNKNOWN_MODE.replace('  shard_count     = 2\n', ''));
    });

    it('a for_each that generates no block is PROVISIONED: the missing shard_count is an error on the header, with no fix', async () => {
      const text = stream('s', '  name = "x"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = []', '    content {', '      stream_mode = "ON_DEMAND"', '    }', '  }');
      const f = one(await analyze({ 'main.tf': text }), 'shard-count-mode-conflict');
      assert.deepEqual(f.range, r(0, 0, 0, 33));
      assert.equal(f.message, 'No shard_count, which PROVISIONED mode requires');
      assert.equal(f.detail, 'The stream is PROVISIONED (its dynamic "stream_mode_details" block generates no block) but has no shard_count, which provisioned mode requires.');
      assert.deepEqual(f.fixes, []);
    });

    it('a published module pattern (for_each = var.stream_mode != null ? ["true"] : []) per module call', async () => {
      const mod =
        hcl('variable "stream_mode" {', '  default = null', '}', 'variable "shard_count" {', '  default = 1', '}') +
        stream(
          's',
          '  name            = "s"',
          '  shard_count     = var.stream_mode != "ON_DEMAND" ? var.shard_count : null',
          ...ENCRYPTED,
          '  dynamic "stream_mode_details" {',
          '    for_each = var.stream_mode != null ? ["true"] : []',
          '    content {',
          '      stream_mode = var.stream_mode',
          '    }',
          '  }',
        );
      const main = hcl('module "a" {', '  source      = "./kinesis"', '  stream_mode = "ON_DEMAND"', '}', 'module "b" {', '  source = "./kinesis"', '}');
      const res = await analyze({ 'main.tf': main, 'kinesis/main.tf': mod });
      assert.deepEqual(res.of('shard-count-mode-conflict'), []);
      const [a, b] = [report(res, 'module.a.aws_kinesis_stream.s'), report(res, 'module.b.aws_kinesis_stream.s')];
      assert.deepEqual([a.mode, a.shardCount], ['ON_DEMAND', null]);
      assert.deepEqual([b.mode, b.shardCount], ['PROVISIONED', 1]);
    });

    it("each stream instance expands its own block (for_each over each.value)", async () => {
      const text = stream(
        's',
        '  for_each        = { orders = "ON_DEMAND", clicks = null }',
        '  name            = each.key',
        '  shard_count     = each.value == null ? 1 : null',
        ...ENCRYPTED,
        '  dynamic "stream_mode_details" {',
        '    for_each = each.value != null ? [each.value] : []',
        '    content {',
        '      stream_mode = stream_mode_details.value',
        '    }',
        '  }',
      );
      const res = await analyze({ 'main.tf': text });
      assert.deepEqual(res.of('shard-count-mode-conflict'), []);
      const s = report(res, 'aws_kinesis_stream.s');
      assert.equal(s.mode, null, 'the instances differ');
      const quantity = (id: string) => s.estimate.components.find((c) => c.id === id)?.quantity;
      assert.deepEqual([quantity('shard-hours'), quantity('on-demand-stream-hours')], [730, 730]);
    });
  });

  describe('half-typed dynamic blocks', () => {
    const cases: [string, string[]][] = [
      ['no for_each yet', ['  dynamic "stream_mode_details" {', '    content {', '      stream_mode = "ON_DEMAND"', '    }', '  }']],
      ['for_each without a value', ['  dynamic "stream_mode_details" {', '    for_each =', '    content {}', '  }']],
      ['no label', ['  dynamic {', '    for_each = [1]', '    content {}', '  }']],
      ['unclosed', ['  dynamic "stream_mode_details" {', '    for_each = ["ON_DEMAND"]', '    content {']],
    ];
    for (const [name, lines] of cases) {
      it(`${name}: no crash, and no mode finding or fix`, async () => {
        const res = await analyze({ 'main.tf': stream('s', '  name = "x"', ...ENCRYPTED, ...lines) });
        assert.deepEqual(res.findings.filter((f) => f.ruleId === 'shard-count-mode-conflict' || f.ruleId === 'capacity-mode-cost'), []);
        assert.equal(report(res, 'aws_kinesis_stream.s').mode, null);
      });
    }
  });

  describe('where a finding about a generated value goes', () => {
    it('the for_each literal when the value is the iterator', async () => {
      const text = stream('s', '  name = "x"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = ["ON_DEMAN"]', '    content {', '      stream_mode = stream_mode_details.value', '    }', '  }');
      const f = one(await analyze({ 'main.tf': text }), 'invalid-argument');
      assert.deepEqual(f.range, r(5, 15, 5, 27));
      assert.match(f.message, /^stream_mode = "ON_DEMAN" is invalid \(did you mean "ON_DEMAND"\?\)/);
    });

    it('the content attribute when it is written there', async () => {
      const text = stream('s', '  name = "x"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = [1]', '    content {', '      stream_mode = "ON_DEMAN"', '    }', '  }');
      assert.deepEqual(one(await analyze({ 'main.tf': text }), 'invalid-argument').range, r(7, 20, 7, 30));
    });

    it("the module caller's argument when an input decided it", async () => {
      const mod =
        hcl('variable "modes" {}') +
        stream('s', '  name = "x"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = var.modes', '    iterator = m', '    content {', '      stream_mode = m.value', '    }', '  }');
      const main = hcl('module "k" {', '  source = "./k"', '  modes  = ["ON_DEMAN"]', '}');
      const f = one(await analyze({ 'main.tf': main, 'k/main.tf': mod }), 'invalid-argument');
      assert.equal(f.file, abs('main.tf'));
      assert.deepEqual(f.range, r(2, 11, 2, 23));
    });
  });

  describe('capacity-mode-cost: the finding, never a fix', () => {
    // The load of rules/capacity-mode-cost.test.ts STEADY: $70.53/month provisioned (3 shards) vs $337.17 on-demand.
    const LOAD = '# kinesis-lint: write_mib_per_sec=2 records_per_sec=2048 consumers=1 avg_utilization=0.5';

    it('ON_DEMAND from the iterator: at the for_each, no fix', async () => {
      const text = hcl(LOAD) + stream('metrics', '  name = "metrics"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = ["ON_DEMAND"]', '    content {', '      stream_mode = stream_mode_details.value', '    }', '  }');
      const f = one(await analyze({ 'main.tf': text }), 'capacity-mode-cost');
      assert.deepEqual(f.range, r(6, 15, 6, 28));
      assert.match(f.detail!, /\$70\.53\/month provisioned with 3 shards instead of \$337\.17\/month on-demand/);
      assert.deepEqual(f.fixes, []);
    });

    it('PROVISIONED from a content literal: no switch fix (it would replace shard_count by a second stream_mode_details)', async () => {
      // rules/capacity-mode-cost.test.ts SPIKY: 10 shards, $112.44 provisioned vs $45.24 on-demand.
      const text =
        hcl('# kinesis-lint: records_per_sec=8000 avg_record_kib=1 avg_utilization=0.01 consumers=0') +
        stream('spiky', '  name        = "spiky"', '  shard_count = 10', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = [1]', '    content {', '      stream_mode = "PROVISIONED"', '    }', '  }');
      const f = one(await analyze({ 'main.tf': text }), 'capacity-mode-cost');
      assert.deepEqual(f.range, r(9, 20, 9, 33));
      assert.deepEqual(f.fixes, []);
    });

    it('an unknown for_each: silent', async () => {
      const text = hcl('variable "on" {}', LOAD) + stream('metrics', '  name = "metrics"', ...ENCRYPTED, '  dynamic "stream_mode_details" {', '    for_each = var.on ? ["ON_DEMAND"] : []', '    content {', '      stream_mode = stream_mode_details.value', '    }', '  }');
      assert.deepEqual((await analyze({ 'main.tf': text })).of('capacity-mode-cost'), []);
    });
  });

  describe('rules whose amounts depend on the mode, with the mode unknown', () => {
    const modeStream = (forEach: string, ...extra: string[]) =>
      hcl('variable "on" {}') +
      stream('s', '  name             = "s"', ...extra, ...ENCRYPTED, '  dynamic "stream_mode_details" {', `    for_each = ${forEach}`, '    content {', '      stream_mode = stream_mode_details.value', '    }', '  }');

    it('long-term-retention-cost: fires when the mode is known, silent when not (its amounts are priced by mode)', async () => {
      const known = await analyze({ 'main.tf': modeStream('["ON_DEMAND"]', '  retention_period = 720') });
      assert.deepEqual(known.of('long-term-retention-cost').map((f) => f.range), [r(3, 21, 3, 24)]);
      const unknown = await analyze({ 'main.tf': modeStream('var.on ? ["ON_DEMAND"] : []', '  retention_period = 720') });
      assert.deepEqual(unknown.of('long-term-retention-cost'), []);
    });

    it('efo-recommended: the readers are known, the cost of EFO is not: no amount (never $0.00)', async () => {
      const esm = (n: string) => hcl(`resource "aws_lambda_event_source_mapping" "${n}" {`, '  event_source_arn = aws_kinesis_stream.s.arn', '  function_name    = "f"', '}');
      const files = (forEach: string) => ({ 'main.tf': modeStream(forEach) + esm('a') + esm('b') + esm('c') });
      const known = one(await analyze(files('["ON_DEMAND"]')), 'efo-recommended');
      assert.match(known.detail!, /per shard for about \$/);
      const unknown = one(await analyze(files('var.on ? ["ON_DEMAND"] : []')), 'efo-recommended');
      assert.match(unknown.detail!, /per shard \(its cost depends on the capacity mode, which is unknown\)\.$/);
      assert.doesNotMatch(`${unknown.message} ${unknown.detail}`, /\$/);
    });
  });

  describe('a Firehose with a dynamic kinesis_source_configuration', () => {
    const S = stream('s', '  name        = "s"', '  shard_count = 1', ...ENCRYPTED);
    const source = (forEach: string, arn: string) => [
      '  dynamic "kinesis_source_configuration" {',
      `    for_each = ${forEach}`,
      '    content {',
      `      kinesis_stream_arn = ${arn}`,
      '      role_arn           = "arn:aws:iam::123456789012:role/r"',
      '    }',
      '  }',
    ];

    it('is a reader of the stream (the ARN in content, or as the iterator value)', async () => {
      for (const [forEach, arn] of [['[1]', 'aws_kinesis_stream.s.arn'], ['[aws_kinesis_stream.s.arn]', 'kinesis_source_configuration.value']]) {
        const res = await analyze({ 'main.tf': S + firehose(...source(forEach, arn)) });
        assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 1, efo: 0 }, forEach);
        assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumerLinks.map((c) => c.address), ['aws_kinesis_firehose_delivery_stream.f']);
      }
    });

    it('is no reader when for_each is empty', async () => {
      const res = await analyze({ 'main.tf': S + firehose(...source('[]', 'aws_kinesis_stream.s.arn')) });
      assert.deepEqual(report(res, 'aws_kinesis_stream.s').consumers, { standard: 0, efo: 0 });
    });

    it('with an unknown for_each the reader count is a lower bound: oversized-shards stays silent', async () => {
      // 10 shards for 1 MiB/s: oversized unless an unseen reader needs the read capacity.
      const big = hcl('variable "on" {}', '# kinesis-lint: write_mib_per_sec=1 records_per_sec=100') + stream('s', '  name        = "s"', '  shard_count = 10', ...ENCRYPTED);
      const known = await analyze({ 'main.tf': big + firehose(...source('[]', 'aws_kinesis_stream.s.arn')) });
      assert.equal(known.of('oversized-shards').length, 1);
      const unknown = await analyze({ 'main.tf': big + firehose(...source('var.on ? [1] : []', 'aws_kinesis_stream.s.arn')) });
      assert.deepEqual(unknown.of('oversized-shards'), []);
      assert.deepEqual(report(unknown, 'aws_kinesis_stream.s').consumers, { standard: { atLeast: 0 }, efo: { atLeast: 0 } });
    });
  });
});
