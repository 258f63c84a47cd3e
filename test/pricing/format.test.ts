import { strict as assert } from 'assert';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';
import { estimateMonthlyCost, resolveLoad } from '../../server/src/core/pricing/estimate';
import {
  estimatedCost, estimateLines, formatCost, formatQuantity, formatUnitPrice, formatUnitRate, formatUnknownCost, formatUsd, streamCostText, unknownCause,
} from '../../server/src/core/pricing/format';
import type { UnknownInput } from '../../server/src/core/partial';

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
      // A lower bound reads as everywhere else ("+ usage"), not "≥".
      ['Total per month', '', '$102.20 + usage'],
    ]);
    assert.equal(estimateLines(e, { includeZero: true }).length, e.components.length + 1);
  });

  it('estimateLines: the total of an exact estimate is the amount', () => {
    const load = resolveLoad({ writeMiBPerSec: 1, avgRecordKiB: 1 });
    const e = estimateMonthlyCost(
      { mode: 'PROVISIONED', instances: 1, shards: 1, retentionHours: 24, standardConsumers: 0, efoConsumers: 0, load },
      BUILTIN_PRICES,
      'us-east-1',
    );
    // 10.95 + 1,024 rec/s × 2,628,000 s / 1e6 × 0.014 = 10.95 + 37.675008
    assert.deepEqual(estimateLines(e).pop(), ['Total per month', '', '$48.63']);
  });

  it('estimateLines: nothing priceable is "unknown", never "≥ $0.00"', () => {
    const e = estimateMonthlyCost(
      { mode: 'PROVISIONED', instances: 1, shards: null, retentionHours: 24, standardConsumers: 0, efoConsumers: 0, load: null },
      BUILTIN_PRICES,
      'us-east-1',
    );
    assert.equal(e.monthlyUsd, 0);
    assert.deepEqual(estimateLines(e).pop(), ['Total per month', '', 'unknown']);
  });
});

describe('format: money that is exact, a lower bound or unknown (issue #10, defect 2)', () => {
  const shards: UnknownInput = { what: 'shard-count', why: 'shard_count: var.shards has no default and no value' };
  const load: UnknownInput = { what: 'load', why: 'no load declared' };

  it('formatCost and estimatedCost: exact, lower bound, unknown naming what is missing', () => {
    assert.equal(formatCost(43.8, '/month', []), '$43.80/month');
    assert.equal(formatCost({ atLeast: 21.9 }, '/month', [load]), '$21.90/month + usage');
    assert.equal(formatCost(null, '/month', [load, shards]), 'cost unknown: shard_count not resolved, no load declared');
    assert.equal(estimatedCost(43.8, '/mo', []), '≈ $43.80/mo');
    assert.equal(estimatedCost({ atLeast: 21.9 }, '/mo', [load]), '≈ $21.90/mo + usage');
    assert.equal(estimatedCost(null, '/mo', [shards]), 'cost unknown: shard_count not resolved');
    assert.equal(formatUnknownCost([]), 'cost unknown');
  });

  it('unknownCause names each missing input once, in a fixed order', () => {
    assert.equal(unknownCause([load, shards, { ...shards, why: 'other' }]), 'shard_count not resolved, no load declared');
    assert.equal(unknownCause([{ what: 'stream-mode', why: 'x' }, { what: 'instance-count', why: 'y' }]), 'count/for_each not resolved, stream_mode not resolved');
    assert.equal(unknownCause([]), '');
  });

  it('streamCostText: per-instance figure and fallback rates stay "cost unknown", with the figure named as such', () => {
    const known = { monthlyCost: 43.8, monthlyCostPerInstance: null, unknowns: [] };
    assert.equal(streamCostText(known, '/mo'), '≈ $43.80/mo');
    const counted = { monthlyCost: null, monthlyCostPerInstance: { atLeast: 21.9 }, unknowns: [{ what: 'instance-count' as const, why: 'count is unknown' }] };
    assert.equal(streamCostText(counted, '/mo'), 'cost unknown: count/for_each not resolved (≈ $21.90/mo + usage per instance)');
    const blank = { monthlyCost: null, monthlyCostPerInstance: null, unknowns: [shards] };
    assert.equal(streamCostText(blank, '/mo'), 'cost unknown: shard_count not resolved');
    const abroad = { monthlyCost: null, monthlyCostPerInstance: null, unknowns: [{ what: 'prices' as const, why: 'no verified prices' }], atFallbackRates: { usd: 29.2, priceRegion: 'us-east-1' } };
    assert.equal(streamCostText(abroad, '/mo'), 'cost unknown: no verified prices for the region (≈ $29.20/mo at us-east-1 rates)');
    assert.equal(streamCostText({ ...abroad, atFallbackRates: { usd: null, priceRegion: 'us-east-1' } }, '/mo'), 'cost unknown: no verified prices for the region');
    // A lower bound at the fallback rates: "+ usage", not "≈ ≥ $12.34".
    assert.equal(streamCostText({ ...abroad, atFallbackRates: { usd: { atLeast: 12.34 }, priceRegion: 'us-east-1' } }, '/mo'), 'cost unknown: no verified prices for the region (≈ $12.34/mo + usage at us-east-1 rates)');
  });

  it('formatUnitRate says the unit of a unit price, never "/mo"', () => {
    assert.equal(formatUnitRate(0.015, 'shard-hours'), '$0.015 per shard-hour');
    assert.equal(formatUnitRate(0.023, 'GB-months'), '$0.023 per GB-month');
    assert.equal(formatUnitRate(0.014, 'million PUT units'), '$0.014 per million PUT units');
    assert.equal(formatUnitRate(null, 'GB'), 'unknown price per GB');
  });
});
