import { strict as assert } from 'assert';
import { applicableFix, planFixes, touches } from '../../server/src/cli/fix/selectFixes';
import type { Fix } from '../../server/src/core/types';
import { CWD, finding, range } from './synthetic';

const MAIN = `${CWD}/main.tf`;
const fix = (title: string, sl: number, sc: number, el: number, ec: number, extra: Partial<Fix> = {}, file = MAIN): Fix =>
  ({ title, edits: [{ file, range: range(sl, sc, el, ec), newText: title }], ...extra });
const withFixes = (...fixes: Fix[]) => finding({ ruleId: 'r', severity: 'warning', fixes });

describe('cli/fix/selectFixes', () => {
  it('takes the first fix that is not a suggestion', () => {
    const f = withFixes(fix('annotate', 0, 0, 0, 0, { isSuggestion: true }), fix('resize', 3, 16, 3, 17), fix('other', 5, 0, 5, 1));
    assert.equal(applicableFix(f)?.title, 'resize');
    assert.equal(applicableFix(withFixes(fix('annotate', 0, 0, 0, 0, { isSuggestion: true }))), undefined);
    assert.equal(applicableFix(withFixes({ title: 'empty', edits: [] })), undefined);
  });

  it('accepts non-overlapping fixes and groups their edits by file', () => {
    const other = `${CWD}/variables.tf`;
    const plan = planFixes([withFixes(fix('a', 1, 0, 1, 5)), withFixes(fix('b', 3, 0, 3, 5)), withFixes(fix('c', 1, 0, 1, 5, {}, other))]);
    assert.deepEqual(plan.accepted.map((f) => f.title), ['a', 'b', 'c']);
    assert.deepEqual(plan.editsByFile.get(MAIN)?.map((e) => e.newText), ['a', 'b']);
    assert.deepEqual(plan.editsByFile.get(other)?.map((e) => e.newText), ['c']);
    assert.deepEqual(plan.deferred, []);
  });

  it('defers a fix that overlaps or touches an accepted one, the whole fix with all its edits', () => {
    const twoEdits: Fix = { title: 'two', edits: [{ file: MAIN, range: range(9, 0, 9, 1), newText: 'x' }, { file: MAIN, range: range(1, 3, 1, 8), newText: 'y' }] };
    const plan = planFixes([withFixes(fix('a', 1, 0, 1, 5)), withFixes(twoEdits), withFixes(fix('touching', 1, 5, 1, 5)), withFixes(fix('after', 1, 6, 1, 7))]);
    assert.deepEqual(plan.accepted.map((f) => f.title), ['a', 'after']);
    assert.deepEqual(plan.deferred.map((f) => f.title), ['two', 'touching']);
    assert.deepEqual(plan.editsByFile.get(MAIN)?.map((e) => e.newText), ['a', 'after']);
  });

  it('skips a fix whose own edits overlap', () => {
    const broken: Fix = { title: 'broken', edits: [{ file: MAIN, range: range(1, 0, 1, 5), newText: 'x' }, { file: MAIN, range: range(1, 2, 1, 3), newText: 'y' }] };
    const plan = planFixes([withFixes(broken)]);
    assert.deepEqual([plan.accepted.length, plan.deferred.length], [0, 0]);
  });

  it('touches(): overlap or shared end point; ranges on other lines do not', () => {
    assert.equal(touches(range(1, 0, 1, 5), range(1, 4, 1, 9)), true);
    assert.equal(touches(range(1, 0, 1, 5), range(1, 5, 1, 9)), true);
    assert.equal(touches(range(1, 3, 1, 3), range(1, 3, 1, 3)), true);
    assert.equal(touches(range(1, 0, 1, 5), range(1, 6, 1, 9)), false);
    assert.equal(touches(range(1, 0, 2, 0), range(2, 1, 2, 2)), false);
  });
});
