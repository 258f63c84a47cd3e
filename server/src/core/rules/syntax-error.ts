import type { Finding } from '../types';
import type { PipelineRule } from './rule';
import { meta } from './rule';
import type { SourceFile } from '../syntax/sourceFile';

export const rule: PipelineRule = {
  meta: meta('syntax-error', 'error', false, 'HCL that Terraform (and hcl2json, its parser) rejects.'),
};

export function syntaxErrorFindings(file: SourceFile): Omit<Finding, 'severity'>[] {
  return file.syntaxErrors.map((d) => ({
    ruleId: rule.meta.id,
    // Terraform's summary is the short sentence; its detail explains (the hover's related information).
    message: d.summary,
    ...(d.detail ? { detail: d.detail } : {}),
    file: file.path,
    range: d.range,
    resource: null,
    fixes: [],
  }));
}
