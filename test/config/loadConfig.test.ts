// .kinesis-lint.json: valid configs, problems at exact places, partial application, and the user price table.
import { strict as assert } from 'assert';
import { loadConfig } from '../../server/src/core/config/loadConfig';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import { applyEditorSettings } from '../../server/src/core/config/editorSettings';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';
import type { Range } from '../../server/src/core/types';
import { memoryHost } from '../support/memoryHost';

const CONFIG = '/repo/.kinesis-lint.json';
function r(l1: number, c1: number, l2: number, c2: number): Range {
  return { start: { line: l1, character: c1 }, end: { line: l2, character: c2 } };
}
async function load(text: string, others: Record<string, string> = {}) {
  return loadConfig(CONFIG, memoryHost({ [CONFIG]: text, ...others }));
}

describe('loadConfig: valid files', () => {
  it('no file: defaults and the built-in prices', async () => {
    const loaded = await loadConfig(undefined, memoryHost({}));
    assert.deepEqual(loaded, { config: DEFAULT_CONFIG, file: null, keys: [], prices: BUILTIN_PRICES, pricesFile: null, problems: [] });
  });

  it('every setting, converted to camelCase', async () => {
    const loaded = await load(
      JSON.stringify({
        $schema: './node_modules/kinesis-lint/kinesis-lint.schema.json',
        region: 'eu-west-1',
        target_utilization: 0.7,
        account: { on_demand_advantage: true },
        streams: {
          'module.ingest.aws_kinesis_stream.events': {
            write_mib_per_sec: 3,
            records_per_sec: 2000,
            avg_record_kib: 1.5,
            consumers: 2,
            efo_consumers: 1,
            avg_utilization: 0.4,
          },
          'aws_kinesis_stream.small': { records_per_sec: 10 },
        },
        rules: { 'missing-kms': 'off', 'oversized-shards': 'error' },
        thresholds: {
          oversized_factor: 3, mode_switch_min_savings_percent: 15, mode_switch_min_savings_usd: 5, efo_recommended_min_consumers: 4,
          load_drift_tolerance: 0.2, load_drift_below_factor: 0.25, hot_shard_factor: 3, hot_shard_min_utilization: 0.6,
        },
        metrics: { file: 'metrics/snapshot.json', max_age_days: 7 },
      }),
    );
    assert.deepEqual(loaded.problems, []);
    assert.deepEqual(loaded.config, {
      region: 'eu-west-1',
      targetUtilization: 0.7,
      account: { onDemandAdvantage: true },
      streams: {
        'module.ingest.aws_kinesis_stream.events': {
          writeMiBPerSec: 3,
          recordsPerSec: 2000,
          avgRecordKiB: 1.5,
          consumers: 2,
          efoConsumers: 1,
          avgUtilization: 0.4,
        },
        'aws_kinesis_stream.small': { recordsPerSec: 10 },
      },
      rules: { 'missing-kms': 'off', 'oversized-shards': 'error' },
      thresholds: {
        oversizedFactor: 3, modeSwitchMinSavingsPercent: 15, modeSwitchMinSavingsUsd: 5, efoRecommendedMinConsumers: 4,
        loadDriftTolerance: 0.2, loadDriftBelowFactor: 0.25, hotShardFactor: 3, hotShardMinUtilization: 0.6,
      },
      // Resolved against the config file's folder.
      metrics: { file: '/repo/metrics/snapshot.json', maxAgeDays: 7 },
    });
    assert.equal(loaded.file, CONFIG);
    assert.equal(loaded.prices, BUILTIN_PRICES);
  });

  it('missing thresholds keep their defaults one by one', async () => {
    const { config } = await load('{"thresholds": {"oversized_factor": 4}}');
    assert.deepEqual(config.thresholds, { ...DEFAULT_CONFIG.thresholds, oversizedFactor: 4 });
  });
});

describe('loadConfig: metrics and the issue #13 thresholds', () => {
  it('metrics.max_age_days defaults to 30, metrics.file to none', async () => {
    assert.deepEqual((await load('{}')).config.metrics, { maxAgeDays: 30 });
    assert.deepEqual((await load('{ "metrics": {} }')).config.metrics, { maxAgeDays: 30 });
  });

  it('problems at their place; the valid parts apply', async () => {
    const loaded = await load('{\n  "metrics": { "file": "", "max_age_days": 0 },\n  "thresholds": { "load_drift_below_factor": 0, "hot_shard_factor": 0.5, "hot_shard_min_utilization": 1.5, "load_drift_tolerance": -1 }\n}');
    assert.deepEqual(loaded.problems.map((p) => [p.range, p.message]), [
      [r(1, 23, 1, 25), '"metrics.file" must not be empty'],
      [r(1, 43, 1, 44), '"metrics.max_age_days" must be ≥ 1 (got 0)'],
      [r(2, 45, 2, 46), '"thresholds.load_drift_below_factor" must be > 0 (got 0)'],
      [r(2, 68, 2, 71), '"thresholds.hot_shard_factor" must be ≥ 1 (got 0.5)'],
      [r(2, 102, 2, 105), '"thresholds.hot_shard_min_utilization" must be ≤ 1 (got 1.5)'],
      [r(2, 131, 2, 133), '"thresholds.load_drift_tolerance" must be ≥ 0 (got -1)'],
    ]);
    assert.deepEqual(loaded.config.metrics, { maxAgeDays: 30 });
    assert.deepEqual(loaded.config.thresholds, DEFAULT_CONFIG.thresholds);
  });

  it('an unknown key under metrics, with the closest one', async () => {
    const loaded = await load('{ "metrics": { "max_age_day": 3 } }');
    assert.deepEqual(loaded.problems.map((p) => [p.range, p.message]), [[r(0, 15, 0, 28), 'unknown key "max_age_day" in "metrics" — did you mean "max_age_days"?']]);
  });
});

describe('loadConfig: problems sit at the offending JSON', () => {
  it('unknown key with a suggestion, on the key', async () => {
    const loaded = await load('{\n  "regoin": "us-east-1"\n}');
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(1, 2, 1, 10), message: 'unknown key "regoin" — did you mean "region"?' }]);
  });

  it('account.on_demand_advantage of the wrong type, on the value; the rest applies', async () => {
    const loaded = await load('{\n  "region": "us-east-2",\n  "account": { "on_demand_advantage": "yes" }\n}');
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(2, 38, 2, 43), message: '"account.on_demand_advantage" must be true or false (got "yes")' }]);
    assert.deepEqual(loaded.config.account, { onDemandAdvantage: false });
    assert.equal(loaded.config.region, 'us-east-2');
  });

  it('an unknown key under account, on the key', async () => {
    const loaded = await load('{ "account": { "advantage": true } }');
    assert.equal(loaded.problems.length, 1);
    assert.deepEqual(loaded.problems[0].range, r(0, 15, 0, 26));
    assert.match(loaded.problems[0].message, /^unknown key "advantage" in "account"/);
  });

  it('kinesisLint.onDemandAdvantage fills account when the file does not set it', async () => {
    const host = memoryHost({ [CONFIG]: '{ "region": "us-east-1" }' });
    const fromSetting = await applyEditorSettings(await loadConfig(CONFIG, host), { onDemandAdvantage: true }, host);
    assert.deepEqual(fromSetting.config.account, { onDemandAdvantage: true });
    const fileWins = await load('{ "account": { "on_demand_advantage": false } }');
    assert.deepEqual((await applyEditorSettings(fileWins, { onDemandAdvantage: true }, host)).config.account, { onDemandAdvantage: false });
  });

  it('out of range, on the value', async () => {
    const loaded = await load('{\n  "target_utilization": 1.5\n}');
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(1, 24, 1, 27), message: '"target_utilization" must be ≤ 1 (got 1.5)' }]);
    assert.equal(loaded.config.targetUtilization, 0.8);
  });

  it('target_utilization 0 is excluded', async () => {
    const loaded = await load('{"target_utilization": 0}');
    assert.deepEqual(loaded.problems.map((p) => p.message), ['"target_utilization" must be > 0 (got 0)']);
  });

  it('a bad rule severity is dropped; the region and other rules still apply', async () => {
    const loaded = await load('{\n  "region": "us-east-2",\n  "rules": {"missing-kms": "err", "efo-unneeded": "hint", "missng-kms": "off"}\n}');
    assert.deepEqual(loaded.problems, [
      { file: CONFIG, range: r(2, 27, 2, 32), message: '"rules.missing-kms" must be one of error, warning, info, hint, off (got "err")' },
      { file: CONFIG, range: r(2, 58, 2, 70), message: 'unknown key "missng-kms" in "rules" — did you mean "missing-kms"?' },
    ]);
    assert.equal(loaded.config.region, 'us-east-2');
    assert.deepEqual(loaded.config.rules, { 'efo-unneeded': 'hint' });
  });

  it('a bad stream field is dropped, the rest of the stream stays; ranges after multi-byte characters', async () => {
    // The key holds "é" (1 UTF-16 unit) and "😀" (2 units).
    const text = '{"streams": {"aws_kinesis_stream.é😀": {"consumers": -1, "records_per_sec": 5, "burst": 1}}}';
    const loaded = await load(text);
    assert.deepEqual(loaded.problems, [
      { file: CONFIG, range: r(0, 53, 0, 55), message: '"streams.aws_kinesis_stream.é😀.consumers" must be ≥ 0 (got -1)' },
      {
        file: CONFIG,
        range: r(0, 79, 0, 86),
        message:
          'unknown key "burst" in "streams.aws_kinesis_stream.é😀" (known keys: write_mib_per_sec, records_per_sec, avg_record_kib, consumers, efo_consumers, avg_utilization, replay_gib_per_month)',
      },
    ]);
    assert.deepEqual(loaded.config.streams, { 'aws_kinesis_stream.é😀': { recordsPerSec: 5 } });
  });

  it('wrong types', async () => {
    const loaded = await load('{"streams": 5, "thresholds": {"efo_recommended_min_consumers": 2.5}, "region": ""}');
    assert.deepEqual(
      loaded.problems.map((p) => [p.range.start.character, p.message]),
      [
        [12, '"streams" must be an object (got 5)'],
        [63, '"thresholds.efo_recommended_min_consumers" must be a whole number (got 2.5)'],
        [79, '"region" must be an AWS region such as us-east-1 (got "")'],
      ],
    );
    assert.deepEqual(loaded.config, { ...DEFAULT_CONFIG, thresholds: { ...DEFAULT_CONFIG.thresholds } });
  });

  it('a document that is not an object', async () => {
    const loaded = await load('["region"]');
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(0, 0, 0, 10), message: 'the document must be an object (got an array)' }]);
  });

  it('a JSON syntax error: the range of the bad token, defaults for everything', async () => {
    const loaded = await load('{\r\n  "region": "eu-west-1",\r\n}');
    assert.deepEqual(loaded.problems, [
      { file: CONFIG, range: r(1, 23, 1, 24), message: 'trailing comma is not allowed in JSON (the whole file is ignored until this is fixed)', jsonSyntax: true },
    ]);
    assert.equal(loaded.config.region, undefined);
  });

  it('an unreadable file', async () => {
    const loaded = await loadConfig(CONFIG, memoryHost({}));
    assert.deepEqual(loaded.problems, [{ file: CONFIG, range: r(0, 0, 0, 0), message: 'cannot read the configuration file; defaults used' }]);
  });
});
