// Issue #10 defect 4: a fix's title carries the monthly change priced by the shared model with the fix applied;
// an unknown change names no amount (never $0.00).
import { strict as assert } from 'assert';
import { fixDeltaUsd, titleWithDelta } from '../../server/src/core/rules/costDelta';
import type { CostComponent, Estimate } from '../../server/src/core/pricing/estimate';

const line = (id: string, monthlyUsd: number | null, quantity: number | null = monthlyUsd === null ? null : 1): CostComponent =>
  ({ id, label: id, unit: 'shard-hours', quantity, unitPriceUsd: 0.015, monthlyUsd } as unknown as CostComponent);
const estimate = (components: CostComponent[], fallback = false): Estimate =>
  ({ region: 'us-east-1', priceRegion: 'us-east-1', priceDate: '', currency: 'USD', monthlyUsd: 0, partial: false, components, assumptions: [], ...(fallback ? { fallback } : {}) });

describe('fix titles with the monthly change', () => {
  it('writes the sign and the amount: + for more, U+2212 for less', () => {
    assert.equal(titleWithDelta('Set shard_count = 4', 21.9), 'Set shard_count = 4 (+$21.90/mo)');
    assert.equal(titleWithDelta('Switch to PROVISIONED, 2 shards', -218.37), 'Switch to PROVISIONED, 2 shards (\u2212$218.37/mo)');
    assert.equal(titleWithDelta('Set retention_period = 24', -58.4, ' per instance'), 'Set retention_period = 24 (\u2212$58.40/mo per instance)');
  });

  it('an unknown change names no amount', () => {
    assert.equal(titleWithDelta('Set shard_count = 4', undefined), 'Set shard_count = 4');
    assert.equal(titleWithDelta('Set shard_count = 4', Number.NaN), 'Set shard_count = 4');
  });

  it('sums the lines that differ, including lines only one side has', () => {
    assert.equal(fixDeltaUsd(estimate([line('a', 10), line('b', 5)]), estimate([line('a', 30), line('c', 1)])), 30 + 1 - 10 - 5);
  });

  it('a line unknown on both sides with the same quantity and price cancels out; unknown on one side only does not', () => {
    assert.equal(fixDeltaUsd(estimate([line('a', 10), line('put', null)]), estimate([line('a', 20), line('put', null)])), 10);
    assert.equal(fixDeltaUsd(estimate([line('a', 10), line('put', null)]), estimate([line('a', 20), line('put', 3)])), undefined);
    assert.equal(fixDeltaUsd(estimate([line('a', null)]), estimate([line('a', 20)])), undefined);
    assert.equal(fixDeltaUsd(estimate([line('a', 10)]), estimate([line('a', null)])), undefined);
  });

  it('at another region\'s rates (no verified prices) the change is unknown', () => {
    assert.equal(fixDeltaUsd(estimate([line('a', 10)], true), estimate([line('a', 20)], true)), undefined);
  });
});
