import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig } from './ruleKit';

const ID = 'throughput-undeclared';

const STREAM = hcl([
  '# Order events, written by the checkout service.',
  'resource "aws_kinesis_stream" "orders" {',
  '  name            = "orders"',
  '  shard_count     = 2',
  '  encryption_type = "KMS"',
  '  kms_key_id      = "alias/my-key"',
  '}',
]);
// The template declares what 2 shards carry at the 80 % target: 1,600 records/s, of 1 KiB each (1,600 KiB/s).
const TEMPLATE = '# kinesis-lint: records_per_sec=1600 avg_record_kib=1 consumers=0';
const FIXED = STREAM.replace('resource', `${TEMPLATE}\nresource`);

describe('rule throughput-undeclared', () => {
  describe('fires', () => {
    it('on the header of a stream with no declared load', async () => {
      const f = one(await analyze({ 'main.tf': STREAM }), ID);
      assert.equal(f.severity, 'hint');
      assert.deepEqual(f.range, r(1, 0, 1, 38));
      assert.equal(f.message, 'No declared load: shard count and usage costs unchecked');
      assert.equal(
        f.detail,
        'Without the expected write rate and readers, shard sizing and usage costs cannot be checked. ' +
          'Add a "# kinesis-lint: records_per_sec=… avg_record_kib=…" comment above the block.',
      );
    });

    it('when the only comment above is not an annotation, or an annotation sits above another resource', async () => {
      const main = hcl(['# kinesis-lint: write_mib_per_sec=1', 'resource "aws_kinesis_stream" "a" {', '  name        = "a"', '  shard_count = 1', '}', '']) + STREAM;
      const found = (await analyze({ 'main.tf': main })).of(ID);
      assert.deepEqual(found.map((f) => f.resource), ['aws_kinesis_stream.orders']);
    });

    it('once for count = 3, naming the instances', async () => {
      const f = one(await analyze({ 'main.tf': STREAM.replace('  name ', '  count           = 3\n  name ') }), ID);
      assert.match(f.message, / \(3 instances\)$/);
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.orders\[0\], aws_kinesis_stream\.orders\[1\], aws_kinesis_stream\.orders\[2\]\.$/);
    });
  });

  describe('stays silent', () => {
    it('with an annotation above the resource or inside it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': FIXED })).of(ID), []);
      const inside = STREAM.replace('  name ', '  # kinesis-lint: records_per_sec=100\n  name ');
      assert.deepEqual((await analyze({ 'main.tf': inside })).of(ID), []);
    });

    it('with a streams entry in .kinesis-lint.json', async () => {
      const config = JSON.stringify({ streams: { 'aws_kinesis_stream.orders': { write_mib_per_sec: 1 } } });
      assert.deepEqual((await analyze({ 'main.tf': STREAM, '.kinesis-lint.json': config })).of(ID), []);
    });
  });

  describe('fix (an editor suggestion: the numbers must come from the user)', () => {
    it('inserts an annotation template above the resource line, which changes no other finding', async () => {
      const before = await analyze({ 'main.tf': STREAM });
      const f = one(before, ID);
      assert.equal(f.fixes[0].title, 'Declare expected throughput (kinesis-lint annotation)');
      assert.equal(f.fixes[0].isSuggestion, true);
      const { files, after } = await applyFix({ 'main.tf': STREAM }, ID);
      assert.equal(files['main.tf'], FIXED);
      const others = (res: typeof after) => res.findings.filter((x) => x.ruleId !== ID).map((x) => x.ruleId);
      assert.deepEqual(others(after), others(before));
      assert.deepEqual(after.of('undersized-shards'), []);
      assert.deepEqual(after.of('invalid-annotation'), []);
    });

    it('round-trips: the estimate after the fix uses 1 KiB records, with no rounding range (issue #8)', async () => {
      const onDemand = STREAM.replace('  shard_count     = 2\n', '  stream_mode_details {\n    stream_mode = "ON_DEMAND"\n  }\n');
      const { files } = await applyFix({ 'main.tf': onDemand }, ID);
      // On-demand has no shards: the template starts from one shard, 800 records/s of 1 KiB.
      assert.match(files['main.tf'], /^# kinesis-lint: records_per_sec=800 avg_record_kib=1 consumers=0$/m);
      const [s] = (await analyze(files)).streams;
      const ingest = s.estimate.components.find((c) => c.id === 'on-demand-data-ingested')!;
      // Hand calculation: 800 records/s × 2,628,000 s × 1,024 B / 2^30 = 2,005.0048828125 GB × $0.08
      assert.ok(Math.abs(ingest.quantity! - (800 * 2_628_000 * 1024) / 2 ** 30) < 1e-9, String(ingest.quantity));
      assert.ok(Math.abs(ingest.monthlyUsd! - 160.40039062) < 1e-6, String(ingest.monthlyUsd));
      assert.ok(s.estimate.assumptions.includes('Average record size 1 KiB.'));
      assert.ok(!s.estimate.assumptions.some((a) => a.startsWith('Data ingested: the average record size')));
      // The provisioned template (2 shards) gives 1 PUT unit per record: 1,600 × 2,628,000 / 10^6 million.
      const fixed = (await analyze({ 'main.tf': FIXED })).streams[0].estimate;
      assert.equal(fixed.components.find((c) => c.id === 'put-payload-units')!.quantity, 4204.8);
    });

    it('without a shard count, the template starts from one shard', async () => {
      const main = STREAM.replace('= 2', '= var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.fixes[0].edits[0].newText, '# kinesis-lint: records_per_sec=800 avg_record_kib=1 consumers=0\n');
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, STREAM, FIXED);
    });

    it('above a one-line block, with CRLF', async () => {
      const main = 'resource "aws_kinesis_stream" "x" { shard_count = 1 }\r\n';
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], `# kinesis-lint: records_per_sec=800 avg_record_kib=1 consumers=0\r\n${main}`);
    });

    it('in the module that declares the stream', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source = "./mod"', '}']),
        'mod/main.tf': STREAM,
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/mod/main.tf');
      const fixed = await applyFix(files, ID);
      assert.equal(fixed.files['mod/main.tf'], FIXED);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "info" from the config; "off" disables it', async () => {
      const info = one(await analyze({ 'main.tf': STREAM, '.kinesis-lint.json': rulesConfig({ [ID]: 'info' }) }), ID);
      assert.equal(info.severity, 'info');
      assert.deepEqual((await analyze({ 'main.tf': STREAM, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore-file comment silences it for the file', async () => {
      assert.deepEqual((await analyze({ 'main.tf': `# kinesis-lint-ignore-file: ${ID}\n\n${STREAM}` })).of(ID), []);
    });
  });
});
