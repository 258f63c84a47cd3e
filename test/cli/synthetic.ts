// Synthetic core results for the CLI tests: the formatters and the fix loop are tested without the analysis core.
import type { ModuleAnalysis, StreamReport } from '../../server/src/core/results';
import type { Estimate } from '../../server/src/core/pricing/estimate';
import type { Finding, Range, RuleMeta, Severity } from '../../server/src/core/types';
import type { ToolInfo } from '../../server/src/cli/toolInfo';

export const CWD = '/work/repo';

export const TOOL: ToolInfo = { name: 'kinesis-lint', version: '9.8.7', informationUri: 'https://example.test/kinesis-lint' };

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

export function finding(overrides: Partial<Finding> & { ruleId: string; severity: Severity }): Finding {
  return {
    message: `message of ${overrides.ruleId}`,
    file: `${CWD}/main.tf`,
    range: range(0, 0, 0, 1),
    resource: null,
    fixes: [],
    ...overrides,
  };
}

export const RULES: RuleMeta[] = [
  { id: 'syntax-error', defaultSeverity: 'error', description: 'HCL syntax error.', docsUrl: 'https://example.test/docs/rules/syntax-error.md', fixable: false },
  { id: 'missing-kms', defaultSeverity: 'warning', description: 'Stream is not encrypted with KMS.', docsUrl: 'https://example.test/docs/rules/missing-kms.md', fixable: true },
  { id: 'aws-managed-kms-key', defaultSeverity: 'info', description: 'Stream uses the AWS-managed key.', docsUrl: 'https://example.test/docs/rules/aws-managed-kms-key.md', fixable: false },
  { id: 'throughput-undeclared', defaultSeverity: 'hint', description: 'No declared load.', docsUrl: 'https://example.test/docs/rules/throughput-undeclared.md', fixable: true },
];

/** A provisioned stream, 2 shards, us-east-1: shard hours known, PUT units unknown (no declared load). */
export function provisionedStream(overrides: Partial<StreamReport> = {}): StreamReport {
  const estimate: Estimate = {
    region: 'us-east-1', priceRegion: 'us-east-1', priceDate: '2023-08-01', currency: 'USD',
    monthlyUsd: 21.9, partial: true,
    components: [
      { id: 'shard-hours', label: 'Shard hours', quantity: 1460, unit: 'shard-hours', unitPriceUsd: 0.015, monthlyUsd: 21.900000000000002 },
      { id: 'put-payload-units', label: 'PUT payload units', quantity: null, unit: 'million PUT units', unitPriceUsd: 0.014, monthlyUsd: null },
      { id: 'extended-retention', label: 'Extended retention', quantity: 0, unit: 'shard-hours', unitPriceUsd: 0.02, monthlyUsd: 0 },
    ],
    assumptions: ['1 month = 730 hours'],
  };
  return {
    resource: 'aws_kinesis_stream.events',
    file: `${CWD}/main.tf`,
    names: ['events'],
    shardLevelMetrics: [],
    range: range(2, 0, 2, 38),
    instances: 1,
    mode: 'PROVISIONED',
    shardCount: 2,
    region: 'us-east-1',
    retentionHours: 24,
    consumers: { standard: 1, efo: 0 },
    declared: null,
    loadSource: null,
    observed: null,
    requiredShards: null,
    bindingLimit: null,
    peakUtilization: null,
    estimate,
    monthlyCost: { atLeast: 21.900000000000002 },
    monthlyCostPerInstance: null,
    partial: true,
    unknowns: [{ what: 'load', why: 'no load declared' }],
    ...EDITOR_FIELDS,
    ...overrides,
  };
}

/** An on-demand stream in a child module, fully priced (declared load). */
export function onDemandStream(): StreamReport {
  const estimate: Estimate = {
    region: 'eu-west-1', priceRegion: 'us-east-1', priceDate: '2023-08-01', currency: 'USD',
    monthlyUsd: 29.2 + 0.1 + 0.2,
    partial: false,
    components: [
      { id: 'on-demand-stream-hours', label: 'Stream hours (on-demand)', quantity: 730, unit: 'stream-hours', unitPriceUsd: 0.04, monthlyUsd: 29.2 },
      { id: 'on-demand-data-ingested', label: 'Data ingested', quantity: 1.25, unit: 'GB', unitPriceUsd: 0.08, monthlyUsd: 0.1 },
      { id: 'on-demand-data-retrieval', label: 'Data retrieved', quantity: 5, unit: 'GB', unitPriceUsd: 0.04, monthlyUsd: 0.2 },
    ],
    assumptions: ['eu-west-1 has no verified prices; us-east-1 prices used'],
  };
  return {
    resource: 'module.ingest.aws_kinesis_stream.this',
    file: `${CWD}/modules/stream/main.tf`,
    names: null,
    shardLevelMetrics: [],
    range: range(4, 0, 4, 36),
    instances: 2,
    mode: 'ON_DEMAND',
    shardCount: null,
    region: 'eu-west-1',
    retentionHours: 168,
    consumers: { standard: 2, efo: null },
    declared: { avgUtilization: 0.5, writeMiBPerSec: 0.25 },
    loadSource: 'declared',
    observed: null,
    requiredShards: 1,
    bindingLimit: 'write-bytes',
    peakUtilization: 0.3,
    estimate,
    monthlyCost: 29.2 + 0.1 + 0.2,
    monthlyCostPerInstance: null,
    partial: false,
    unknowns: [],
    ...EDITOR_FIELDS,
  };
}

/** Fields only the editor reads; the CLI's formats ignore them. */
const EDITOR_FIELDS = {
  sizing: null,
  targetUtilization: 0.8,
  consumerLinks: [],
  targets: { block: range(0, 0, 0, 0), arguments: {}, annotations: [] },
} satisfies Partial<StreamReport>;

export function analysis(findings: Finding[], streams: StreamReport[] = [], files = [`${CWD}/main.tf`]): ModuleAnalysis {
  return { dir: CWD, files, findings, streams };
}
