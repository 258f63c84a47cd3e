// The CLI with a metrics snapshot: --metrics FILE, the "observed …" load in the text report, the stale snapshot said
// once per run, the JSON fields. The real core on in-memory files through runCli.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, ConfigFileError } from '../../server/src/core/analyze';
import { runCli, type AnalyzerOptions, type CliDeps } from '../../server/src/cli/run';
import { parseArgs } from '../../server/src/cli/args';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';
import { RULES, TOOL } from '../cli/synthetic';

const SNAPSHOT = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');
const CWD = '/repo';

function stream(label: string, name: string): string {
  return [`resource "aws_kinesis_stream" "${label}" {`, `  name            = "${name}"`, '  shard_count     = 1', '  encryption_type = "KMS"', '  kms_key_id      = "alias/my-key"', '}', ''].join('\n');
}
// Two streams with the same name (two regions would be the usual case; here the same entry): the stale line is one.
const MAIN = ['provider "aws" {', '  region = "us-east-1"', '}', '', stream('events', 'events'), stream('copy', 'events')].join('\n');

async function run(argv: string[], now: Date, files: Record<string, string> = { [`${CWD}/main.tf`]: MAIN, [`${CWD}/snap/metrics.json`]: SNAPSHOT }) {
  const out = { code: -1, stdout: '', stderr: '', created: [] as AnalyzerOptions[] };
  const deps: CliDeps = {
    createAnalyzer: (host, options) => {
      out.created.push(options);
      return new Analyzer(host, { ...options, parser: sharedParser() });
    },
    isConfigFileError: (e) => e instanceof ConfigFileError,
    rules: RULES,
    host: memoryHost(files),
    fixFiles: { read: async () => ({ error: 'unused' }), write: async () => undefined },
    tool: TOOL,
  };
  out.code = await runCli(argv, {
    cwd: CWD, env: {}, now,
    stdout: { write: (t: string) => { out.stdout += t; } },
    stderr: { write: (t: string) => { out.stderr += t; } },
  }, deps);
  return out;
}

const FRESH = new Date('2026-11-29T12:00:00Z');
const STALE = new Date('2027-01-10T00:05:00Z');
const STALE_LINE = 'Metrics snapshot snap/metrics.json is stale: snapshot 45 days old (metrics.max_age_days 30), observed 2026-11-12 → 11-25; run kinesis-lint metrics pull';

describe('CLI with a metrics snapshot', () => {
  it('--metrics FILE is parsed and needs a value', () => {
    const parsed = parseArgs(['--metrics', 'snap.json', '.']);
    assert.ok(parsed.ok && parsed.options.metricsFile === 'snap.json');
    assert.deepEqual(parseArgs(['--metrics']), { ok: false, error: 'option --metrics needs a value' });
  });

  it('text: each stream says its load is observed; the clock and the file reach the core', async () => {
    const r = await run(['--metrics', 'snap/metrics.json', '.'], FRESH);
    assert.equal(r.stderr, '');
    assert.deepEqual([r.created[0].metricsFile, r.created[0].now], ['/repo/snap/metrics.json', FRESH]);
    const lines = r.stdout.split('\n');
    assert.equal(lines.filter((l) => l === '  PROVISIONED, 1 shard, 1 instance, us-east-1, load observed 2026-11-12 → 11-25').length, 2);
    assert.equal(lines.filter((l) => l === '  note: Peak rates observed 2026-11-12 → 11-25 (p99 of 1-minute rates, from the metrics snapshot), averaged at 33.33% over the month.').length, 2);
    assert.ok(lines.includes('main.tf:7:21: warning: 1 shard, load needs 5 (shared reads at 400 %) [undersized-shards]'), r.stdout);
    assert.ok(!r.stdout.includes('stale'));
  });

  it('text: a stale snapshot is said once per run, before the summary line', async () => {
    const r = await run(['--metrics', 'snap/metrics.json', '.'], STALE);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.includes('stale')).length, 1);
    assert.deepEqual(lines.slice(-3), [STALE_LINE, '', lines[lines.length - 1]]);
    assert.equal(r.stderr, '');
  });

  it('json: loadSource, observed (the snapshot file relative) and the run\'s metrics; the stale warning on stderr once', async () => {
    const r = await run(['--format', 'json', '--metrics', 'snap/metrics.json', '.'], STALE);
    assert.equal(r.stderr, `kinesis-lint: warning: ${STALE_LINE}\n`);
    const out = JSON.parse(r.stdout);
    const s = out.streams[0];
    assert.equal(s.loadSource, 'observed');
    assert.deepEqual(s.observed, {
      snapshot: { file: 'snap/metrics.json', start: '2026-11-12T00:00:00Z', end: '2026-11-26T00:00:00Z', pulledAt: '2026-11-26T00:05:00Z', ageDays: 45, stale: true },
      stream: 'events', region: 'us-east-1', minutes: 20160,
      incomingBytes: { peak: 3670016, p99: 3145728, mean: 1048576 },
      incomingRecords: { peak: 3584, p99: 3072, mean: 1024 },
      getRecordsBytes: { peak: 9437184, p99: 8388608, mean: 2097152 },
      writeThrottled: null, readThrottled: null, efoConsumers: null, shards: null,
    });
    assert.deepEqual(out.metrics, [{
      file: 'snap/metrics.json', start: '2026-11-12T00:00:00Z', end: '2026-11-26T00:00:00Z', pulledAt: '2026-11-26T00:05:00Z',
      tool: 'kinesis-lint metrics pull', ageDays: 45, stale: true, maxAgeDays: 30, entries: 3, matched: 2,
    }]);
  });

  it('a --metrics file that does not exist: exit 2 with the reason', async () => {
    const r = await run(['--metrics', 'nope.json', '.'], FRESH);
    assert.deepEqual([r.code, r.stdout, r.stderr], [2, '', 'kinesis-lint: --metrics /repo/nope.json: no such file\n']);
  });
});
