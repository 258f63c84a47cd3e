// Small builders and look-ups shared by the model and pipeline tests.
import { strict as assert } from 'assert';
import * as path from 'path';
import { ROOT, type Result } from '../support/analyze';
import type { StreamReport } from '../../server/src/core/results';
import type { Finding, Range } from '../../server/src/core/types';

export { analyze, r, abs } from '../support/analyze';

/** Lines joined with "\n", ending with one. */
export function hcl(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** Encryption that no KMS rule objects to, so tests see only the findings they are about. */
export const ENCRYPTED = ['  encryption_type = "KMS"', '  kms_key_id      = "alias/orders"'];

/** A stream block: the given argument lines inside `resource "aws_kinesis_stream" "<name>" {`. */
export function stream(name: string, ...args: string[]): string {
  return hcl(`resource "aws_kinesis_stream" "${name}" {`, ...args, '}');
}

/** The report of one stream address; fails when there is none or several. */
export function report(res: Result, address: string): StreamReport {
  const found = res.streams.filter((s) => s.resource === address);
  assert.equal(found.length, 1, `expected one report for ${address}, got: ${res.streams.map((s) => s.resource).join(', ')}`);
  return found[0];
}

/** A finding as [rule, file relative to the test root, range]: what most assertions compare. */
export type Brief = [string, string, Range];

export function brief(f: Finding): Brief {
  return [f.ruleId, path.relative(ROOT, f.file), f.range];
}

/** Findings of some rules, in the pipeline's order, as briefs. */
export function briefs(res: Result, ...ruleIds: string[]): Brief[] {
  return res.findings.filter((f) => ruleIds.includes(f.ruleId)).map(brief);
}

/** Shard-hours of an estimate (a count of shards × 730 h when the shard count is known). */
export function shardHours(s: StreamReport): number | null {
  return s.estimate.components.find((c) => c.id === 'shard-hours')?.quantity ?? null;
}
