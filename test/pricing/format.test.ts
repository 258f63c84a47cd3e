import { strict as assert } from 'assert';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';
import { estimateMonthlyCost, resolveLoad } from '../../server/src/core/pricing/estimate';
import { estimateLines, formatQuantity, formatTotal, formatUnitPrice, formatUsd } from '../../server/src/core/pricing/format';

describe('format', () => {
  it('formatUsd: cents, thousands separators, small amounts kept non-zero', () => {
    assert.equal(formatUsd(43.8), '$43.80');
    assert.equal(formatUsd(1234.5), '$1,234.50');
    assert.equal(formatUsd(0), '$0.00');
    assert.equal(formatUsd(0.091), '$0.09');
    assert.equal(formatUsd(0.005), '$0.01');
    assert.equal(formatUsd(0.0042), '$0.0042');
    assert.equal(formatUsd(0.000012345), '$0.000012');
    assert.equal(formatUsd(-2.5), '-$2.50');
  });

  it('formatUnitPrice keeps every digit of a unit price', () => {
    assert.equal(formatUnitPrice(0.015), '$0.015');
    assert.equal(formatUnitPrice(0.04), '$0.04');
    assert.equal(formatUnitPrice(0.1), '$0.10');
  });

  it('formatQuantity', () => {
    assert.equal(formatQuantity(2920), '2,920');
    assert.equal(formatQuantity(1283.203125), '1,283');
    assert.equal(formatQuantity(6.5), '6.5');
    assert.equal(formatQuantity(26.283), '26.28');
    assert.equal(formatQuantity(0.2), '0.2');
    assert.equal(formatQuantity(0.0031234), '0.00312');
    assert.equal(formatQuantity(0), '0');
  });

  it('estimateLines: applicable rows, unknown ones spelled out, then the total', () => {
    const e = estimateMonthlyCost(
      { mode: 'PROVISIONED', instances: 1, shards: 4, retentionHours: 48, standardConsumers: 1, efoConsumers: 0, load: null },
      BUILTIN_PRICES,
      'us-east-1',
    );
    assert.deepEqual(estimateLines(e), [
      ['Shard hours', '2,920 shard-hours × $0.015', '$43.80'],
      ['PUT payload units', '? million PUT units × $0.014', 'unknown'],
      ['Extended retention (over 24 h)', '2,920 shard-hours × $0.02', '$58.40'],
      ['Total per month', '', '≥ $102.20'],
    ]);
    assert.equal(estimateLines(e, { includeZero: true }).length, e.components.length + 1);
  });

  it('formatTotal without unknowns has no ≥', () => {
    const load = resolveLoad({ writeMiBPerSec: 1, avgRecordKiB: 1 });
    const e = estimateMonthlyCost(
      { mode: 'PROVISIONED', instances: 1, shards: 1, retentionHours: 24, standardConsumers: 0, efoConsumers: 0, load },
      BUILTIN_PRICES,
      'us-east-1',
    );
    // 10.95 + 1,024 rec/s × 2,628,000 s / 1e6 × 0.014 = 10.95 + 37.675008
    assert.equal(formatTotal(e), '$48.63');
  });
});
