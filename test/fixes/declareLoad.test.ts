// core/fixes/declareLoad.ts: the annotation edit of "Declare load for this stream…". Each result is applied and
// re-analysed, so the test checks what kinesis-lint then reads, not only the text.
import { strict as assert } from 'assert';
import { declareLoad, loadValueProblem, type LoadInput } from '../../server/src/core/fixes/declareLoad';
import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import { parseSourceFile } from '../../server/src/core/syntax/sourceFile';
import { parseJsonSourceFile } from '../../server/src/core/syntax/terraformJson';
import { analyze, sharedParser } from '../support/analyze';

const LOAD: LoadInput = { write_mib_per_sec: 2.5, records_per_sec: 3000, consumers: 2 };

async function declare(text: string, line: number, character: number, load = LOAD) {
  const file = await parseSourceFile('/ws/main.tf', text, sharedParser());
  const result = declareLoad(file, { line, character }, load);
  return { result, text: result.ok ? applyEdits(text, result.edits) : undefined };
}

async function declaredLoad(text: string) {
  const { streams, of } = await analyze({ 'main.tf': text });
  return { declared: streams[0].declared, readers: streams[0].consumers.standard, invalid: of('invalid-annotation').length };
}

describe('core/fixes/declareLoad', () => {
  it('inserts the annotation above the resource line in its indentation, for a cursor anywhere in the block', async () => {
    const text = 'locals {}\n\n  resource "aws_kinesis_stream" "s" {\n    name        = "s"\n    shard_count = 1\n  }\n';
    for (const [line, character] of [[2, 2], [4, 10], [5, 3]]) {
      const { result, text: out } = await declare(text, line, character);
      assert.ok(result.ok);
      assert.equal(result.resource, 'aws_kinesis_stream.s');
      assert.equal(out, 'locals {}\n\n  # kinesis-lint: write_mib_per_sec=2.5 records_per_sec=3000 consumers=2\n  resource "aws_kinesis_stream" "s" {\n    name        = "s"\n    shard_count = 1\n  }\n');
    }
    const { declared, readers, invalid } = await declaredLoad((await declare(text, 3, 0)).text!);
    assert.equal(invalid, 0);
    assert.deepEqual([declared?.writeMiBPerSec, declared?.recordsPerSec, readers], [2.5, 3000, 2]);
  });

  it('keeps CRLF line endings', async () => {
    const text = 'resource "aws_kinesis_stream" "s" {\r\n  name = "s"\r\n}\r\n';
    assert.equal((await declare(text, 1, 0)).text, '# kinesis-lint: write_mib_per_sec=2.5 records_per_sec=3000 consumers=2\r\n' + text);
  });

  it('changes keys already declared where they are written (above or inside), adding only the others', async () => {
    const text = [
      '# Clickstream.',
      '# kinesis-lint: write_mib_per_sec=1 avg_record_kib=2',
      'resource "aws_kinesis_stream" "s" {',
      '  name = "s" # kinesis-lint: consumers=7',
      '}',
      '',
    ].join('\n');
    const { text: out } = await declare(text, 3, 2);
    assert.equal(out, [
      '# Clickstream.',
      '# kinesis-lint: write_mib_per_sec=2.5 avg_record_kib=2',
      '# kinesis-lint: records_per_sec=3000',
      'resource "aws_kinesis_stream" "s" {',
      '  name = "s" # kinesis-lint: consumers=2',
      '}',
      '',
    ].join('\n'));
    const { declared, readers, invalid } = await declaredLoad(out!);
    assert.equal(invalid, 0);
    assert.deepEqual([declared?.writeMiBPerSec, declared?.recordsPerSec, declared?.avgRecordKiB, readers], [2.5, 3000, 2, 2]);
  });

  it('replaces a bad or empty value of the same key, and leaves other streams and comments alone', async () => {
    const text = [
      '# kinesis-lint: consumers=9',
      'resource "aws_kinesis_stream" "other" {}',
      '',
      '// kinesis-lint: write_mib_per_sec=abc records_per_sec= consumers=1',
      'resource "aws_kinesis_stream" "s" {',
      '}',
    ].join('\n');
    const { text: out } = await declare(text, 5, 0);
    assert.equal(out, text.replace('write_mib_per_sec=abc records_per_sec= consumers=1', 'write_mib_per_sec=2.5 records_per_sec=3000 consumers=2'));
  });

  it('refuses outside a stream, in Terraform JSON, and for values the annotation would reject', async () => {
    const text = 'resource "aws_kinesis_stream" "s" {\n}\n\nresource "aws_sqs_queue" "q" {}\n';
    assert.deepEqual((await declare(text, 2, 0)).result, { ok: false, reason: 'Place the cursor inside an aws_kinesis_stream block.' });
    assert.equal((await declare(text, 3, 5)).result.ok, false);
    const json = parseJsonSourceFile('/ws/main.tf.json', '{"resource": {"aws_kinesis_stream": {"s": {"name": "s"}}}}');
    const refused = declareLoad(json, { line: 0, character: 40 }, LOAD);
    assert.equal(refused.ok, false);
    assert.match(!refused.ok ? refused.reason : '', /"streams" in \.kinesis-lint\.json/);
    const bad = await declare(text, 0, 3, { ...LOAD, consumers: 1.5 });
    assert.deepEqual(bad.result, { ok: false, reason: '"consumers" must be a whole number, not 1.5' });
    assert.equal((await declare(text, 0, 3, { ...LOAD, write_mib_per_sec: 99999 })).result.ok, false);
    assert.equal((await declare(text, 0, 3, { ...LOAD, records_per_sec: -1 })).result.ok, false);
    assert.equal((await declare(text, 0, 3, { ...LOAD, records_per_sec: Number.NaN })).result.ok, false);
  });

  it('checks each value as the annotation parser does', () => {
    assert.equal(loadValueProblem('write_mib_per_sec', 0), undefined);
    assert.equal(loadValueProblem('write_mib_per_sec', 10_240), undefined);
    assert.equal(loadValueProblem('write_mib_per_sec', 10_241), '"write_mib_per_sec" must be between 0 and 10,240, not 10241');
    assert.equal(loadValueProblem('consumers', Infinity), '"consumers" must be a number ≥ 0');
  });
});
