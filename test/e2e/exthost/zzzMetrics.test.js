// Issue #13 in the real extension host: a stream without a load annotation is sized from a metrics snapshot
// (.kinesis-lint/metrics.json), its hover says "**Load**: observed … · snapshot N days old", and the snapshot is a
// watched input (writing it re-analyses). Then "kinesis-lint: Pull metrics for streams in this workspace" runs the
// packaged CLI against a loopback CloudWatch (fakeCloudWatch.js) through AWS_ENDPOINT_URL_CLOUDWATCH and fake
// credentials in the extension host's environment, which the forked CLI inherits; nothing reaches AWS.
// Runs last (zzz): it adds a stream file and the snapshot to the workspace and removes them at the end.
'use strict';
const assert = require('assert');
const vscode = require('vscode');
const { waitFor } = require('./waitFor');
const { startFakeCloudWatch } = require('./fakeCloudWatch');

const DAY = 24 * 60 * 60 * 1000;
const markdownText = (c) => (typeof c === 'string' ? c : c.value);

/** core/metrics/describe.ts rangeWords: the days the range covers, the end's year left out when it is the start's. */
function rangeWords(start, end) {
  const from = start.slice(0, 10);
  const to = new Date(Math.max(Date.parse(start), Date.parse(end) - 1)).toISOString().slice(0, 10);
  if (to === from) return from;
  return `${from} → ${to.slice(0, 4) === from.slice(0, 4) ? to.slice(5) : to}`;
}

/** A per-second Stats entry: the peak, p99 and mean of 1-minute rates. */
const stats = (peak, p99, mean) => ({ peak, p99, mean });

/** The fixture snapshot: prod-clicks observed for 14 days ending `ageDays` (and an hour) ago. */
function snapshot(ageDays) {
  const pulled = Date.now() - ageDays * DAY - 60 * 60 * 1000;
  const end = new Date(Math.floor(pulled / DAY) * DAY);
  const start = new Date(end.getTime() - 14 * DAY);
  const MiB = 1024 * 1024;
  return {
    version: 1,
    range: { start: start.toISOString(), end: end.toISOString(), periodSeconds: 60 },
    pulledAt: new Date(pulled).toISOString(),
    source: { tool: 'kinesis-lint metrics pull', version: '0.1.0' },
    streams: [{
      stream: 'prod-clicks',
      region: 'us-east-1',
      minutes: 20160,
      // 3 MiB/s at p99 on 1 shard (1 MiB/s): undersized from the observation alone.
      incomingBytes: stats(3.5 * MiB, 3 * MiB, 1.5 * MiB),
      incomingRecords: stats(1800, 1500, 750),
      getRecordsBytes: stats(3.5 * MiB, 3 * MiB, 1.5 * MiB),
    }],
  };
}

const STREAM_TF = [
  '# No load annotation: the metrics snapshot is the load.',
  'resource "aws_kinesis_stream" "clicks" {',
  '  name             = "${var.environment}-clicks"',
  '  shard_count      = 1',
  '  retention_period = 24',
  '}',
  '',
].join('\n');

describe('metrics snapshot: observed load in the hover, and the Pull metrics command (issue #13)', function () {
  const folder = vscode.workspace.workspaceFolders[0].uri;
  const tfUri = vscode.Uri.joinPath(folder, 'clicks.tf');
  const snapshotUri = vscode.Uri.joinPath(folder, '.kinesis-lint', 'metrics.json');
  const shardCount = new vscode.Position(3, 4);
  const hoverText = async () => {
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', tfUri, shardCount);
    return hovers.flatMap((h) => h.contents.map(markdownText)).join('\n');
  };
  const undersized = () => vscode.languages.getDiagnostics(tfUri).filter((d) => (typeof d.code === 'object' ? d.code.value : d.code) === 'undersized-shards');

  after(async function () {
    for (const uri of [tfUri, vscode.Uri.joinPath(folder, '.kinesis-lint')]) {
      await vscode.workspace.fs.delete(uri, { recursive: true }).then(undefined, () => undefined);
    }
  });

  it('a stream without an annotation: no load; the snapshot written beside it becomes its load, said in the hover', async function () {
    await vscode.workspace.fs.writeFile(tfUri, Buffer.from(STREAM_TF));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(tfUri));
    await waitFor('the hover of the stream without a load', async () => (await hoverText()).includes('no load declared'));
    assert.deepStrictEqual(undersized(), []);

    const snap = snapshot(3);
    await vscode.workspace.fs.writeFile(snapshotUri, Buffer.from(JSON.stringify(snap, null, 2)));
    const line = `**Load**: observed ${rangeWords(snap.range.start, snap.range.end)} · snapshot 3 days old`;
    const text = await waitFor(`the hover line "${line}"`, async () => {
      const t = await hoverText();
      return t.includes(line) ? t : undefined;
    });
    assert.ok(!text.includes('no load declared'), text);
    // The observed 3 MiB/s on 1 shard: the sizing rule fires from the observation alone.
    const [d] = await waitFor('undersized-shards from the observed load', () => {
      const found = undersized();
      return found.length ? found : undefined;
    });
    assert.strictEqual(d.range.start.line, 3);
  });

  it('"Pull metrics for streams in this workspace" runs metrics pull against a loopback CloudWatch; the new snapshot is used', async function () {
    const cloudWatch = await startFakeCloudWatch();
    const saved = {};
    const env = {
      AWS_ENDPOINT_URL_CLOUDWATCH: cloudWatch.url,
      AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE',
      AWS_SECRET_ACCESS_KEY: 'fake-secret-for-the-loopback-server',
      AWS_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_PROFILE: undefined,
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    };
    for (const [key, value] of Object.entries(env)) {
      saved[key] = process.env[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    try {
      const summary = await vscode.commands.executeCommand('kinesisLint.pullMetrics');
      assert.ok(summary, 'the command did not run');
      assert.strictEqual(summary.level, 'info', summary.text);
      assert.ok(cloudWatch.requests.length > 0, 'the CLI never called the loopback CloudWatch');
      assert.ok(cloudWatch.requests.every((r) => r.target === 'GraniteServiceVersion20100801.GetMetricData'), JSON.stringify(cloudWatch.requests.map((r) => r.target)));
      const written = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(snapshotUri)).toString('utf8'));
      assert.deepStrictEqual(written.streams.map((s) => s.stream).sort(), ['prod-clicks', 'prod-device-telemetry']);
      const line = `**Load**: observed ${rangeWords(written.range.start, written.range.end)} · snapshot pulled today`;
      await waitFor(`the hover line "${line}"`, async () => (await hoverText()).includes(line));
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
      await cloudWatch.close();
    }
  });
});
