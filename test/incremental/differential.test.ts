// Incremental analysis (the server's: long-lived parse and result caches, block-by-block re-parsing) must give exactly what
// a from-scratch analysis (every file parsed whole, no cache) gives, after every edit of a random typing session — findings, ranges, fixes, costs.
// Block-level edits on large module shapes: shapes.test.ts; through the language server: lspBlockEdits.test.ts.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { mulberry32 } from '../syntax/scannerGen';
import { assertSamePieces } from './support/compare';
import { typeEdit } from './support/edits';
import { fromScratch, Incremental, SEED } from './support/session';
import { moduleFiles } from './support/shapes';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

function generated(streams: number): string {
  const blocks: string[] = ['variable "shards" {\n  default = 2\n}\n', 'locals {\n  retention = 48\n}\n'];
  for (let i = 0; i < streams; i++) {
    blocks.push(
      `# kinesis-lint: write_mib_per_sec=${i % 4 + 1} records_per_sec=${(i % 3 + 1) * 900}\n` +
        `resource "aws_kinesis_stream" "s${i}" {\n  name             = "s${i}"\n  shard_count      = ${i % 2 ? 'var.shards' : i % 5 + 1}\n` +
        `  retention_period = ${i % 3 ? 'local.retention' : 24}\n  encryption_type  = "KMS"\n  kms_key_id       = "alias/k${i}"\n}\n`,
      `resource "aws_lambda_event_source_mapping" "r${i}" {\n  event_source_arn = aws_kinesis_stream.s${i}.arn\n  function_name    = "f"\n}\n`,
    );
  }
  return blocks.join('\n');
}

describe('incremental analysis equals a full re-analysis after every edit', function () {
  this.timeout(120000);
  const cases: [string, Record<string, string>][] = [
    ['telemetry-pipeline', moduleFiles(path.join(EXAMPLES, 'telemetry-pipeline'))],
    ['on-demand-clickstream', moduleFiles(path.join(EXAMPLES, 'on-demand-clickstream'))],
    ['healthy', moduleFiles(path.join(EXAMPLES, 'healthy'))],
    ['module-call', moduleFiles(path.join(EXAMPLES, 'module-call'))],
    ['generated (12 streams)', { '/ws/main.tf': generated(12) }],
  ];
  for (const [name, initial] of cases) {
    it(name, async () => {
      const rnd = mulberry32(SEED + name.length * 7919);
      const incremental = new Incremental();
      const files = { ...initial };
      // Edit the file that defines streams (the child module's, for the module call).
      const target = Object.keys(files).filter((f) => f.endsWith('main.tf')).sort((a, b) => b.length - a.length)[0];
      let steps = 0;
      for (let step = 0; step < 60; step++) {
        files[target] = typeEdit(files[target], rnd);
        const fast = await incremental.analyze(files, ['/ws']);
        const full = await fromScratch(files, ['/ws']);
        assertSamePieces(fast, full, `step ${step} of ${name} differs (replay with DIFF_SEED=${SEED}); text:\n${files[target]}`);
        steps++;
      }
      assert.equal(steps, 60);
      if (name.startsWith('generated')) assert.ok(incremental.results.stats.hits > 0, 'unchanged streams come from the result cache');
    });
  }
});
