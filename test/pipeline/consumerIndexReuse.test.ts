// The consumer index (model/consumers.ts) is carried over from the previous pass while the context key is the same:
// after a keystroke inside one stream block no reader's target is evaluated again. Asserted as counts of target
// evaluations, never as time; the results equal a from-scratch analysis's after every edit.
import { strict as assert } from 'node:assert';
import { consumerStats } from '../../server/src/core/model/consumers';
import { resultJson, serverLikeSession } from './serverLikeSession';

const STREAMS = 1000;

/** 1,000 × (variable, stream, reader) = 3,000 top-level blocks; every tenth reader finds its stream by ARN string
 *  (through the stream's name), the others by reference; every fifth stream has an EFO consumer. */
function module(): string {
  const out: string[] = [];
  for (let i = 0; i < STREAMS; i++) {
    const id = `s${String(i).padStart(4, '0')}`;
    const target = i % 10 === 0 ? `"arn:aws:kinesis:us-east-1:123456789012:stream/n${id}"` : `aws_kinesis_stream.${id}.arn`;
    out.push(
      `variable "shards_${id}" {\n  default = ${1 + (i % 7)}\n}\n`,
      `# kinesis-lint: write_mib_per_sec=${1 + (i % 5)}\nresource "aws_kinesis_stream" "${id}" {\n  name        = "n${id}"\n  shard_count = var.shards_${id}\n  tags        = { team = "t${id}" }\n}\n`,
      i % 5 === 0
        ? `resource "aws_kinesis_stream_consumer" "${id}" {\n  name       = "c${id}"\n  stream_arn = ${target}\n}\n`
        : `resource "aws_lambda_event_source_mapping" "${id}" {\n  function_name    = "f${id}"\n  event_source_arn = ${target}\n}\n`,
    );
  }
  return out.join('\n');
}

describe('pipeline: the consumer index is reused across passes (3,000 top-level blocks)', function () {
  this.timeout(120000);
  const original = module();
  const session = serverLikeSession(original);
  const results = session.results;
  const pass = async () => {
    const before = { ...consumerStats, misses: results.stats.misses };
    const a = await session.analyse();
    return {
      targets: consumerStats.targets - before.targets,
      reused: consumerStats.reused - before.reused,
      analysed: results.stats.misses - before.misses,
      json: resultJson(a),
    };
  };
  const fromScratch = session.fromScratch;
  const readers = (json: string, resource: string) =>
    (JSON.parse(json).streams as { resource: string; consumerLinks: { address: string; range: unknown }[] }[]).find((s) => s.resource === resource)!.consumerLinks;

  before(async () => {
    const first = await pass();
    assert.equal(first.targets, STREAMS);
    assert.equal(first.reused, 0);
  });

  it('one character typed in one stream: the index is reused, no reader target evaluated', async () => {
    session.text = original.replace('team = "ts0500"', 'team = "ts05001"');
    const edited = await pass();
    assert.deepEqual({ targets: edited.targets, reused: edited.reused, analysed: edited.analysed }, { targets: 0, reused: 1, analysed: 1 });
    assert.deepEqual(readers(edited.json, 'aws_kinesis_stream.s0500').map((l) => l.address), ['aws_kinesis_stream_consumer.s0500']);
    assert.equal(edited.json, await fromScratch());
    session.text = original.replace('team = "ts0501"', 'team = "ts05011"');
    const next = await pass();
    assert.deepEqual({ targets: next.targets, reused: next.reused }, { targets: 0, reused: 1 });
    assert.equal(next.json, await fromScratch());
  });

  it('a reader edited: the index is built again (every target evaluated once)', async () => {
    session.text = original.replace('event_source_arn = aws_kinesis_stream.s0501.arn', 'event_source_arn = aws_kinesis_stream.s0502.arn');
    const edited = await pass();
    assert.deepEqual({ targets: edited.targets, reused: edited.reused }, { targets: STREAMS, reused: 0 });
    assert.deepEqual(readers(edited.json, 'aws_kinesis_stream.s0502').map((l) => l.address), ['aws_lambda_event_source_mapping.s0501', 'aws_lambda_event_source_mapping.s0502']);
    assert.deepEqual(readers(edited.json, 'aws_kinesis_stream.s0501'), []);
    assert.equal(edited.json, await fromScratch());
  });

  it("a stream's name edited (readers find streams by name): the index is built again", async () => {
    session.text = original.replace('name        = "ns0010"', 'name        = "ns0010x"');
    const edited = await pass();
    assert.deepEqual({ targets: edited.targets, reused: edited.reused }, { targets: STREAMS, reused: 0 });
    assert.deepEqual(readers(edited.json, 'aws_kinesis_stream.s0010'), []);
    assert.equal(edited.json, await fromScratch());
  });

  it('a line added inside a stream above the readers: built again, link ranges exact', async () => {
    session.text = original.replace('team = "ts0001" }\n', 'team = "ts0001" }\n\n');
    const edited = await pass();
    assert.equal(edited.targets, STREAMS);
    assert.equal(edited.json, await fromScratch());
    // Back to the original: built again (the context differs from the last pass's), equal to from-scratch.
    session.text = original;
    const back = await pass();
    assert.equal(back.targets, STREAMS);
    assert.equal(back.json, await fromScratch());
  });
});
