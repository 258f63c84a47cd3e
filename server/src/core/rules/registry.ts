// The explicit, ordered list of rules. A rule that is not listed here does not run; test/rules/registry.test.ts
// checks every file in this folder named after a rule is listed, and every rule has a docs page.
import type { RuleMeta } from '../types';
import type { StreamRule } from './rule';
import { rule as syntaxError } from './syntax-error';
import { rule as missingKms } from './missing-kms';
import { rule as kmsKeyMissing } from './kms-key-missing';
import { rule as awsManagedKmsKey } from './aws-managed-kms-key';
import { rule as undersizedShards } from './undersized-shards';
import { rule as oversizedShards } from './oversized-shards';
import { rule as extendedRetentionCost } from './extended-retention-cost';
import { rule as longTermRetentionCost } from './long-term-retention-cost';
import { rule as efoConsumerLimit } from './efo-consumer-limit';
import { rule as efoUnneeded } from './efo-unneeded';
import { rule as efoRecommended } from './efo-recommended';
import { rule as capacityModeCost } from './capacity-mode-cost';
import { rule as shardCountModeConflict } from './shard-count-mode-conflict';
import { rule as invalidArgument } from './invalid-argument';
import { rule as throughputUndeclared } from './throughput-undeclared';
import { rule as invalidAnnotation } from './invalid-annotation';
import { rule as invalidConfig } from './invalid-config';
import { rule as moduleNotAnalysed } from './module-not-analysed';
import { rule as loadDrift } from './load-drift';
import { rule as throttled } from './throttled';
import { rule as hotShard } from './hot-shard';

export const STREAM_RULES: readonly StreamRule[] = [
  missingKms,
  kmsKeyMissing,
  awsManagedKmsKey,
  undersizedShards,
  oversizedShards,
  extendedRetentionCost,
  longTermRetentionCost,
  efoConsumerLimit,
  efoUnneeded,
  efoRecommended,
  capacityModeCost,
  shardCountModeConflict,
  invalidArgument,
  throughputUndeclared,
  loadDrift,
  throttled,
  hotShard,
];

export const RULES: readonly RuleMeta[] = [
  syntaxError.meta,
  ...STREAM_RULES.map((r) => r.meta),
  invalidAnnotation.meta,
  invalidConfig.meta,
  moduleNotAnalysed.meta,
];

export const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

export function ruleMeta(id: string): RuleMeta | undefined {
  return RULES.find((r) => r.id === id);
}
