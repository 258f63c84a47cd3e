// `[for …]` and `{for …}` expressions. An unknown collection, condition or key makes the whole result unknown
// (its length or keys cannot be known); unknown values only make their element unknown.
import type { ForNode } from './ast';
import { toBool, toStringValue } from './convert';
import type { Evaluator } from './evaluator';
import { iterate } from './iteration';
import { MAX_VALUE_ELEMENTS } from './limits';
import { OverBudget, TOO_MANY_ELEMENTS } from './evalBudget';
import { EvalFailure, Unknown, Value, ValueObject, fail, firstProblem, hasKey, setKey } from './values';

export function evalFor(ev: Evaluator, node: ForNode): Value {
  const entries = iterate(ev.eval(node.collection));
  if (!Array.isArray(entries)) return entries;
  let unknown: Unknown | undefined;
  const list: Value[] = [];
  const obj: ValueObject = {};
  let elements = 0;
  for (const [k, v] of entries) {
    const r = ev.withScope([[node.keyVar, k], [node.valueVar, v]], () => forElement(ev, node));
    if (r instanceof EvalFailure) return r;
    // Past a limit of kinesis-lint, the whole result is: stop now rather than evaluate the other elements.
    if (r instanceof OverBudget) return r;
    if (r !== undefined && !(r instanceof Unknown) && (elements += ev.elementsOf(r.value)) > MAX_VALUE_ELEMENTS) return new OverBudget(TOO_MANY_ELEMENTS);
    if (r instanceof Unknown) unknown ??= r;
    else if (r === undefined) continue;
    else if (node.keyExpr === undefined) list.push(r.value);
    else if (node.group) setKey(obj, r.key, [...((hasKey(obj, r.key) ? obj[r.key] : []) as Value[]), r.value]);
    else if (hasKey(obj, r.key)) return fail(`duplicate key "${r.key}" in for expression (use ... to group)`);
    else setKey(obj, r.key, r.value);
  }
  return unknown ?? (node.keyExpr === undefined ? list : obj);
}

/** One element of a for expression: undefined when filtered out. */
function forElement(ev: Evaluator, node: ForNode): { key: string; value: Value } | Unknown | undefined {
  if (node.cond) {
    const c = ev.eval(node.cond);
    const problem = firstProblem([c]);
    if (problem) return problem;
    const b = c === null ? fail('for condition is null') : toBool(c, 'for condition');
    if (b instanceof EvalFailure) return b;
    if (!b) return undefined;
  }
  let key = '';
  if (node.keyExpr) {
    const k = ev.eval(node.keyExpr);
    const problem = firstProblem([k]);
    if (problem) return problem;
    const s = k === null ? fail('for key is null') : toStringValue(k, 'for key');
    if (s instanceof EvalFailure) return s;
    key = s;
  }
  const value = ev.eval(node.valueExpr);
  return value instanceof EvalFailure ? value : { key, value };
}
