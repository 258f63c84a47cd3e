// The JSON Schema is also contributed to VS Code: every property needs a description, and its defaults must
// be the ones the loader applies.
import { strict as assert } from 'assert';
import { DEFAULT_CONFIG } from '../../server/src/core/config/config';
import schema = require('../../server/src/core/config/kinesis-lint.schema.json');

const RULE_IDS = [
  'syntax-error',
  'missing-kms',
  'kms-key-missing',
  'aws-managed-kms-key',
  'undersized-shards',
  'oversized-shards',
  'extended-retention-cost',
  'long-term-retention-cost',
  'efo-consumer-limit',
  'efo-unneeded',
  'efo-recommended',
  'capacity-mode-cost',
  'shard-count-mode-conflict',
  'invalid-argument',
  'throughput-undeclared',
  'invalid-annotation',
  'invalid-config',
  'module-not-analysed',
];

type SchemaNode = { description?: string; properties?: Record<string, SchemaNode>; additionalProperties?: unknown; $ref?: string };

function undescribed(node: SchemaNode, path: string): string[] {
  const out: string[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    if (!child.description) out.push(`${path}/${key}`);
    out.push(...undescribed(child, `${path}/${key}`));
  }
  return out;
}

describe('kinesis-lint.schema.json', () => {
  it('draft-07, closed at the top', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.additionalProperties, false);
    assert.deepEqual(Object.keys(schema.properties), ['$schema', 'region', 'target_utilization', 'streams', 'rules', 'prices', 'var_files', 'thresholds', 'account', 'metrics']);
  });

  it('lists exactly the rule ids', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties), RULE_IDS);
    assert.deepEqual(schema.definitions.severity.enum, ['error', 'warning', 'info', 'hint', 'off']);
  });

  it('every property is described', () => {
    const root = schema as unknown as SchemaNode;
    const missing = [...undescribed(root, ''), ...undescribed(schema.definitions.streamLoad as SchemaNode, '#streamLoad')];
    assert.deepEqual(missing, []);
  });

  it('schema defaults are the loader defaults', () => {
    assert.equal(schema.properties.target_utilization.default, DEFAULT_CONFIG.targetUtilization);
    const t = schema.properties.thresholds.properties;
    const d = DEFAULT_CONFIG.thresholds;
    assert.deepEqual(
      [t.oversized_factor.default, t.mode_switch_min_savings_percent.default, t.mode_switch_min_savings_usd.default, t.efo_recommended_min_consumers.default],
      [d.oversizedFactor, d.modeSwitchMinSavingsPercent, d.modeSwitchMinSavingsUsd, d.efoRecommendedMinConsumers],
    );
    assert.deepEqual(
      [t.load_drift_tolerance.default, t.load_drift_below_factor.default, t.hot_shard_factor.default, t.hot_shard_min_utilization.default],
      [d.loadDriftTolerance, d.loadDriftBelowFactor, d.hotShardFactor, d.hotShardMinUtilization],
    );
    assert.deepEqual(schema.properties.thresholds.default, {
      oversized_factor: d.oversizedFactor,
      mode_switch_min_savings_percent: d.modeSwitchMinSavingsPercent,
      mode_switch_min_savings_usd: d.modeSwitchMinSavingsUsd,
      efo_recommended_min_consumers: d.efoRecommendedMinConsumers,
      load_drift_tolerance: d.loadDriftTolerance,
      load_drift_below_factor: d.loadDriftBelowFactor,
      hot_shard_factor: d.hotShardFactor,
      hot_shard_min_utilization: d.hotShardMinUtilization,
    });
    assert.equal(schema.properties.metrics.properties.max_age_days.default, DEFAULT_CONFIG.metrics.maxAgeDays);
  });
});
