import type { Finding } from '../types';
import type { PipelineRule } from './rule';
import { meta } from './rule';
import type { ConfigProblem } from '../config/config';

export const rule: PipelineRule = {
  meta: meta('invalid-config', 'error', false, 'An invalid .kinesis-lint.json or price table; the defaults (built-in prices) are used instead.'),
};

export function invalidConfigFinding(problem: ConfigProblem): Omit<Finding, 'severity'> {
  return { ruleId: rule.meta.id, message: problem.message, file: problem.file, range: problem.range, resource: null, fixes: [], ...(problem.jsonSyntax ? { jsonSyntax: true as const } : {}) };
}
