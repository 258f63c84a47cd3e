import * as assert from 'assert';
import { scan } from '../../server/src/core/syntax/scanner';
import { walkBlocks } from './scannerWalk';
import { at } from './scannerTestUtils';

// The HCL part of /work/shared/seed/000_*.txt, verbatim (the file is not part of the repository).
const SEED = [
  'resource "aws_kinesis_stream" "events" {',
  '  name             = var.name',
  '  shard_count      = var.shards',
  '  retention_period = 24 # hours (increase if you need replay)',
  '',
  '  stream_mode_details {',
  '    stream_mode = "PROVISIONED"',
  '    # or "ON_DEMAND" if you prefer (provider support varies by version)',
  '  }',
  '',
  '  encryption_type = "KMS"',
  '  kms_key_id      = var.kms_key_arn',
  '',
  '  tags = var.tags',
  '}',
  '',
  'variable "name"        { type = string }',
  'variable "shards"      { type = number default = 2 }',
  'variable "kms_key_arn" { type = string }',
  'variable "tags"        { type = map(string) default = {} }',
  '',
].join('\n');

/** One line per block and attribute: kind, name, ranges, value text. */
function describeAll(text: string): string[] {
  const r = scan(text);
  const out: string[] = [];
  walkBlocks(r.body, (b) => {
    const labels = b.labels.map((l) => `${l.value}@${at(r, l.span)}`).join(' ');
    out.push(`block ${b.type} ${labels} header=${at(r, b.headerSpan)} span=${at(r, b.span)}${b.oneLine ? ' oneLine' : ''}`);
    for (const a of b.body.items) {
      if (a.kind === 'attribute') out.push(`  ${a.name} ${at(r, a.nameSpan)} = ${at(r, a.valueSpan)} ${text.slice(a.valueSpan.start, a.valueSpan.end)}`);
    }
  });
  return out;
}

describe('scanner: the seed sample', () => {
  it('gives every block, attribute and value range exactly', () => {
    assert.deepStrictEqual(describeAll(SEED), [
      'block resource aws_kinesis_stream@0:9-0:29 events@0:30-0:38 header=0:0-0:40 span=0:0-14:1',
      '  name 1:2-1:6 = 1:21-1:29 var.name',
      '  shard_count 2:2-2:13 = 2:21-2:31 var.shards',
      '  retention_period 3:2-3:18 = 3:21-3:23 24',
      '  encryption_type 10:2-10:17 = 10:20-10:25 "KMS"',
      '  kms_key_id 11:2-11:12 = 11:20-11:35 var.kms_key_arn',
      '  tags 13:2-13:6 = 13:9-13:17 var.tags',
      'block stream_mode_details  header=5:2-5:23 span=5:2-8:3',
      '  stream_mode 6:4-6:15 = 6:18-6:31 "PROVISIONED"',
      'block variable name@16:9-16:15 header=16:0-16:24 span=16:0-16:40 oneLine',
      '  type 16:25-16:29 = 16:32-16:38 string',
      'block variable shards@17:9-17:17 header=17:0-17:24 span=17:0-17:52 oneLine',
      '  type 17:25-17:29 = 17:32-17:38 number',
      '  default 17:39-17:46 = 17:49-17:50 2',
      'block variable kms_key_arn@18:9-18:22 header=18:0-18:24 span=18:0-18:40 oneLine',
      '  type 18:25-18:29 = 18:32-18:38 string',
      'block variable tags@19:9-19:15 header=19:0-19:24 span=19:0-19:58 oneLine',
      '  type 19:25-19:29 = 19:32-19:43 map(string)',
      '  default 19:44-19:51 = 19:54-19:56 {}',
    ]);
  });

  it('finds both comments', () => {
    const r = scan(SEED);
    assert.deepStrictEqual(r.comments.map((c) => [at(r, c.span), c.style]), [
      ['3:24-3:61', '#'],
      ['7:4-7:71', '#'],
    ]);
    assert.strictEqual(r.comments[0].text, '# hours (increase if you need replay)');
  });

  it('gives the same structure, shifted, with CRLF line ends', () => {
    const crlf = SEED.replace(/\n/g, '\r\n');
    assert.deepStrictEqual(describeAll(crlf), describeAll(SEED));
  });
});
