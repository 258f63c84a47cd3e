// "kinesis-lint: Pull metrics for streams in this workspace": the CLI's stderr lines, the progress notification's
// message and share, and the message at the end (client/src/pullMetricsText.ts has no vscode import).
import { strict as assert } from 'assert';
import { LineSplitter, PULL_ARGS, otherLines, parseProgress, progressMessage, summarize, type FolderRun } from '../../client/src/pullMetricsText';

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

  it('the message and share: stream 3 of 4 started is half of its folder; the folder named when there are several', () => {
    const p = parseProgress('kinesis-lint: [3/4] events (eu-west-1)')!;
    assert.deepEqual(progressMessage(p, 0, 1, 'infra'), { message: '[3/4] events (eu-west-1)', done: 0.5 });
    assert.deepEqual(progressMessage(p, 1, 2, 'prod'), { message: 'prod: [3/4] events (eu-west-1)', done: 0.75 });
    assert.deepEqual(progressMessage({ index: 1, total: 0, text: '[1/0]' }, 0, 1), { message: '[1/0]', done: 0 });
  });

  it('success: the CLI\'s last line that is not progress, per folder when there are several', () => {
    const one = run({ stderr: ['kinesis-lint: [1/1] events (eu-west-1)', 'kinesis-lint: wrote .kinesis-lint/metrics.json: 1 stream, 14 days'] });
    assert.deepEqual(summarize([one]), { level: 'info', text: 'kinesis-lint: wrote .kinesis-lint/metrics.json: 1 stream, 14 days' });
    const quiet = run({ name: 'prod', stderr: ['kinesis-lint: [1/1] clicks (us-east-1)'] });
    assert.deepEqual(summarize([one, quiet]), { level: 'info', text: 'kinesis-lint: infra: wrote .kinesis-lint/metrics.json: 1 stream, 14 days; prod: snapshot written' });
  });

  it('failure: every line that is not progress (the per-stream errors, the reason), and which folders did succeed', () => {
    const failed = run({ code: 2, stderr: ['kinesis-lint: [1/1] events (eu-west-1)', 'kinesis-lint: no AWS credentials found', ''] });
    assert.deepEqual(otherLines(failed), ['no AWS credentials found']);
    assert.deepEqual(summarize([failed]), { level: 'error', text: 'kinesis-lint: metrics not pulled: no AWS credentials found' });
    const ok = run({ name: 'prod' });
    assert.deepEqual(summarize([failed, ok]), { level: 'error', text: 'kinesis-lint: metrics not pulled: infra: no AWS credentials found (pulled for prod)' });
    assert.deepEqual(summarize([run({ code: 1 })]), { level: 'error', text: 'kinesis-lint: metrics not pulled: exit code 1' });
    assert.deepEqual(summarize([run({ code: null, startError: 'spawn ENOENT' })]), { level: 'error', text: 'kinesis-lint: metrics not pulled: spawn ENOENT' });
  });

  it('cancelled: a warning, with the folders already done; none at all: a warning', () => {
    assert.deepEqual(summarize([run({ name: 'prod' }), run({ code: null, cancelled: true })]), { level: 'warning', text: 'kinesis-lint: metrics pull cancelled (done for prod); no snapshot was half-written' });
    assert.equal(summarize([]).level, 'warning');
  });
});
