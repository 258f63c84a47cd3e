// The status bar text for each server state and cost summary (client/src/statusText.ts has no vscode import).
import { strict as assert } from 'assert';
import { formatUsd, statusView } from '../../client/src/statusText';

describe('status bar text', () => {
  it('shows the workspace total with the pulse icon, and opens the cost report on click', () => {
    const view = statusView('running', { totalMonthlyUsd: 597.11, partial: false, streams: 3 });
    assert.equal(view.text, '$(pulse) kinesis-lint ≈ $597.11/mo');
    assert.equal(view.command, 'kinesisLint.showCostReport');
    assert.equal(view.warning, false);
    assert.match(view.tooltip, /3 streams/);
  });

  it('appends "+ usage" when part of the cost depends on an undeclared load', () => {
    const view = statusView('running', { totalMonthlyUsd: 21.9, partial: true, streams: 1 });
    assert.equal(view.text, '$(pulse) kinesis-lint ≈ $21.90/mo + usage');
    assert.match(view.tooltip, /1 stream at/);
    assert.match(view.tooltip, /"\+ usage"/);
  });

  it('says "cost unknown" when no total can be given, and names what is missing; a lower bound gets "+ usage"', () => {
    const unknown = statusView('running', { totalMonthlyUsd: null, monthlyCost: null, partial: true, streams: 1, missing: 'instance count' });
    assert.equal(unknown.text, '$(pulse) kinesis-lint cost unknown');
    assert.match(unknown.tooltip, /No total: .* Missing: instance count\./);
    const bound = statusView('running', { totalMonthlyUsd: 29.2, monthlyCost: { atLeast: 29.2 }, partial: true, streams: 1, missing: 'load' });
    assert.equal(bound.text, '$(pulse) kinesis-lint ≈ $29.20/mo + usage');
    assert.match(bound.tooltip, /Missing: load\./);
    // Exact total even though a count is a lower bound: the amount has no "+ usage".
    const exact = statusView('running', { totalMonthlyUsd: 29.2, monthlyCost: 29.2, partial: true, streams: 1, missing: 'readers' });
    assert.equal(exact.text, '$(pulse) kinesis-lint ≈ $29.20/mo');
  });

  it('says the server\'s words for the total (one formatter), and which figures are held', () => {
    const unknown = statusView('running', {
      totalMonthlyUsd: null, monthlyCost: null, partial: true, streams: 1, missing: 'shard count',
      monthlyCostText: 'cost unknown: shard_count not resolved', heldStreams: 0,
    });
    assert.equal(unknown.text, '$(pulse) kinesis-lint cost unknown: shard_count not resolved');
    assert.ok(!unknown.tooltip.includes('last valid version'));
    const held = statusView('running', { totalMonthlyUsd: 10.95, monthlyCost: 10.95, partial: false, streams: 1, monthlyCostText: '≈ $10.95/mo', heldStreams: 1 });
    assert.equal(held.text, '$(pulse) kinesis-lint ≈ $10.95/mo');
    assert.match(held.tooltip, /Figures of 1 stream are from the last valid version of its module, which has a syntax error now\./);
  });

  it('is busy before the first analysis and while the workspace pass runs; no amount when the workspace has no stream', () => {
    // Busy, not one file's total as the workspace's (issue #10, defect 1): it used to show "$(pulse) kinesis-lint".
    assert.equal(statusView('running', undefined).text, '$(sync~spin) kinesis-lint');
    const partway = statusView('running', { totalMonthlyUsd: 10.95, partial: false, streams: 1, busy: true, monthlyCostText: '≈ $10.95/mo' });
    assert.equal(partway.text, '$(sync~spin) kinesis-lint');
    assert.match(partway.tooltip, /analysing the workspace/);
    const done = statusView('running', { totalMonthlyUsd: 21.9, partial: false, streams: 2, busy: false, monthlyCostText: '≈ $21.90/mo' });
    assert.equal(done.text, '$(pulse) kinesis-lint ≈ $21.90/mo');
    const none = statusView('running', { totalMonthlyUsd: 0, partial: false, streams: 0 });
    assert.equal(none.text, '$(pulse) kinesis-lint');
    assert.match(none.tooltip, /no aws_kinesis_stream/);
  });

  it('shows a spinner while starting and a warning when stopped, whatever the last summary', () => {
    const summary = { totalMonthlyUsd: 5, partial: false, streams: 1 };
    assert.equal(statusView('starting', summary).text, '$(sync~spin) kinesis-lint');
    const stopped = statusView('stopped', summary);
    assert.equal(stopped.text, '$(warning) kinesis-lint stopped');
    assert.equal(stopped.warning, true);
    assert.equal(stopped.command, 'kinesisLint.showOutput');
  });

  it('formats amounts as US dollars with cents and thousands separators', () => {
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(1234.5), '$1,234.50');
    assert.equal(formatUsd(43.795), '$43.80');
  });

  it('appends the workspace delta against kinesisLint.compareTo and lists the changed streams in the tooltip', () => {
    const base = { totalMonthlyUsd: 201.9, monthlyCost: 201.9, partial: false, streams: 3, monthlyCostText: '≈ $201.90/mo' };
    const view = statusView('running', {
      ...base,
      delta: { against: 'HEAD', monthlyDelta: 21.9, text: '+$21.90 vs HEAD', changes: ['aws_kinesis_stream.s: +$21.90/mo (2 → 4 shards)'] },
    });
    assert.equal(view.text, '$(pulse) kinesis-lint ≈ $201.90/mo (+$21.90 vs HEAD)');
    assert.match(view.tooltip, /\nChanged vs HEAD:\n• aws_kinesis_stream\.s: \+\$21\.90\/mo \(2 → 4 shards\)\n/);
    // Nothing changed, or no comparison: the total alone.
    const same = statusView('running', { ...base, delta: { against: 'HEAD', monthlyDelta: 0, text: 'no change vs HEAD', changes: [] } });
    assert.equal(same.text, '$(pulse) kinesis-lint ≈ $201.90/mo');
    assert.doesNotMatch(same.tooltip, /Changed/);
    assert.equal(statusView('running', base).text, '$(pulse) kinesis-lint ≈ $201.90/mo');
  });
});
