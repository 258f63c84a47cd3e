// The Language Status item's text per server state, and the price table line (issue #10 item 15).
import { strict as assert } from 'assert';
import { languageStatusView, pricesDetail } from '../../client/src/languageStatusText';

const builtin = { label: 'built-in list prices', date: '2023-08-01', file: null, modules: 2 };
const mine = { label: 'mine.json', date: '2026-10', file: '/w/b/mine.json', modules: 1 };

describe('language status text', () => {
  it('names the price table and its date while running; each table with its module count when they differ', () => {
    const view = languageStatusView('running', [builtin]);
    assert.deepEqual([view.text, view.detail, view.severity, view.busy], ['kinesis-lint', 'prices: built-in list prices of 2023-08-01', 'information', false]);
    assert.equal(pricesDetail([builtin, mine]), 'prices: built-in list prices of 2023-08-01 (2 modules), mine.json of 2026-10 (1 module)');
    assert.equal(pricesDetail(undefined), 'price table: not known yet');
  });

  it('is busy while starting, a warning when stopped, an error after a crash, and points at the setting when disabled', () => {
    assert.equal(languageStatusView('starting', undefined).busy, true);
    const stopped = languageStatusView('stopped', [builtin]);
    assert.deepEqual([stopped.severity, stopped.command.command], ['warning', 'kinesisLint.restartServer']);
    const error = languageStatusView('error', [builtin]);
    assert.deepEqual([error.text, error.severity, error.command.command], ['kinesis-lint: error', 'error', 'kinesisLint.showOutput']);
    const disabled = languageStatusView('disabled', [builtin]);
    assert.deepEqual([disabled.text, disabled.command.command, disabled.command.arguments], ['kinesis-lint: disabled', 'workbench.action.openSettings', ['kinesisLint.enable']]);
  });

  it('says in one line why there is no cost delta (issue #12), after the price table', () => {
    const view = languageStatusView('running', [builtin], 'no cost delta vs HEAD: /w is not inside a git repository (no .git found above it)');
    assert.equal(view.detail, 'prices: built-in list prices of 2023-08-01 · no cost delta vs HEAD: /w is not inside a git repository (no .git found above it)');
    assert.equal(view.severity, 'information');
    assert.equal(languageStatusView('running', [builtin], '').detail, 'prices: built-in list prices of 2023-08-01');
  });
});
