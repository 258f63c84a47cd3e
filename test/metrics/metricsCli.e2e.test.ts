// `kinesis-lint metrics pull` and `metrics queries`, end to end: the compiled CLI on a Terraform folder, against the
// loopback CloudWatch through --endpoint (or AWS_ENDPOINT_URL_CLOUDWATCH) with fake keys in the environment; the
// user's AWS config files, profile and instance metadata are kept out of reach, so nothing can reach AWS.
import { strict as assert } from 'assert';
import { spawn } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { startFakeCloudWatch, type FakeCloudWatch } from './fakeCloudWatch';
import { pullData } from './pullData';
import { startConnectProxy, type ConnectProxy } from '../support/connectProxy';

const CLI = process.env.KINESIS_LINT_CLI ?? join(__dirname, '..', '..', 'server', 'out', 'cli', 'main.js');

const TF = `provider "aws" {
  region = "eu-west-1"
}

resource "aws_kinesis_stream" "events" {
  name                = "events"
  shard_count         = 2
  shard_level_metrics = ["IncomingBytes", "IncomingRecords"]
}

resource "aws_kinesis_stream" "clicks" {
  name        = "clicks"
  shard_count = 1
}

resource "aws_kinesis_stream" "ghost" {
  name        = "ghost"
  shard_count = 1
}

resource "aws_kinesis_stream" "unnamed" {
  name        = var.name
  shard_count = 1
}

variable "name" {
  type = string
}
`;

interface Result { code: number | null; stdout: string; stderr: string }

/**
 * A clean AWS environment: fake keys (unless `keys` is false), no config files, no profile, no metadata service; and
 * none of the caller's proxy variables or TF_VAR_ values.
 */
function awsEnv(dir: string, keys: boolean, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const foreign = /^(AWS_|TF_VAR_|HTTPS?_PROXY$|https?_proxy$|NO_PROXY$|no_proxy$|NODE_EXTRA_CA_CERTS$)/;
  for (const [k, v] of Object.entries(process.env)) if (!foreign.test(k)) env[k] = v;
  return {
    ...env,
    AWS_CONFIG_FILE: join(dir, 'no-aws-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-aws-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(keys ? { AWS_ACCESS_KEY_ID: 'AKIDLOOPBACKTEST', AWS_SECRET_ACCESS_KEY: 'loopback-secret' } : {}),
    ...extra,
  };
}

function cli(cwd: string, env: NodeJS.ProcessEnv, ...args: string[]): Promise<Result> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill(), 25000);
    child.on('close', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); });
  });
}

describe('kinesis-lint metrics (CLI end to end, loopback CloudWatch)', function () {
  this.timeout(40000);
  let fake: FakeCloudWatch;
  let dir: string;
  beforeEach(async () => {
    // Two days of data up to the next minute: the CLI's own clock picks the last day of it.
    const endS = Math.ceil(Date.now() / 60_000) * 60 + 60;
    fake = await startFakeCloudWatch(pullData(2, endS));
    dir = mkdtempSync(join(tmpdir(), 'kinesis-lint-metrics-'));
    writeFileSync(join(dir, 'main.tf'), TF);
  });
  afterEach(async () => { await fake.close(); rmSync(dir, { recursive: true, force: true }); });

  it('pull writes .kinesis-lint/metrics.json with a progress line per stream, and the SDK\'s Node notice stays off stderr', async () => {
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.trimEnd().split('\n');
    assert.deepEqual(lines.slice(0, 2), [
      'kinesis-lint: skipped aws_kinesis_stream.unnamed: its name is unknown, so its metrics cannot be found',
      'kinesis-lint: pulling 1 day of CloudWatch metrics for 3 streams in eu-west-1…',
    ]);
    assert.match(lines[2], /^kinesis-lint: \[1\/3\] events \(eu-west-1\): read, 1,440 minutes with data, 2 shard\(s\), 1 EFO consumer\(s\)$/);
    assert.match(lines[3], /^kinesis-lint: \[2\/3\] clicks \(eu-west-1\): read, 720 minutes with data$/);
    assert.equal(lines[4], 'kinesis-lint: [3/3] ghost (eu-west-1): no data points: no such stream in eu-west-1, or no traffic in 1 day');
    assert.match(lines[5], /^kinesis-lint: wrote 3 streams \(1 without data points\), observed \d{4}-\d\d-\d\d → \d\d-\d\d, to .*\.kinesis-lint\/metrics\.json$/);
    assert.equal(lines.length, 6, r.stderr);
    assert.doesNotMatch(r.stderr, /NodeVersionSupportWarning/);
    const snapshot = JSON.parse(readFileSync(join(dir, '.kinesis-lint', 'metrics.json'), 'utf8'));
    assert.equal(snapshot.version, 1);
    assert.equal(snapshot.source.tool, 'kinesis-lint metrics pull');
    assert.deepEqual(snapshot.streams.map((s: { stream: string; minutes: number }) => [s.stream, s.minutes]), [['clicks', 720], ['events', 1440], ['ghost', 0]]);
    assert.equal(snapshot.streams[1].incomingBytes.peak, 7000);
  });

  it('AWS_ENDPOINT_URL_CLOUDWATCH reaches the loopback server without --endpoint; --out names the file', async () => {
    const r = await cli(dir, awsEnv(dir, true, { AWS_ENDPOINT_URL_CLOUDWATCH: fake.endpoint }), 'metrics', 'pull', '--days', '1', '--out', 'snap/m.json');
    assert.equal(r.code, 0, r.stderr);
    assert.ok(fake.requests.length > 0);
    assert.ok(existsSync(join(dir, 'snap', 'm.json')));
  });

  it('without --out, writes the config\'s metrics.file, which the analysis then reads as the observed load', async () => {
    writeFileSync(join(dir, '.kinesis-lint.json'), '{ "metrics": { "file": "observed/metrics.json" } }\n');
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(existsSync(join(dir, 'observed', 'metrics.json')));
    const lint = await cli(dir, awsEnv(dir, true), '--format', 'json', '--fail-on', 'never', '-var', 'name=x');
    assert.equal(lint.code, 0, lint.stderr);
    const report = JSON.parse(lint.stdout);
    // Sized from the observation (an undeclared load has no required shard count) and not "throughput-undeclared".
    const events = report.streams.find((s: { resource: string }) => s.resource === 'aws_kinesis_stream.events');
    assert.equal(events.requiredShards, 1);
    const clicks = report.streams.find((s: { resource: string }) => s.resource === 'aws_kinesis_stream.clicks');
    assert.equal(clicks.requiredShards, 1);
    const undeclared = report.findings.filter((f: { ruleId: string }) => f.ruleId === 'throughput-undeclared').map((f: { range: { start: { line: number } } }) => f.range.start.line);
    assert.deepEqual(undeclared, [15, 20], 'ghost (no data points) and unnamed stay undeclared (0-based lines)');
  });

  it('some streams denied: exit 1, the snapshot holds the others and the reason', async () => {
    fake.faults.push({ code: 'AccessDenied', message: 'not authorized to perform: cloudwatch:GetMetricData', times: 1 });
    // 14 days: one stream per request, so the first request's denial fails events only.
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--endpoint', fake.endpoint);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /\[1\/3\] events \(eu-west-1\): access denied in eu-west-1: grant cloudwatch:GetMetricData/);
    const snapshot = JSON.parse(readFileSync(join(dir, '.kinesis-lint', 'metrics.json'), 'utf8'));
    assert.deepEqual(snapshot.streams.map((s: { stream: string }) => s.stream), ['clicks', 'ghost']);
    assert.match(snapshot.errors.find((e: { stream: string }) => e.stream === 'events').message, /^access denied in eu-west-1/);
  });

  it('without credentials: exit 3, and an existing snapshot is left as it was', async () => {
    mkdirSync(join(dir, '.kinesis-lint'));
    writeFileSync(join(dir, '.kinesis-lint', 'metrics.json'), '{"old": true}\n');
    const r = await cli(dir, awsEnv(dir, false), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /kinesis-lint metrics pull: no AWS credentials: .*\nNothing was written\.\n$/);
    assert.equal(readFileSync(join(dir, '.kinesis-lint', 'metrics.json'), 'utf8'), '{"old": true}\n');
    assert.equal(fake.requests.length, 0);
  });

  it('a named profile that does not exist: exit 3, and the message names it', async () => {
    const r = await cli(dir, awsEnv(dir, false), 'metrics', 'pull', '--days', '1', '--profile', 'nosuch', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /no AWS credentials: .* Profile "nosuch" was named: is it in ~\/\.aws\/config or ~\/\.aws\/credentials/);
    assert.equal(fake.requests.length, 0);
  });

  it('every stream failing writes nothing: exit 3', async () => {
    fake.faults.push({ code: 'AccessDenied', message: 'denied', times: Infinity });
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /no stream could be read\. Nothing was written\./);
    assert.equal(existsSync(join(dir, '.kinesis-lint')), false);
  });

  it('usage errors exit 2', async () => {
    for (const args of [['metrics'], ['metrics', 'fetch'], ['metrics', 'pull', '--days', '16'], ['metrics', 'pull', '--endpoint', 'ftp://x'], ['metrics', 'queries', '--out', 'x']]) {
      const r = await cli(dir, awsEnv(dir, true), ...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, /Run 'kinesis-lint metrics --help' for usage\./);
    }
    const help = await cli(dir, awsEnv(dir, true), 'metrics', '--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage:\n {2}kinesis-lint metrics pull/);
  });

  it('queries prints a copy-paste aws cloudwatch get-metric-data command per region, and opens no socket', async () => {
    const r = await cli(dir, awsEnv(dir, true, { AWS_ENDPOINT_URL_CLOUDWATCH: fake.endpoint }), 'metrics', 'queries', '--days', '2');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /\ncat > kinesis-lint-queries\.eu-west-1\.json <<'EOF'\n\[\n {2}\{"Id":"incoming_bytes_0","Label":"events",/);
    assert.match(r.stdout, /\naws cloudwatch get-metric-data --region eu-west-1 \\\n {2}--metric-data-queries file:\/\/kinesis-lint-queries\.eu-west-1\.json \\\n {2}--start-time \d{4}-\d\d-\d\dT\d\d:\d\d:00Z --end-time \d{4}-\d\d-\d\dT\d\d:\d\d:00Z \\\n {2}--scan-by TimestampAscending --output json > metrics-raw\.eu-west-1\.json\n$/);
    const json = /<<'EOF'\n([\s\S]*?)\nEOF/.exec(r.stdout)![1];
    assert.equal(JSON.parse(json).length, 8 + 6 + 6);
    assert.equal(fake.requests.length, 0);
  });
});

// A stream whose name needs a root input, as published modules build them.
const PREFIXED = `provider "aws" {
  region = "eu-west-1"
}

variable "prefix" {
  type = string
}

resource "aws_kinesis_stream" "events" {
  name        = "\${var.prefix}-events"
  shard_count = 1
}
`;

/** The StreamName dimension of every MetricStat query the loopback server received. */
function streamNames(fake: FakeCloudWatch): string[] {
  const names = fake.requests.flatMap((r) => r.body.MetricDataQueries.flatMap((q) => q.MetricStat?.Metric.Dimensions.filter((d) => d.Name === 'StreamName').map((d) => d.Value) ?? []));
  return [...new Set(names)];
}

describe('kinesis-lint metrics: --var, --var-file and TF_VAR_ (CLI end to end)', function () {
  this.timeout(40000);
  let fake: FakeCloudWatch;
  let dir: string;
  beforeEach(async () => {
    const endS = Math.ceil(Date.now() / 60_000) * 60 + 60;
    const data = pullData(2, endS);
    fake = await startFakeCloudWatch({ 'eu-west-1': { 'prod-events': data['eu-west-1'].events } });
    dir = mkdtempSync(join(tmpdir(), 'kinesis-lint-metrics-vars-'));
    writeFileSync(join(dir, 'main.tf'), PREFIXED);
    mkdirSync(join(dir, 'env'));
    writeFileSync(join(dir, 'env', 'prod.tfvars'), 'prefix = "prod"\n');
  });
  afterEach(async () => { await fake.close(); rmSync(dir, { recursive: true, force: true }); });

  it('without an input the stream is skipped as "name unknown" and nothing is pulled', async () => {
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.equal(r.stderr, [
      'kinesis-lint: skipped aws_kinesis_stream.events: its name is unknown, so its metrics cannot be found',
      'kinesis-lint: no aws_kinesis_stream with a known name; nothing to pull',
      '',
    ].join('\n'));
    assert.equal(fake.requests.length, 0);
  });

  it('--var NAME=VALUE: pulled under the name it gives', async () => {
    const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint, '--var', 'prefix=prod');
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /skipped/);
    assert.match(r.stderr, /\[1\/1\] prod-events \(eu-west-1\): read, 1,440 minutes with data/);
    assert.deepEqual(streamNames(fake), ['prod-events']);
    const snapshot = JSON.parse(readFileSync(join(dir, '.kinesis-lint', 'metrics.json'), 'utf8'));
    assert.deepEqual(snapshot.streams.map((x: { stream: string }) => x.stream), ['prod-events']);
  });

  it('--var-file FILE (relative to the current directory; -var-file= too): pulled under the name it gives', async () => {
    for (const args of [['--var-file', 'env/prod.tfvars'], ['-var-file=env/prod.tfvars']]) {
      fake.requests.length = 0;
      const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint, ...args);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(streamNames(fake), ['prod-events']);
    }
  });

  it('precedence as for the lint command: TF_VAR_, then --var and --var-file in command-line order (queries shows the name)', async () => {
    const name = async (env: Record<string, string>, ...args: string[]) => {
      const r = await cli(dir, awsEnv(dir, true, env), 'metrics', 'queries', '--days', '1', ...args);
      assert.equal(r.code, 0, r.stderr);
      return /^# eu-west-1: (.*)$/m.exec(r.stdout)?.[1];
    };
    // (Every order: cliInputs.test.ts.)
    assert.equal(await name({ TF_VAR_prefix: 'staging' }), 'staging-events');
    assert.equal(await name({ TF_VAR_prefix: 'staging' }, '--var-file', 'env/prod.tfvars', '-var', 'prefix=dev'), 'dev-events');
    assert.equal(fake.requests.length, 0);
  });

  it('a bad --var or --var-file is a usage error (exit 2) with the lint command\'s message (all cases: cliInputs.test.ts)', async () => {
    for (const args of [['--var', 'prefix'], ['--var-file', 'none.tfvars']]) {
      const lint = await cli(dir, awsEnv(dir, true), ...args, '.');
      assert.equal(lint.code, 2, `lint ${args.join(' ')}: ${lint.stderr}`);
      const message = /^kinesis-lint: (.*)$/m.exec(lint.stderr)![1];
      const r = await cli(dir, awsEnv(dir, true), 'metrics', 'pull', '--endpoint', fake.endpoint, ...args, '.');
      assert.equal(r.code, 2, `pull ${args.join(' ')}: ${r.stderr}`);
      assert.equal(r.stderr, `kinesis-lint metrics: ${message}\nRun 'kinesis-lint metrics --help' for usage.\n`);
    }
    assert.equal(fake.requests.length, 0);
  });

  it('help lists --var and --var-file for pull and queries', async () => {
    const help = await cli(dir, awsEnv(dir, true), 'metrics', '--help');
    assert.match(help.stdout, /\[--endpoint URL\] \[--var NAME=VALUE\] \[--var-file FILE\]\n/);
    assert.match(help.stdout, /kinesis-lint metrics queries \[PATH\.\.\.\] .*\n +\[--var NAME=VALUE\] \[--var-file FILE\]\n/);
  });
});

const TLS_DIR = join(__dirname, '..', 'fixtures', 'tls');

describe('kinesis-lint metrics pull through HTTPS_PROXY (CLI end to end, loopback proxy and CloudWatch over TLS)', function () {
  this.timeout(40000);
  let fake: FakeCloudWatch;
  let proxy: ConnectProxy;
  let dir: string;
  beforeEach(async () => {
    const endS = Math.ceil(Date.now() / 60_000) * 60 + 60;
    const tls = { key: readFileSync(join(TLS_DIR, 'key.pem'), 'utf8'), cert: readFileSync(join(TLS_DIR, 'cert.pem'), 'utf8') };
    // Pages of 2,000 points: several requests, so that the tunnel's reuse shows.
    fake = await startFakeCloudWatch(pullData(2, endS), 2000, tls);
    proxy = await startConnectProxy();
    dir = mkdtempSync(join(tmpdir(), 'kinesis-lint-metrics-proxy-'));
    writeFileSync(join(dir, 'main.tf'), TF);
  });
  afterEach(async () => { await fake.close(); await proxy.close(); rmSync(dir, { recursive: true, force: true }); });

  /** The self-signed certificate of the loopback server trusted (NODE_EXTRA_CA_CERTS), as a corporate CA would be. */
  const trusting = (extra: Record<string, string>) => awsEnv(dir, true, { NODE_EXTRA_CA_CERTS: join(TLS_DIR, 'cert.pem'), ...extra });
  const port = () => new URL(fake.endpoint).port;

  it('every request goes through a CONNECT tunnel to the endpoint\'s host:port, with the proxy\'s credentials', async () => {
    const r = await cli(dir, trusting({ HTTPS_PROXY: proxy.url.replace('http://', 'http://me:s%40cret@') }), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 0, r.stderr);
    assert.match(fake.endpoint, /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(proxy.connects.length >= 1);
    assert.deepEqual([...new Set(proxy.connects)], [`127.0.0.1:${port()}`]);
    assert.deepEqual([...new Set(proxy.authorizations)], [`Basic ${Buffer.from('me:s@cret').toString('base64')}`]);
    // Keep-alive: the tunnel is reused, not one CONNECT a request.
    assert.ok(proxy.connects.length < fake.requests.length, `${proxy.connects.length} CONNECTs for ${fake.requests.length} requests`);
    const snapshot = JSON.parse(readFileSync(join(dir, '.kinesis-lint', 'metrics.json'), 'utf8'));
    assert.deepEqual(snapshot.streams.map((s: { stream: string }) => s.stream), ['clicks', 'events', 'ghost']);
  });

  it('https_proxy (lower case) and AWS_ENDPOINT_URL_CLOUDWATCH work the same way', async () => {
    const r = await cli(dir, trusting({ https_proxy: proxy.url, AWS_ENDPOINT_URL_CLOUDWATCH: fake.endpoint }), 'metrics', 'pull', '--days', '1');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual([...new Set(proxy.connects)], [`127.0.0.1:${port()}`]);
    assert.ok(fake.requests.length > 0);
  });

  it('a host in NO_PROXY is reached directly', async () => {
    const r = await cli(dir, trusting({ HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' }), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(proxy.connects, []);
    assert.ok(fake.requests.length > 0);
  });

  it('an http:// endpoint is reached directly, whatever HTTPS_PROXY says', async () => {
    const plain = await startFakeCloudWatch(pullData(2, Math.ceil(Date.now() / 60_000) * 60 + 60));
    try {
      const r = await cli(dir, awsEnv(dir, true, { HTTPS_PROXY: proxy.url }), 'metrics', 'pull', '--days', '1', '--endpoint', plain.endpoint);
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(proxy.connects, []);
      assert.ok(plain.requests.length > 0);
    } finally {
      await plain.close();
    }
  });

  it('a proxy that refuses the tunnel: every stream fails with its answer, nothing is written (exit 3)', async () => {
    proxy.refuse = 407;
    const r = await cli(dir, trusting({ HTTPS_PROXY: proxy.url }), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /\[1\/3\] events \(eu-west-1\): GetMetricData failed in eu-west-1: .*proxy 127\.0\.0\.1:\d+ refused the tunnel: HTTP 407/);
    assert.match(r.stderr, /no stream could be read\. Nothing was written\./);
    assert.equal(fake.requests.length, 0);
    assert.equal(existsSync(join(dir, '.kinesis-lint')), false);
  });

  it('the endpoint\'s certificate is still checked through the tunnel: an untrusted one fails', async () => {
    const r = await cli(dir, awsEnv(dir, true, { HTTPS_PROXY: proxy.url }), 'metrics', 'pull', '--days', '1', '--endpoint', fake.endpoint);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /self[- ]signed certificate/);
    assert.deepEqual([...new Set(proxy.connects)], [`127.0.0.1:${port()}`]);
    assert.equal(fake.requests.length, 0);
  });
});
