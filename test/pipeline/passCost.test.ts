// The fixed cost of an analysis pass after the parse is proportional to the edit (issue #11 item 1), asserted as
// counts of work done — block texts hashed, file fingerprints computed, streams analysed, findings keyed and merged —
// never as time. The module is the shape that found the cliff: ~3,000 top-level blocks, each stream with its own
// variable and KMS key.
import { strict as assert } from 'node:assert';
import { Analyzer } from '../../server/src/core/analyze';
import { ResultCache, estimateBytes } from '../../server/src/core/pipeline/resultCache';
import { fingerprintStats } from '../../server/src/core/pipeline/fingerprint';
import { finalizeStats } from '../../server/src/core/pipeline/findings';
import type { SourceFile } from '../../server/src/core/syntax/sourceFile';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';
import { resultJson, serverLikeSession } from './serverLikeSession';

const STREAMS = 1000;
const MIDDLE = 'aws_kinesis_stream.s0500';

/** 1 shared variable + 1,000 × (variable, KMS key, stream) = 3,001 top-level blocks. */
function manyBlocks(): string {
  const out = ['variable "retention" {\n  default = 48\n}\n'];
  for (let i = 0; i < STREAMS; i++) {
    const id = `s${String(i).padStart(4, '0')}`;
    out.push(
      `variable "shards_${id}" {\n  type    = number\n  default = ${1 + (i % 7)}\n}\n`,
      `resource "aws_kms_key" "${id}" {\n  description = "key ${id}"\n}\n`,
      `# kinesis-lint: write_mib_per_sec=${1 + (i % 5)} records_per_sec=${100 + i}\n` +
        `resource "aws_kinesis_stream" "${id}" {\n  name             = "${id}"\n  shard_count      = var.shards_${id}\n` +
        `  retention_period = var.retention\n  kms_key_id       = aws_kms_key.${id}.arn\n  tags             = { team = "t${id}" }\n}\n`,
    );
  }
  return out.join('\n');
}

type Counts = { hashes: number; fileParts: number; blockParts: number; analysed: number; keys: number; merges: number; made: number };

describe('pipeline: the work of a pass is proportional to the edit (3,000 top-level blocks)', function () {
  this.timeout(120000);
  const original = manyBlocks();
  const session = serverLikeSession(original);
  const results = session.results;
  const pass = async (): Promise<{ counts: Counts; json: string; findings: number }> => {
    const before = { ...fingerprintStats, ...finalizeStats, misses: results.stats.misses };
    const a = await session.analyse();
    const counts = {
      hashes: fingerprintStats.blockHashes - before.blockHashes,
      fileParts: fingerprintStats.fileParts - before.fileParts,
      blockParts: fingerprintStats.blockParts - before.blockParts,
      analysed: results.stats.misses - before.misses,
      keys: finalizeStats.keys - before.keys,
      merges: finalizeStats.merges - before.merges,
      made: finalizeStats.made - before.made,
    };
    return { counts, json: resultJson(a), findings: a.findings.length };
  };
  const fromScratch = session.fromScratch;
  const ownFindings = (json: string, resource: string) => (JSON.parse(json).findings as { resource: string }[]).filter((f) => f.resource === resource).length;

  before(async () => {
    session.text = original;
    const first = await pass();
    assert.equal(first.counts.analysed, STREAMS);
    // Every distinct block text once: 1 + 1,000 variables + 1,000 keys + 1,000 streams.
    assert.equal(first.counts.hashes, 1 + 3 * STREAMS);
  });

  it('unchanged text: nothing hashed, analysed, keyed or merged again', async () => {
    const { counts } = await pass();
    assert.deepEqual(counts, { hashes: 0, fileParts: 0, blockParts: 0, analysed: 0, keys: 0, merges: 0, made: 0 });
  });

  it('one character typed in one stream: its block hashed, it alone analysed, its findings alone finalized', async () => {
    session.text = original.replace('team = "ts0500"', 'team = "ts05001"');
    const chunksBefore = fingerprintStats.chunkHashes;
    const { counts, json } = await pass();
    const own = ownFindings(json, MIDDLE);
    assert.ok(own > 0, 'the edited stream has findings, so the counts below mean something');
    // The file's part of the context: only the edited block's part made again, the other 3,000 carried over; the
    // part of a stream does not hold its text (its own key does), so no chunk of block parts is hashed again.
    assert.equal(fingerprintStats.chunkHashes - chunksBefore, 0);
    assert.deepEqual(counts, { hashes: 1, fileParts: 1, blockParts: 1, analysed: 1, keys: own, merges: own, made: own });
    assert.equal(json, await fromScratch());
    // Typed again: the same holds for the next keystroke.
    session.text = original.replace('team = "ts0500"', 'team = "ts050012"');
    const next = await pass();
    assert.deepEqual(next.counts, { hashes: 1, fileParts: 1, blockParts: 1, analysed: 1, keys: own, merges: own, made: own });
    assert.equal(next.json, await fromScratch());
  });

  it('a line inserted above every stream: nothing hashed again, every stream analysed again (places moved)', async () => {
    session.text = '\n' + session.text;
    const { counts, json, findings } = await pass();
    assert.equal(counts.hashes, 0);
    // Every non-stream block moved (its place is in the context); the streams' parts do not hold their place.
    assert.equal(counts.blockParts, 1 + 2 * STREAMS);
    assert.equal(counts.analysed, STREAMS);
    assert.equal(counts.keys, findings);
    assert.equal(json, await fromScratch());
  });

  it('the variable every stream reads edited: only its block hashed, every stream analysed again', async () => {
    session.text = session.text.replace('default = 48', 'default = 72');
    const chunksBefore = fingerprintStats.chunkHashes;
    const { counts, json, findings } = await pass();
    assert.equal(counts.hashes, 1);
    // Its block part made again, and only its chunk of 64 block parts hashed again (3,001 blocks: 47 chunks).
    assert.equal(counts.blockParts, 1);
    assert.equal(fingerprintStats.chunkHashes - chunksBefore, 1);
    assert.equal(counts.analysed, STREAMS);
    assert.equal(counts.keys, findings);
    assert.equal(json, await fromScratch());
  });
});

describe('pipeline: the result cache is bounded by bytes', () => {
  const files = (n: number) => {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(`resource "aws_kinesis_stream" "s${i}" {\n  name        = "s${i}"\n  shard_count = ${1 + (i % 4)}\n}\n`);
    return { '/ws/main.tf': out.join('\n') };
  };

  it('a module larger than the bound keeps what fits and reuses it on every pass (no cliff), within the bound', async () => {
    const host = memoryHost(files(40));
    const sources = new Map<string, SourceFile>();
    const analyze = (cache: ResultCache) => new Analyzer(host, { parser: sharedParser(), resultCache: cache, sourceFiles: sources }).analyzeModules(['/ws']);
    const unbounded = new ResultCache();
    await analyze(unbounded);
    assert.equal(unbounded.size, 40);
    // Room for about half of the module's results.
    const bounded = new ResultCache(Math.floor(unbounded.bytes / 2));
    await analyze(bounded);
    const kept = bounded.size;
    assert.ok(kept > 10 && kept < 30, `kept ${kept}`);
    assert.ok(bounded.bytes <= bounded.maxBytes);
    assert.equal(bounded.stats.refused, 40 - kept);
    for (let pass = 0; pass < 3; pass++) {
      const hits = bounded.stats.hits;
      await analyze(bounded);
      // The same streams are reused every time: the hit count does not fall to zero as LRU eviction would make it.
      assert.equal(bounded.stats.hits - hits, kept);
      assert.equal(bounded.size, kept);
      assert.ok(bounded.bytes <= bounded.maxBytes);
    }
  });

  it('a result that no longer fits pushes out entries the current pass does not use, oldest first', async () => {
    const cache = new ResultCache(10_000);
    const value = (s: string) => ({ placed: [], report: { resource: s } as never });
    cache.begin('/r');
    cache.set('a', '/r', value('a'.repeat(1000)));
    cache.begin('/r');
    cache.get('a', '/r');
    cache.set('b', '/r', value('b'.repeat(1000)));
    cache.begin('/r');
    cache.get('b', '/r');
    // 'a' was not used by this pass: it makes room for 'c'; 'b' was, and stays.
    cache.set('c', '/r', value('c'.repeat(3000)));
    assert.equal(cache.get('a', '/r'), undefined);
    assert.ok(cache.get('b', '/r'));
    assert.ok(cache.get('c', '/r'));
  });

  it('the estimate counts a string shared by several results once', () => {
    const cache = new ResultCache();
    const reason = 'x'.repeat(10_000);
    cache.begin('/r');
    cache.set('a', '/r', { placed: [], report: { why: reason } as never });
    const one = cache.bytes;
    cache.set('b', '/r', { placed: [], report: { why: reason } as never });
    assert.ok(one > 20_000, `one result holding the string: ${one} bytes`);
    assert.ok(cache.bytes - one < 1_000, `a second one adds ${cache.bytes - one} bytes`);
    assert.equal(estimateBytes({ a: [1, 2.5] }), 24 + 8 + 48 + 8 + 8 + 16);
  });
});
