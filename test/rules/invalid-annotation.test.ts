import { strict as assert } from 'assert';
import { analyze, hcl, r, rulesConfig } from './ruleKit';

const ID = 'invalid-annotation';
const KEYS = '(keys: write_mib_per_sec, records_per_sec, avg_record_kib, consumers, efo_consumers, avg_utilization, replay_gib_per_month, max_key_share)';

function annotated(annotation: string): string {
  return hcl([
    annotation,
    'resource "aws_kinesis_stream" "events" {',
    '  name        = "events"',
    '  shard_count = 2',
    '}',
  ]);
}

async function problems(annotation: string) {
  return (await analyze({ 'main.tf': annotated(annotation) })).of(ID).map((f) => ({ message: f.message, range: f.range }));
}

describe('rule invalid-annotation', () => {
  describe('fires on the offending key or value', () => {
    it('an unknown key (with the closest one) and a value that is not a number', async () => {
      assert.deepEqual(await problems('# kinesis-lint: write_mb_per_sec=3 consumers=two'), [
        {
          message: `Invalid kinesis-lint comment: unknown annotation key "write_mb_per_sec" — did you mean "write_mib_per_sec"? ${KEYS}.`,
          range: r(0, 16, 0, 32),
        },
        { message: 'Invalid kinesis-lint comment: "consumers" must be a number ≥ 0, not "two".', range: r(0, 45, 0, 48) },
      ]);
    });

    it('a value past what one stream can carry (AWS limits): the finding on the value, the bound written out, the load not used', async () => {
      const comment = '# kinesis-lint: records_per_sec=1e308 avg_record_kib=10241 efo_consumers=51 write_mib_per_sec=10240';
      assert.deepEqual(await problems(comment), [
        { message: 'Invalid kinesis-lint comment: "records_per_sec" must be between 0 and 10,000,000, not 1e308.', range: r(0, 32, 0, 37) },
        { message: 'Invalid kinesis-lint comment: "avg_record_kib" must be between 0 and 10,240, not 10241.', range: r(0, 53, 0, 58) },
        { message: 'Invalid kinesis-lint comment: "efo_consumers" must be between 0 and 50, not 51.', range: r(0, 73, 0, 75) },
      ]);
      // The bound itself is accepted; a value past it is not declared at all (nothing sized or priced from it).
      const stream = (await analyze({ 'main.tf': annotated(comment) })).streams[0];
      assert.deepEqual(stream.declared, { writeMiBPerSec: 10240 });
    });

    it('a 400-digit value: the message quotes 20 characters of it, not all 400', async () => {
      const digits = '9'.repeat(400);
      const [p] = await problems(`# kinesis-lint: consumers=${digits}`);
      assert.equal(p.message, `Invalid kinesis-lint comment: "consumers" must be between 0 and 1,000, not ${'9'.repeat(20)}….`);
      assert.deepEqual(p.range, r(0, 26, 0, 426));
    });

    it('a negative number, a fraction of a consumer, a utilisation above 1', async () => {
      assert.deepEqual(await problems('# kinesis-lint: write_mib_per_sec=-1 efo_consumers=1.5 avg_utilization=1.5'), [
        { message: 'Invalid kinesis-lint comment: "write_mib_per_sec" must be a number ≥ 0, not "-1".', range: r(0, 34, 0, 36) },
        { message: 'Invalid kinesis-lint comment: "efo_consumers" must be a whole number, not 1.5.', range: r(0, 51, 0, 54) },
        { message: 'Invalid kinesis-lint comment: "avg_utilization" must be between 0 and 1, not 1.5.', range: r(0, 71, 0, 74) },
      ]);
    });

    it('max_key_share: above 0 and at most 1 (0 is no busiest key); a valid one is declared', async () => {
      // "# kinesis-lint: max_key_share=" is 30 characters: the first value is at 30, the second at 32 + 14 = 46.
      assert.deepEqual(await problems('# kinesis-lint: max_key_share=0 max_key_share=1.5'), [
        { message: 'Invalid kinesis-lint comment: "max_key_share" must be above 0 and at most 1, not 0.', range: r(0, 30, 0, 31) },
        { message: 'Invalid kinesis-lint comment: "max_key_share" must be above 0 and at most 1, not 1.5.', range: r(0, 46, 0, 49) },
      ]);
      const stream = (await analyze({ 'main.tf': annotated('# kinesis-lint: write_mib_per_sec=1 max_key_share=0.25') })).streams[0];
      assert.deepEqual(stream.declared, { writeMiBPerSec: 1, maxKeyShare: 0.25 });
    });

    it('a key without a value, and a key given twice', async () => {
      assert.deepEqual(await problems('# kinesis-lint: consumers records_per_sec=10 records_per_sec=20'), [
        { message: 'Invalid kinesis-lint comment: "consumers" needs a value, e.g. consumers=2.', range: r(0, 16, 0, 25) },
        { message: 'Invalid kinesis-lint comment: "records_per_sec" is given twice; the last value is used.', range: r(0, 45, 0, 63) },
      ]);
    });

    it('an unknown rule id in an ignore comment', async () => {
      const res = await analyze({ 'main.tf': annotated('# kinesis-lint-ignore: missing-kmss, aws-managed-kms-key reason') });
      assert.deepEqual(res.of(ID).map((f) => [f.message, f.range]), [
        ['Invalid kinesis-lint comment: unknown rule "missing-kmss" in a kinesis-lint-ignore comment.', r(0, 23, 0, 35)],
      ]);
      assert.equal(res.of(ID)[0].severity, 'warning');
    });

    it('inside the block and in a comment attached to no stream', async () => {
      const main = hcl(['# kinesis-lint: consumer=1', '', 'resource "aws_kinesis_stream" "events" {', '  # kinesis-lint: records=5', '  name = "events"', '}']);
      const found = (await analyze({ 'main.tf': main })).of(ID);
      assert.deepEqual(found.map((f) => f.range), [r(0, 16, 0, 24), r(3, 18, 3, 25)]);
      assert.match(found[0].message, /unknown annotation key "consumer" — did you mean "consumers"\?/);
    });

    it('the valid pairs of a bad annotation still apply', async () => {
      const res = await analyze({ 'main.tf': annotated('# kinesis-lint: write_mib_per_sec=3 consumers=two') });
      assert.equal(res.of(ID).length, 1);
      assert.deepEqual(res.of('throughput-undeclared'), []);
      assert.match(res.of('undersized-shards')[0].message, /load needs 4\b/);
    });
  });

  describe('stays silent', () => {
    it('on valid annotations and on comments that merely mention kinesis-lint', async () => {
      assert.deepEqual(await problems('# kinesis-lint: write_mib_per_sec=3 records_per_sec=2500 avg_record_kib=1.2 consumers=2 efo_consumers=1 avg_utilization=0.5'), []);
      assert.deepEqual(await problems('# kinesis-lint checks this stream'), []);
      assert.deepEqual(await problems('// kinesis-lint: consumers=2, records_per_sec=5'), []);
    });
  });

  describe('configuration and suppression', () => {
    it('severity "error" from the config; "off" disables it', async () => {
      const bad = { 'main.tf': annotated('# kinesis-lint: write_mb_per_sec=3') };
      const err = (await analyze({ ...bad, '.kinesis-lint.json': rulesConfig({ [ID]: 'error' }) })).of(ID);
      assert.deepEqual(err.map((f) => f.severity), ['error']);
      assert.deepEqual((await analyze({ ...bad, '.kinesis-lint.json': rulesConfig({ [ID]: 'off' }) })).of(ID), []);
    });

    it('an ignore-file comment silences it', async () => {
      const main = `# kinesis-lint-ignore-file: ${ID}\n\n${annotated('# kinesis-lint: write_mb_per_sec=3')}`;
      assert.deepEqual((await analyze({ 'main.tf': main })).of(ID), []);
    });
  });
});
