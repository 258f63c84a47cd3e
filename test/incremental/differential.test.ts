// Incremental analysis (the server's: long-lived parse and result caches, block-by-block re-parsing) must give exactly what
// a from-scratch analysis (every file parsed whole, no cache) gives, after every edit of a random typing session — findings, ranges, fixes, costs.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../../server/src/core/analyze';
import { CachedParser } from '../../server/src/core/syntax/parseCache';
import { ResultCache } from '../../server/src/core/pipeline/resultCache';
import type { SourceFile } from '../../server/src/core/syntax/sourceFile';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');

/** Deterministic PRNG (mulberry32) so a failure replays. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a user types: digits, names, braces, quotes, newlines, deletions, and whole pasted lines. */
function edit(text: string, rnd: () => number): string {
  const at = Math.floor(rnd() * (text.length + 1));
  const pieces = ['1', '0', '9', 'a', '_', ' ', '"', '{', '}', '=', '\n', '#', '[', ']', '${', 'shard_count = 3\n', 'retention_period = 200\n'];
  const r = rnd();
  if (r < 0.45) return text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at);
  if (r < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(rnd() * 3));
  // Replace a digit run with another number: the edits a user makes to shard_count or retention_period.
  return text.replace(/\b\d+\b/, String(Math.floor(rnd() * 900)));
}

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

function moduleFiles(dir: string, prefix = '/ws'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (fs.statSync(p).isDirectory()) Object.assign(out, moduleFiles(p, `${prefix}/${name}`));
    else if (/\.(tf|tfvars)$|\.kinesis-lint\.json$/.test(name)) out[`${prefix}/${name}`] = fs.readFileSync(p, 'utf8');
  }
  return out;
}

/** Everything an analysis says, as one comparable value. */
async function snapshot(files: Record<string, string>, cache: CachedParser | null, results?: ResultCache, sources?: Map<string, SourceFile>): Promise<string> {
  const analyzer = new Analyzer(memoryHost(files), { parser: sharedParser(), parseCache: cache, resultCache: results, sourceFiles: sources });
  const analyses = await analyzer.analyzeModules(['/ws']);
  return JSON.stringify(analyses.map((a) => ({ findings: a.findings, streams: a.streams })));
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
      const rnd = prng(name.length * 7919);
      const incremental = new CachedParser(sharedParser());
      const results = new ResultCache();
      const sources = new Map<string, SourceFile>();
      const files = { ...initial };
      // Edit the file that defines streams (the child module's, for the module call).
      const target = Object.keys(files).filter((f) => f.endsWith('main.tf')).sort((a, b) => b.length - a.length)[0];
      let steps = 0;
      for (let step = 0; step < 60; step++) {
        files[target] = edit(files[target], rnd);
        const fast = await snapshot(files, incremental, results, sources);
        const full = await snapshot(files, null);
        assert.equal(fast, full, `step ${step} of ${name} differs; text:\n${files[target]}`);
        steps++;
      }
      assert.equal(steps, 60);
      if (name.startsWith('generated')) assert.ok(results.stats.hits > 0, 'unchanged streams come from the result cache');
    });
  }
});
