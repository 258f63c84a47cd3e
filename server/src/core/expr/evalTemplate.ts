// Template evaluation: literal text, interpolations and %{if}/%{for} directives, producing a string.
import type { Node, TemplatePart } from './ast';
import { toBool } from './convert';
import type { Evaluator } from './evaluator';
import { iterate, templateText } from './iteration';
import { EvalFailure, Unknown, Value, asUnknown, fail, firstProblem, isUnknownish } from './values';

/** Template text; an unknown part makes it unknown, but later parts are still checked for failures. */
export function evalTemplate(ev: Evaluator, parts: TemplatePart[]): Value {
  let out = '';
  let unknown: Unknown | undefined;
  const add = (r: Value): EvalFailure | undefined => {
    if (r instanceof EvalFailure) return r;
    if (isUnknownish(r)) unknown ??= asUnknown(r);
    else out += r as string;
    return undefined;
  };
  for (const part of parts) {
    let failure: EvalFailure | undefined;
    if (part.kind === 'text') out += part.text;
    else if (part.kind === 'interp') failure = add(templateText(ev.eval(part.expr)));
    else if (part.kind === 'if') failure = add(evalIf(ev, part.cond, part.then, part.else));
    else failure = add(evalTemplateFor(ev, part));
    if (failure) return failure;
  }
  return unknown ?? out;
}

function evalIf(ev: Evaluator, condNode: Node, then: TemplatePart[], otherwise: TemplatePart[]): Value {
  const cond = ev.eval(condNode);
  const problem = firstProblem([cond]);
  if (problem) return problem;
  const b = cond === null ? fail('%{if} condition is null') : toBool(cond, '%{if} condition');
  return b instanceof EvalFailure ? b : evalTemplate(ev, b ? then : otherwise);
}

function evalTemplateFor(ev: Evaluator, part: Extract<TemplatePart, { kind: 'for' }>): Value {
  const entries = iterate(ev.eval(part.collection));
  if (!Array.isArray(entries)) return entries;
  const pieces = entries.map(([k, v]) => ev.withScope([[part.keyVar, k], [part.valueVar, v]], () => evalTemplate(ev, part.body)));
  return firstProblem(pieces) ?? pieces.join('');
}
