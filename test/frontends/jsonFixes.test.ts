// Every fix offered on a Terraform JSON file leaves valid JSON that parses to the intended value, or is not offered.
import { strict as assert } from 'assert';
import { analyze, applyEdits } from '../support/analyze';
import { applyFix } from '../rules/ruleKit';
import type { Finding } from '../../server/src/core/types';

const pretty = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const streamFile = (body: Record<string, unknown>) => pretty({ resource: { aws_kinesis_stream: { s: body } } });
const streamOf = (text: string) => (JSON.parse(text) as { resource: { aws_kinesis_stream: { s: Record<string, unknown> } } }).resource.aws_kinesis_stream.s;
const LOAD = (write: number) => JSON.stringify({ streams: { 'aws_kinesis_stream.s': { write_mib_per_sec: write, records_per_sec: 100 } } });
const KMS = { encryption_type: 'KMS', kms_key_id: 'alias/orders' };

async function fixed(files: Record<string, string>, ruleId: string, index = 0): Promise<Record<string, unknown>> {
  const { files: out } = await applyFix(files, ruleId, index);
  return streamOf(out['main.tf.json']);
}

describe('front end: fixes on Terraform JSON files', () => {
  it('missing-kms adds both properties after the last one, with a comma', async () => {
    const s = await fixed({ 'main.tf.json': streamFile({ name: 'x', shard_count: 1 }) }, 'missing-kms');
    assert.deepEqual(s, { name: 'x', shard_count: 1, encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' });
  });

  it('missing-kms sets "NONE" to "KMS" in place; kms-key-missing adds the key to a one-line object', async () => {
    const none = await fixed({ 'main.tf.json': streamFile({ encryption_type: 'NONE', kms_key_id: 'alias/k', shard_count: 1 }) }, 'missing-kms');
    assert.equal(none.encryption_type, 'KMS');
    const oneLine = '{"resource": {"aws_kinesis_stream": {"s": {"shard_count": 1, "encryption_type": "KMS"}}}}\n';
    const { files } = await applyFix({ 'main.tf.json': oneLine }, 'kms-key-missing');
    assert.equal(files['main.tf.json'], '{"resource": {"aws_kinesis_stream": {"s": {"shard_count": 1, "encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"}}}}\n');
  });

  it('undersized-shards replaces the number (2 → 4); the .tf.json keeps its layout', async () => {
    const text = streamFile({ shard_count: 2, ...KMS });
    const { files } = await applyFix({ 'main.tf.json': text, '.kinesis-lint.json': LOAD(3) }, 'undersized-shards');
    assert.equal(files['main.tf.json'], text.replace('"shard_count": 2', '"shard_count": 4'));
  });

  it('long-term-retention-cost (a suggestion) sets 168', async () => {
    const s = await fixed({ 'main.tf.json': streamFile({ shard_count: 1, retention_period: 2160, ...KMS }) }, 'long-term-retention-cost');
    assert.equal(s.retention_period, 168);
  });

  it('shard-count-mode-conflict: removing the last property takes the comma before it; removing a middle one takes its own', async () => {
    const last = await fixed({ 'main.tf.json': streamFile({ ...KMS, stream_mode_details: { stream_mode: 'ON_DEMAND' }, shard_count: 2 }) }, 'shard-count-mode-conflict');
    assert.deepEqual(last, { ...KMS, stream_mode_details: { stream_mode: 'ON_DEMAND' } });
    const middle = await fixed({ 'main.tf.json': streamFile({ shard_count: 2, ...KMS, stream_mode_details: { stream_mode: 'ON_DEMAND' } }) }, 'shard-count-mode-conflict');
    assert.deepEqual(middle, { ...KMS, stream_mode_details: { stream_mode: 'ON_DEMAND' } });
  });

  it('shard-count-mode-conflict adds shard_count to PROVISIONED without one', async () => {
    const s = await fixed({ 'main.tf.json': streamFile({ ...KMS, stream_mode_details: { stream_mode: 'PROVISIONED' } }) }, 'shard-count-mode-conflict');
    assert.deepEqual(s, { ...KMS, stream_mode_details: { stream_mode: 'PROVISIONED' }, shard_count: 1 });
  });

  it('capacity-mode-cost (a suggestion) switches to provisioned: the mode value replaced and shard_count added, in one valid edit set', async () => {
    const body = { ...KMS, stream_mode_details: { stream_mode: 'ON_DEMAND' } };
    const s = await fixed({ 'main.tf.json': streamFile(body), '.kinesis-lint.json': LOAD(0.5) }, 'capacity-mode-cost');
    assert.deepEqual(s, { ...KMS, stream_mode_details: { stream_mode: 'PROVISIONED' }, shard_count: 1 });
  });

  it('throughput-undeclared offers no comment fix in JSON and says where to declare the load (the editor\'s breakdown too)', async () => {
    const res = await analyze({ 'main.tf.json': streamFile({ shard_count: 1, ...KMS }), 'hcl/main.tf': 'resource "aws_kinesis_stream" "t" {\n  shard_count = 1\n}\n' }, { dirs: ['.', 'hcl'] });
    const { streamBreakdown } = require('../../server/src/lsp/render/breakdown') as typeof import('../../server/src/lsp/render/breakdown');
    assert.match(streamBreakdown(res.streams[0]), /no load declared — declare it under `"streams"` → `"aws_kinesis_stream\.s"` in \.kinesis-lint\.json/);
    assert.match(streamBreakdown(res.streams[1]), /no load declared — add `# kinesis-lint: /);
    const f = res.of('throughput-undeclared').filter((x) => x.file.endsWith('.json'));
    assert.equal(f.length, 1);
    assert.deepEqual(f[0].fixes, []);
    assert.match(f[0].detail!, /under "streams" in \.kinesis-lint\.json/);
  });

  it('every fix of every finding on a set of JSON streams applies to valid JSON (CRLF and tabs too)', async () => {
    const variants: Record<string, unknown>[] = [
      { shard_count: 40, retention_period: 100 },
      { shard_count: 1, encryption_type: 'KMS', stream_mode_details: { stream_mode: 'ON_DEMAND' } },
      { '//': 'cdktf', shard_count: 2, encryption_type: 'NONE', stream_mode_details: [{ stream_mode: 'PROVISIONED' }] },
      { stream_mode_details: {} },
      { stream_mode_details: { stream_mode: 'ON_DEMAND' } },
      { shard_count: 200, encryption_type: 'KMS', kms_key_id: 'alias/aws/kinesis' },
      {},
    ];
    let checked = 0;
    for (const body of variants) {
      for (const text of [streamFile(body), streamFile(body).replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)).replace(/\n/g, '\r\n')]) {
        const res = await analyze({ 'main.tf.json': text, '.kinesis-lint.json': LOAD(1) });
        for (const finding of res.findings as Finding[]) {
          for (const fix of finding.fixes) {
            const after = applyEdits(text, fix.edits.filter((e) => e.file.endsWith('main.tf.json')));
            assert.doesNotThrow(() => JSON.parse(after), `${finding.ruleId} "${fix.title}" broke the JSON:\n${after}`);
            checked++;
          }
        }
      }
    }
    assert.ok(checked >= 10, `only ${checked} fixes checked`);
  });
});

describe('front end: JSON edit operations', () => {
  // Imported here so the end-to-end tests above stay about what users see.
  /* eslint-disable @typescript-eslint/no-var-requires */
  const { parseJsonSourceFile } = require('../../server/src/core/syntax/terraformJson') as typeof import('../../server/src/core/syntax/terraformJson');
  const edits = require('../../server/src/core/fixes/edits') as typeof import('../../server/src/core/fixes/edits');
  const stream = (text: string) => parseJsonSourceFile('/ws/a.tf.json', text).blocks[0];
  const apply = (text: string, e: { range: Finding['range']; newText: string }) => applyEdits(text, [e]);

  it('removes a property on one line: first, middle, last, only', () => {
    const text = '{"resource": {"aws_kinesis_stream": {"s": {"a": 1, "b": 2, "c": 3}}}}';
    for (const [name, rest] of [['a', { b: 2, c: 3 }], ['b', { a: 1, c: 3 }], ['c', { a: 1, b: 2 }]] as const) {
      const out = apply(text, edits.removeAttribute(stream(text).attributes.get(name)!));
      assert.deepEqual(streamOf(out), rest, out);
    }
    const only = '{"resource": {"aws_kinesis_stream": {"s": {"a": 1}}}}';
    assert.deepEqual(streamOf(apply(only, edits.removeAttribute(stream(only).attributes.get('a')!))), {});
  });

  it('removes the only property of a multi-line object with its line', () => {
    const text = '{"resource": {"aws_kinesis_stream": {"s": {\n  "a": 1\n}}}}\n';
    assert.equal(apply(text, edits.removeAttribute(stream(text).attributes.get('a')!)), '{"resource": {"aws_kinesis_stream": {"s": {\n}}}}\n');
  });

  it('replaces a property by an object laid out like the file (several lines, or one)', () => {
    const text = pretty({ resource: { aws_kinesis_stream: { s: { shard_count: 2, name: 'x' } } } });
    const out = apply(text, edits.replaceWithBlock(stream(text).attributes.get('shard_count')!, 'stream_mode_details', ['stream_mode = "ON_DEMAND"']));
    assert.deepEqual(streamOf(out), { stream_mode_details: { stream_mode: 'ON_DEMAND' }, name: 'x' });
    assert.match(out, /\n {8}"stream_mode_details": \{\n {10}"stream_mode": "ON_DEMAND"\n {8}\},\n/);
    const one = '{"resource": {"aws_kinesis_stream": {"s": {"shard_count": 2, "name": "x"}}}}';
    assert.equal(
      apply(one, edits.replaceWithBlock(stream(one).attributes.get('shard_count')!, 'stream_mode_details', ['stream_mode = "ON_DEMAND"'])),
      '{"resource": {"aws_kinesis_stream": {"s": {"stream_mode_details": {"stream_mode": "ON_DEMAND"}, "name": "x"}}}}',
    );
  });

  it('an argument whose value is not a JSON literal is not converted (the guard then refuses the fix)', () => {
    const text = pretty({ resource: { aws_kinesis_stream: { s: { a: 1 } } } });
    const out = apply(text, edits.insertIntoBlock(stream(text), ['kms_key_id = aws_kms_key.k.arn']));
    assert.throws(() => JSON.parse(out));
  });
});
