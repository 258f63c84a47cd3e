import { strict as assert } from 'assert';
import { analyze, applyFix, assertFmtKeptClean, hcl, one, r, rulesConfig, assertFixKeepsStyle } from './ruleKit';

const ID = 'undersized-shards';

function stream(annotation: string, shards: string, name = 'events'): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    `resource "aws_kinesis_stream" "${name}" {`,
    `  name            = "${name}"`,
    `  shard_count     = ${shards}`,
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}

// Shared reads bind: 3 MiB/s × 3 standard consumers = 9 MiB/s; ceil(9 / (2 × 0.8)) = 6 shards. Write bytes need
// ceil(3 / 0.8) = 4 and records ceil(1,500 / 800) = 2.
const SHARED_READS = stream('write_mib_per_sec=3 records_per_sec=1500 consumers=3', '2');
const SHARED_READS_FIXED = SHARED_READS.replace('shard_count     = 2', 'shard_count     = 6');

describe('rule undersized-shards', () => {
  describe('fires', () => {
    it('a long resize plan is shown by its ends (not 13 steps), the fix writes the plain number', async () => {
      // records ceil(5,000,000 / 800) = 6,250 shards from 1: 13 doublings.
      const text = stream('records_per_sec=5000000 avg_record_kib=0.1', '1');
      const f = one(await analyze({ 'main.tf': text }), ID);
      assert.equal(f.message, '1 shard, load needs 6250 (write records at more than 1,000 %)');
      assert.match(f.detail!, /\(AWS resizes at most ×2 or ÷2 per update: apply 1 → 2 → 4 → 8 → … → 4096 → 6250, 13 updates\)\.$/);
      assert.equal((await applyFix({ 'main.tf': text }, ID)).files['main.tf'], text.replace('shard_count     = 1', 'shard_count     = 6250'));
    });

    it('past UpdateShardCount\'s 10,000 shards per stream (annotation bounds allow it): said so, no fix', async () => {
      // Shared reads: 10,240 MiB/s × 1,000 consumers = 10,240,000 MiB/s; / (2 × 0.8) = 6,400,000 shards.
      const f = one(await analyze({ 'main.tf': stream('write_mib_per_sec=10240 consumers=1000', '1') }), ID);
      assert.equal(f.message, 'Load needs more than 10,000 shards, more than one stream can have');
      assert.equal(f.detail, 'At the 80 % target utilisation, shared reads (10240000 MiB/s against 2 MiB/s per shard) sets the number; UpdateShardCount gives one stream at most 10,000 shards. Split the load or use ON_DEMAND.');
      assert.deepEqual(f.fixes, []);
      assert.ok(f.message.length < 300);
    });

    it('on the shard_count value, naming the binding limit and the peak utilisation', async () => {
      const f = one(await analyze({ 'main.tf': SHARED_READS }), ID);
      assert.equal(f.severity, 'warning');
      assert.deepEqual(f.range, r(3, 20, 3, 21));
      assert.equal(f.message, '2 shards, load needs 6 (shared reads at 225 %)');
      assert.equal(
        f.detail,
        'At the 80 % target utilisation shared reads (9 MiB/s against 2 MiB/s per shard) sets the number: 6 shards; ' +
          'at 2 the peak uses 225 % of its shared reads capacity (AWS resizes at most ×2 or ÷2 per update: apply 2 → 4 → 6).',
      );
    });

    it('when write records bind: ceil(2,500 / 800) = 4; peak 2,500 / 2,000 = 125 %', async () => {
      const f = one(await analyze({ 'main.tf': stream('write_mib_per_sec=0.5 records_per_sec=2500', '2') }), ID);
      assert.equal(f.message, '2 shards, load needs 4 (write records at 125 %)');
      assert.match(f.detail!, /write records \(2,500 records\/s against 1,000 records\/s per shard\) sets the number: 4 shards; at 2 the peak uses 125 % of its write records capacity\.$/);
    });

    it('when write bytes bind: ceil(3 / 0.8) = 4; peak 3 / 2 = 150 %', async () => {
      const f = one(await analyze({ 'main.tf': stream('write_mib_per_sec=3 consumers=0', '2') }), ID);
      assert.equal(f.message, '2 shards, load needs 4 (write bytes at 150 %)');
      assert.match(f.detail!, /write bytes \(3 MiB\/s against 1 MiB\/s per shard\) sets the number: 4 shards; at 2 the peak uses 150 % of its write bytes capacity\.$/);
    });

    it('counts Lambda readers found in Terraform: 4 × 1 MiB/s needs ceil(4 / 1.6) = 3 shards', async () => {
      const main = stream('write_mib_per_sec=1', '1') + hcl([
        '',
        'resource "aws_lambda_event_source_mapping" "reader" {',
        '  count             = 4',
        '  event_source_arn  = aws_kinesis_stream.events.arn',
        '  function_name     = "reader"',
        '  starting_position = "LATEST"',
        '}',
      ]);
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.equal(f.message, '1 shard, load needs 3 (shared reads at 200 %)');
      assert.match(f.detail!, /shared reads \(4 MiB\/s against 2 MiB\/s per shard\)/);
    });

    it('with the load declared in .kinesis-lint.json instead of an annotation', async () => {
      const config = JSON.stringify({ streams: { 'aws_kinesis_stream.events': { write_mib_per_sec: 3 } } });
      const f = one(await analyze({ 'main.tf': stream('', '2'), '.kinesis-lint.json': config }), ID);
      assert.deepEqual(f.range, r(2, 20, 2, 21));
      assert.match(f.message, /load needs 4\b/);
    });

    it('at the configured target_utilization: 1 MiB/s fits 1 shard at 100 % but needs 2 at 80 %', async () => {
      const main = stream('write_mib_per_sec=1 consumers=0', '1');
      assert.equal((await analyze({ 'main.tf': main })).of(ID).length, 1);
      const full = await analyze({ 'main.tf': main, '.kinesis-lint.json': JSON.stringify({ target_utilization: 1 }) });
      assert.deepEqual(full.of(ID), []);
    });

    it('once for count = 3, naming the 3 instances, with the fix kept', async () => {
      const main = SHARED_READS.replace('  name ', '  count           = 3\n  name ');
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(4, 20, 4, 21));
      assert.equal(f.message, '2 shards, load needs 6 (shared reads at 225 %) (3 instances)');
      assert.match(f.detail!, /Instances: aws_kinesis_stream\.events\[0\], aws_kinesis_stream\.events\[1\], aws_kinesis_stream\.events\[2\]\.$/);
      assert.equal(f.fixes.length, 1);
    });

    it('on the module caller\'s argument, whose literal the fix edits', async () => {
      const files = {
        'main.tf': hcl(['module "m" {', '  source = "./mod"', '  shards = 2', '}']),
        'mod/main.tf': hcl(['variable "shards" {', '  type    = number', '  default = 8', '}', '', stream('write_mib_per_sec=3 consumers=0', 'var.shards')]),
      };
      const f = one(await analyze(files), ID);
      assert.equal(f.file, '/ws/main.tf');
      assert.deepEqual(f.range, r(2, 11, 2, 12));
      assert.equal(f.fixes[0].title, 'Set shard_count = 4 in main.tf:3 (+$21.90/mo)');
      const { files: fixed } = await applyFix(files, ID);
      assert.equal(fixed['main.tf'], files['main.tf'].replace('shards = 2', 'shards = 4'));
      assert.equal(fixed['mod/main.tf'], files['mod/main.tf']);
    });
  });

  describe('stays silent', () => {
    it('when the shards suffice', async () => {
      assert.deepEqual((await analyze({ 'main.tf': SHARED_READS_FIXED })).of(ID), []);
    });

    it('without a declared load', async () => {
      assert.deepEqual((await analyze({ 'main.tf': stream('', '1') })).of(ID), []);
    });

    it('on an ON_DEMAND stream', async () => {
      const main = hcl([
        '# kinesis-lint: write_mib_per_sec=30',
        'resource "aws_kinesis_stream" "events" {',
        '  name = "events"',
        '',
        '  stream_mode_details {',
        '    stream_mode = "ON_DEMAND"',
        '  }',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when shard_count is a variable with no default', async () => {
      const main = stream('write_mib_per_sec=30', 'var.shards') + '\nvariable "shards" {\n  type = number\n}\n';
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when shard_count comes from a data source', async () => {
      const main = stream('write_mib_per_sec=30', 'data.external.sizing.result.shards');
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });

    it('when the number of readers is unknown (a reader with an unknown count): shared reads are not judged', async () => {
      const main = stream('write_mib_per_sec=1', '2') + hcl([
        '',
        'variable "readers" {',
        '  type = number',
        '}',
        '',
        'resource "aws_lambda_event_source_mapping" "reader" {',
        '  count             = var.readers',
        '  event_source_arn  = aws_kinesis_stream.events.arn',
        '  function_name     = "reader"',
        '  starting_position = "LATEST"',
        '}',
      ]);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });

  describe('fix', () => {
    it('sets shard_count to the required number', async () => {
      const f = one(await analyze({ 'main.tf': SHARED_READS }), ID);
      assert.equal(f.fixes[0].title, 'Set shard_count = 6 (+$43.80/mo)');
      assert.equal(f.fixes[0].preferred, true);
      const { files } = await applyFix({ 'main.tf': SHARED_READS }, ID);
      assert.equal(files['main.tf'], SHARED_READS_FIXED);
    });

    it('terraform fmt accepts the fixed file', function () {
      assertFmtKeptClean(this, SHARED_READS, SHARED_READS_FIXED);
    });

    it('edits the variable default that decides the value', async () => {
      const main = stream('write_mib_per_sec=3 consumers=0', 'var.shards') + '\nvariable "shards" {\n  default = 1\n}\n';
      const f = one(await analyze({ 'main.tf': main }), ID);
      assert.deepEqual(f.range, r(3, 20, 3, 30));
      assert.equal(f.fixes[0].title, 'Set shard_count = 4 in main.tf:10 (+$32.85/mo)');
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('default = 1', 'default = 4'));
    });

    it('offers none when no single literal decides the value', async () => {
      const f = one(await analyze({ 'main.tf': stream('write_mib_per_sec=3 consumers=0', '1 + 1') }), ID);
      assert.deepEqual(f.fixes, []);
    });

    it('in a one-line block', async () => {
      const main = '# kinesis-lint: write_mib_per_sec=3 consumers=0\nresource "aws_kinesis_stream" "x" { shard_count = 1 }\n';
      const { files } = await applyFix({ 'main.tf': main }, ID);
      assert.equal(files['main.tf'], main.replace('= 1', '= 4'));
    });

    it('keeps CRLF and tabs (it only replaces the number)', async () => {
      await assertFixKeepsStyle(ID, SHARED_READS, SHARED_READS_FIXED);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "error" from the config', async () => {
      const f = one(await analyze({ 'main.tf': SHARED_READS, '.kinesis-lint.json': rulesConfig({ [ID]: 'error' }) }), ID);
      assert.equal(f.severity, 'error');
    });

    it('"off" disables it', async () => {
      assert.deepEqual((await analyze({ 'main.tf': SHARED_READS, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore comment above shard_count silences it', async () => {
      const main = SHARED_READS.replace('  shard_count', `  # kinesis-lint-ignore: ${ID} load test only\n  shard_count`);
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
