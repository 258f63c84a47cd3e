import type { Finding } from '../types';
import type { PipelineRule } from './rule';
import { meta } from './rule';
import type { AnnotationProblem } from '../model/annotations';
import type { SourceFile } from '../syntax/sourceFile';

export const rule: PipelineRule = {
  meta: meta('invalid-annotation', 'warning', false, 'A kinesis-lint annotation or ignore comment that cannot be read.'),
};

export function invalidAnnotationFinding(file: SourceFile, problem: AnnotationProblem, resource: string | null): Omit<Finding, 'severity'> {
  return {
    ruleId: rule.meta.id,
    message: `Invalid kinesis-lint comment: ${problem.message}.`,
    file: file.path,
    range: file.lines.rangeOf(problem.span),
    resource,
    fixes: [],
  };
}
