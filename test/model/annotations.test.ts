// `# kinesis-lint: key=value …` declares a stream's load: directly above the resource line (among other comments)
// or inside its block; several merge; config `streams` entries fill gaps, the annotation wins. Bad tokens are
// reported exactly where they are, and never stop the analysis.
import { strict as assert } from 'assert';
import { ENCRYPTED, analyze, briefs, hcl, r, report } from './kit';

const HEADER = 'resource "aws_kinesis_stream" "s" {';
const BODY = ['  name        = "s"', '  shard_count = 1', ...ENCRYPTED];

async function declared(text: string, config?: string) {
  const res = await analyze({ 'main.tf': text, ...(config ? { '.kinesis-lint.json': config } : {}) });
  return { res, s: report(res, 'aws_kinesis_stream.s') };
}

describe('model: throughput annotations', () => {
  it('above the resource line among other comments, # or //', async () => {
    const { s } = await declared(hcl('# Peak of last year', '// kinesis-lint: write_mib_per_sec=3 records_per_sec=2500 consumers=2', '# owner: data team', HEADER, ...BODY, '}'));
    assert.deepEqual(s.declared, { writeMiBPerSec: 3, recordsPerSec: 2500, consumers: 2 });
    assert.equal(s.requiredShards, 4);
    assert.deepEqual(s.consumers, { standard: 2, efo: 0 });
  });

  it('inside the block, merged with the one above; a later key wins', async () => {
    const { s } = await declared(
      hcl('# kinesis-lint: write_mib_per_sec=3', HEADER, '  # kinesis-lint: records_per_sec=2500', ...BODY, '  // kinesis-lint: write_mib_per_sec=0.5 efo_consumers=1', '}'),
    );
    assert.deepEqual(s.declared, { writeMiBPerSec: 0.5, recordsPerSec: 2500, efoConsumers: 1 });
  });

  it('not attached across a blank line or code', async () => {
    const blank = await declared(hcl('# kinesis-lint: write_mib_per_sec=3', '', HEADER, ...BODY, '}'));
    assert.equal(blank.s.declared, null);
    const code = await declared(hcl('# kinesis-lint: write_mib_per_sec=3', 'locals {}', HEADER, ...BODY, '}'));
    assert.equal(code.s.declared, null);
  });

  it('config streams keyed by address fill gaps; the annotation wins', async () => {
    const config = JSON.stringify({ streams: { 'aws_kinesis_stream.s': { write_mib_per_sec: 5, records_per_sec: 100 } } });
    const fromConfig = await declared(hcl(HEADER, ...BODY, '}'), config);
    assert.deepEqual(fromConfig.s.declared, { writeMiBPerSec: 5, recordsPerSec: 100 });
    assert.equal(fromConfig.s.requiredShards, 7);
    const both = await declared(hcl('# kinesis-lint: write_mib_per_sec=0.5', HEADER, ...BODY, '}'), config);
    assert.deepEqual(both.s.declared, { writeMiBPerSec: 0.5, recordsPerSec: 100 });
  });

  it('config streams keyed by a module address', async () => {
    const res = await analyze({
      'main.tf': hcl('module "m" {', '  source = "./mod"', '}'),
      'mod/main.tf': hcl(HEADER, ...BODY, '}'),
      '.kinesis-lint.json': JSON.stringify({ streams: { 'module.m.aws_kinesis_stream.s': { write_mib_per_sec: 5 } } }),
    });
    assert.deepEqual(report(res, 'module.m.aws_kinesis_stream.s').declared, { writeMiBPerSec: 5 });
    assert.deepEqual(briefs(res, 'undersized-shards'), [['undersized-shards', 'mod/main.tf', r(2, 16, 2, 17)]]);
  });

  it('invalid-annotation exactly on the bad token: unknown key, bad value, missing value', async () => {
    const line = '# kinesis-lint: writes=3 records_per_sec=abc consumers= consumers=1.5 avg_utilization=2 efo_consumers';
    const { res, s } = await declared(hcl(line, HEADER, ...BODY, '}'));
    assert.deepEqual(briefs(res, 'invalid-annotation'), [
      ['invalid-annotation', 'main.tf', r(0, 16, 0, 22)], // writes
      ['invalid-annotation', 'main.tf', r(0, 41, 0, 44)], // abc
      ['invalid-annotation', 'main.tf', r(0, 45, 0, 55)], // consumers=
      ['invalid-annotation', 'main.tf', r(0, 66, 0, 69)], // 1.5
      ['invalid-annotation', 'main.tf', r(0, 86, 0, 87)], // 2
      ['invalid-annotation', 'main.tf', r(0, 88, 0, 101)], // efo_consumers
    ]);
    assert.match(res.of('invalid-annotation')[0].message, /unknown annotation key "writes"/);
    assert.equal(s.declared, null);
  });

  it('the valid keys of a partly bad annotation still count', async () => {
    const { res, s } = await declared(hcl('# kinesis-lint: write_mib_per_sec=3 recrods_per_sec=10', HEADER, ...BODY, '}'));
    assert.deepEqual(s.declared, { writeMiBPerSec: 3 });
    const [bad] = res.of('invalid-annotation');
    assert.deepEqual(bad.range, r(0, 36, 0, 51));
    assert.match(bad.message, /did you mean "records_per_sec"/);
  });

  it('in a block comment, after multi-byte text, and in an annotation that belongs to no stream', async () => {
    const text = hcl('/* kinesis-lint: write_mib_per_sec=3 foo=1 */', HEADER, ...BODY, '}', '', '# kinesis-lint: é😀=1');
    const { res, s } = await declared(text);
    assert.deepEqual(s.declared, { writeMiBPerSec: 3 });
    assert.deepEqual(briefs(res, 'invalid-annotation'), [
      ['invalid-annotation', 'main.tf', r(0, 37, 0, 40)],
      ['invalid-annotation', 'main.tf', r(8, 16, 8, 19)], // é😀: 3 UTF-16 units
    ]);
  });
});
