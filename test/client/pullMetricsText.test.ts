// "kinesis-lint: Pull metrics for streams in this workspace": the CLI's stderr lines, the progress notification's
// message and share, and the message at the end (client/src/pullMetricsText.ts has no vscode import).
import { strict as assert } from 'assert';
import { LineSplitter, PULL_ARGS, otherLines, parseProgress, progressMessage, retryMessage, summarize, unreadStreams, type FolderRun } from '../../client/src/pullMetricsText';

const run = (over: Partial<FolderRun>): FolderRun => ({ name: 'infra', code: 0, cancelled: false, stderr: [], stdout: [], ...over });

describe('pull metrics command: text', () => {
  it('runs `metrics pull` of the bundled CLI', () => {
    assert.deepEqual([...PULL_ARGS], ['metrics', 'pull']);
  });

  it('splits chunks into lines, a line arriving in pieces, CRLF as one break, the rest at the end', () => {
    const s = new LineSplitter();
    assert.deepEqual(s.push('kinesis-lint: [1/2] ev'), []);
    assert.deepEqual(s.push('ents (eu-west-1): 3 metrics\r\nkinesis-lint: [2/2] clicks'), ['kinesis-lint: [1/2] events (eu-west-1): 3 metrics']);
    assert.deepEqual(s.push(' (us-east-1)\n'), ['kinesis-lint: [2/2] clicks (us-east-1)']);
    assert.deepEqual(s.push('wrote .kinesis-lint/metrics.json'), []);
    assert.deepEqual(s.end(), ['wrote .kinesis-lint/metrics.json']);
    assert.deepEqual(s.end(), []);
  });

  it('reads a progress line "kinesis-lint: [3/12] …"; any other line is not progress', () => {
    assert.deepEqual(parseProgress('kinesis-lint: [3/12] events (eu-west-1): reading 14 days'), { index: 3, total: 12, text: '[3/12] events (eu-west-1): reading 14 days' });
    assert.equal(parseProgress('kinesis-lint: events (eu-west-1): AccessDenied'), undefined);
    assert.equal(parseProgress('[3/12] events'), undefined);
  });

  it('the message and share: stream 2 of 4 read is half of its folder; the folder named when there are several', () => {
    const p = parseProgress('kinesis-lint: [2/4] events (eu-west-1)')!;
    assert.deepEqual(progressMessage(p, 0, 1, 'infra'), { message: '[2/4] events (eu-west-1)', done: 0.5 });
    assert.deepEqual(progressMessage(p, 1, 2, 'prod'), { message: 'prod: [2/4] events (eu-west-1)', done: 0.75 });
    assert.deepEqual(progressMessage({ index: 1, total: 0, text: '[1/0]' }, 0, 1), { message: '[1/0]', done: 0 });
  });

  it('a retry line becomes the message while the CLI waits', () => {
    assert.equal(retryMessage('kinesis-lint: Throttling: Rate exceeded (eu-west-1); retrying in 2 s (attempt 2 of 6)'), 'Throttling: Rate exceeded (eu-west-1); retrying in 2 s (attempt 2 of 6)');
    assert.equal(retryMessage('kinesis-lint: [1/2] events (eu-west-1): read, 20,160 minutes with data'), undefined);
    assert.equal(retryMessage('kinesis-lint: wrote 2 streams'), undefined);
  });

  // The lines as server/src/cli/metrics.ts writes them.
  const HEAD = 'kinesis-lint: pulling 14 days of CloudWatch metrics for 2 streams in eu-west-1…';
  const WROTE = 'kinesis-lint: wrote 1 stream, observed 2026-11-15 → 11-28, to /ws/.kinesis-lint/metrics.json';

  it('exit 0: the CLI\'s last line, per folder when there are several', () => {
    const one = run({ stderr: [HEAD, 'kinesis-lint: [1/1] events (eu-west-1): read, 20,160 minutes with data', WROTE] });
    assert.deepEqual(summarize([one]), { level: 'info', text: 'kinesis-lint: wrote 1 stream, observed 2026-11-15 → 11-28, to /ws/.kinesis-lint/metrics.json' });
    const quiet = run({ name: 'prod', stderr: ['kinesis-lint: [1/1] clicks (us-east-1): read, 60 minutes with data'] });
    assert.deepEqual(summarize([one, quiet]), { level: 'info', text: 'kinesis-lint: infra: wrote 1 stream, observed 2026-11-15 → 11-28, to /ws/.kinesis-lint/metrics.json; prod: snapshot written' });
  });

  it('exit 1 (written without some streams): a warning naming each stream not read and why', () => {
    const partial = run({ code: 1, stderr: [
      HEAD,
      'kinesis-lint: [1/2] events (eu-west-1): read, 20,160 minutes with data',
      'kinesis-lint: AccessDenied (eu-west-1); retrying in 1 s (attempt 2 of 6)',
      'kinesis-lint: [2/2] audit (eu-west-1): AccessDenied: grant cloudwatch:GetMetricData',
      WROTE,
    ] });
    assert.deepEqual(unreadStreams(partial), ['audit (eu-west-1): AccessDenied: grant cloudwatch:GetMetricData']);
    assert.deepEqual(summarize([partial]), {
      level: 'warning',
      text: 'kinesis-lint: wrote 1 stream, observed 2026-11-15 → 11-28, to /ws/.kinesis-lint/metrics.json; not read: audit (eu-west-1): AccessDenied: grant cloudwatch:GetMetricData',
    });
  });

  it('nothing written: the streams not read and the fatal error, not the header, retries or "Nothing was written."; the folders that did succeed', () => {
    const failed = run({ code: 3, stderr: [HEAD, 'kinesis-lint metrics pull: no AWS credentials found (the default chain: environment, profile, SSO, instance role)', 'Nothing was written.', ''] });
    assert.deepEqual(summarize([failed]), { level: 'error', text: 'kinesis-lint: metrics not pulled: no AWS credentials found (the default chain: environment, profile, SSO, instance role)' });
    const allUnread = run({ code: 3, stderr: [HEAD, 'kinesis-lint: [1/1] events (eu-west-1): no data points: no such stream in eu-west-1, or no traffic in 14 days', 'kinesis-lint metrics pull: no stream could be read. Nothing was written.'] });
    assert.deepEqual(summarize([allUnread]), { level: 'error', text: 'kinesis-lint: metrics not pulled: events (eu-west-1): no data points: no such stream in eu-west-1, or no traffic in 14 days; no stream could be read. Nothing was written.' });
    assert.deepEqual(otherLines(failed), ['pulling 14 days of CloudWatch metrics for 2 streams in eu-west-1…', 'no AWS credentials found (the default chain: environment, profile, SSO, instance role)', 'Nothing was written.']);
    assert.deepEqual(summarize([failed, run({ name: 'prod' })]), { level: 'error', text: 'kinesis-lint: metrics not pulled: infra: no AWS credentials found (the default chain: environment, profile, SSO, instance role) (pulled for prod)' });
    assert.deepEqual(summarize([run({ code: 2 })]), { level: 'error', text: 'kinesis-lint: metrics not pulled: exit code 2' });
    assert.deepEqual(summarize([run({ code: null, startError: 'spawn ENOENT' })]), { level: 'error', text: 'kinesis-lint: metrics not pulled: spawn ENOENT' });
  });

  it('a folder without Terraform beside folders with some is skipped, not an error; alone it is the error', () => {
    const none = run({ name: 'docs', code: 3, stderr: ['kinesis-lint: no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in .; nothing to pull'] });
    const ok = run({ name: 'infra', stderr: ['kinesis-lint: [1/1] events (eu-west-1): read, 20,160 minutes with data', 'kinesis-lint: wrote .kinesis-lint/metrics.json: 1 stream'] });
    assert.deepEqual(summarize([ok, none]), { level: 'info', text: 'kinesis-lint: wrote .kinesis-lint/metrics.json: 1 stream (no Terraform in docs)' });
    assert.equal(summarize([none]).level, 'error');
    assert.match(summarize([none]).text, /no Terraform files/);
  });

  it('cancelled: a warning, with the folders already done; none at all: a warning', () => {
    assert.deepEqual(summarize([run({ name: 'prod' }), run({ code: null, cancelled: true })]), { level: 'warning', text: 'kinesis-lint: metrics pull cancelled (done for prod); no snapshot was half-written' });
    assert.equal(summarize([]).level, 'warning');
  });
});
