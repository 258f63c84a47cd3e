import { strict as assert } from 'assert';
import { exitCodeFor } from '../../server/src/cli/exitCode';

const counts = (errors: number, warnings: number, infos: number, hints: number) => ({ errors, warnings, infos, hints });

describe('cli/exitCode', () => {
  it('--fail-on error: only errors fail', () => {
    assert.equal(exitCodeFor(counts(1, 0, 0, 0), 'error'), 1);
    assert.equal(exitCodeFor(counts(0, 5, 5, 5), 'error'), 0);
  });

  it('--fail-on warning: errors and warnings fail', () => {
    assert.equal(exitCodeFor(counts(0, 1, 0, 0), 'warning'), 1);
    assert.equal(exitCodeFor(counts(0, 0, 3, 3), 'warning'), 0);
  });

  it('--fail-on info: infos fail too, hints never do', () => {
    assert.equal(exitCodeFor(counts(0, 0, 1, 0), 'info'), 1);
    assert.equal(exitCodeFor(counts(0, 0, 0, 7), 'info'), 0);
  });

  it('--fail-on never: always 0', () => {
    assert.equal(exitCodeFor(counts(4, 4, 4, 4), 'never'), 0);
  });
});
