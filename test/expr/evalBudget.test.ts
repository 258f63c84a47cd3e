// Values are budgeted by elements and characters (issue #9 item 5): a value past a limit is Unknown (never a
// failure: Terraform would build it), with the limit in its reason; a value within it evaluates as before.
import { strict as assert } from 'assert';
import { evaluateSource, type EvalContext } from '../../server/src/core/expr/evaluate';
import { EvalFailure, Unknown, type Value } from '../../server/src/core/expr/values';
import { EvalBudget } from '../../server/src/core/expr/evalBudget';
import { ANALYSIS_ELEMENTS, ANALYSIS_NODES, EVAL_BUDGET, MAX_DEPTH, MAX_VALUE_CHARS, MAX_VALUE_ELEMENTS } from '../../server/src/core/expr/limits';

const half = Math.floor(MAX_VALUE_ELEMENTS / 2);
const VARS: Record<string, Value> = {
  fits: Array.from({ length: half - 1 }, (_, i) => i),
  over: Array.from({ length: half + 1 }, (_, i) => i),
  text: 'a'.repeat(MAX_VALUE_CHARS / 4),
  many: Array.from({ length: 1000 }, () => 'b'),
  deep: Array.from({ length: MAX_DEPTH }).reduce<Value>((v) => [v], 1),
};

function context(budget?: EvalBudget): EvalContext {
  return { budget, resolve: (root, [name]) => (root === 'var' && typeof name === 'string' ? VARS[name] : undefined) };
}

function unknownReason(v: Value): string {
  assert.ok(v instanceof Unknown && !(v instanceof EvalFailure), `expected a plain Unknown, got ${JSON.stringify(v)?.slice(0, 80)}`);
  return v.reason;
}

const ELEMENTS = /^the value has more than 100,000 elements \(kinesis-lint's evaluation limit\)$/;
const CHARS = /more than 1,048,576 characters \(kinesis-lint's evaluation limit\)$/;

describe('expr: the value budget (elements and characters)', () => {
  it('concat within the element limit is exact; one element past it is Unknown with the limit', () => {
    assert.equal(evaluateSource('length(concat(var.fits, var.fits))', context()), 2 * (half - 1));
    assert.match(unknownReason(evaluateSource('concat(var.over, var.over)', context())), ELEMENTS);
    // Unknown propagates: length of it is not a number, and try/can cannot pick a fallback (Terraform would succeed).
    assert.match(unknownReason(evaluateSource('length(concat(var.over, var.over))', context())), ELEMENTS);
    unknownReason(evaluateSource('try(concat(var.over, var.over), [])', context()));
    unknownReason(evaluateSource('can(concat(var.over, var.over))', context()));
  });

  it('a list shared twice counts twice (flatten or jsonencode would walk both): [x, x] past the limit is Unknown', () => {
    assert.equal(evaluateSource('length([var.fits, var.fits])', context()), 2);
    assert.match(unknownReason(evaluateSource('[var.over, var.over]', context())), ELEMENTS);
    assert.match(unknownReason(evaluateSource('{ a = var.over, b = var.over }', context())), ELEMENTS);
    assert.match(unknownReason(evaluateSource('[for x in [1, 2] : var.over]', context())), ELEMENTS);
  });

  it('strings: templates, join, replace and format past 1 Mi characters are Unknown, refused before they are built', () => {
    assert.equal((evaluateSource('"${var.text}${var.text}"', context()) as string).length, MAX_VALUE_CHARS / 2);
    assert.match(unknownReason(evaluateSource('"${var.text}${var.text}${var.text}${var.text}x"', context())), CHARS);
    assert.equal((evaluateSource('join(",", var.many)', context()) as string).length, 1999);
    assert.match(unknownReason(evaluateSource('join(var.text, var.many)', context())), /^join\(\): .*characters/);
    assert.match(unknownReason(evaluateSource('replace(join("", var.many), "", var.text)', context())), /^replace\(\): .*characters/);
    assert.match(unknownReason(evaluateSource('replace(join("", var.many), "b", var.text)', context())), /^replace\(\): .*characters/);
    assert.match(unknownReason(evaluateSource('replace(join("", var.many), "/b/", var.text)', context())), /^replace\(\): .*characters/);
    assert.match(unknownReason(evaluateSource(`format("${'%[1]s'.repeat(5)}", var.text)`, context())), /^format\(\): .*characters/);
    assert.equal(evaluateSource('replace("abc", "b", "xx")', context()), 'axxc');
  });

  it('nesting past 200 levels is Unknown; 200 levels evaluate', () => {
    assert.equal(evaluateSource('length(var.deep)', context()), 1);
    assert.match(unknownReason(evaluateSource('[var.deep]', context())), /nested deeper than 200 levels/);
  });

  it("a shared budget (one analysis): values that each fit stop once the analysis's total is used up", () => {
    const budget = new EvalBudget();
    const results: Value[] = [];
    // Each evaluation builds a new list of half the per-value limit; 20 of them pass the analysis's total.
    for (let i = 0; i < (2 * ANALYSIS_ELEMENTS) / (half - 1); i++) results.push(evaluateSource('concat(var.fits, [])', context(budget)));
    const known = results.filter((v) => Array.isArray(v)).length;
    assert.equal(known, Math.floor(ANALYSIS_ELEMENTS / (half - 1)));
    assert.match(unknownReason(results[results.length - 1]), /^the analysis used up kinesis-lint's evaluation budget \(1,000,000 expression steps, 1,000,000 elements, 16,777,216 characters\)$/);
    assert.ok(budget.used.elements <= ANALYSIS_ELEMENTS + MAX_VALUE_ELEMENTS, `${budget.used.elements} elements charged`);
    // Separate evaluations without a shared budget each have their own.
    assert.ok(Array.isArray(evaluateSource('concat(var.fits, [])', context())));
  });

  it('a value reused by reference is not charged again', () => {
    const budget = new EvalBudget();
    evaluateSource('[var.fits]', context(budget));
    const once = budget.used.elements;
    assert.equal(once, half - 1 + 1);
    evaluateSource('[var.fits]', context(budget));
    assert.equal(budget.used.elements, once + 1);
  });

  it('a for expression stops as soon as its result passes the element limit, not after every element', () => {
    const budget = new EvalBudget();
    // Each element is the 1,000-element var.many (one node): the 100th passes 100,000 elements, of 1,024.
    const v = evaluateSource('[for a in range(1024) : var.many]', context(budget));
    assert.match(unknownReason(v), ELEMENTS);
    assert.ok(budget.used.nodes < 150, `${budget.used.nodes} nodes`);
    assert.equal(evaluateSource('length([for a in range(90) : var.many])', context()), 90);
  });

  it('expression steps: each evaluation has EVAL_BUDGET, and all of an analysis together ANALYSIS_NODES', () => {
    const loop = '[for a in range(400) : [for b in range(400) : a]]'; // 160,000 inner bodies: past one evaluation's budget
    assert.match(unknownReason(evaluateSource(loop, context())), /^expression is too expensive to evaluate$/);
    // About 2 nodes per inner element plus a few per row: n × n well within EVAL_BUDGET.
    const n = Math.floor(Math.sqrt(EVAL_BUDGET / 3));
    const body = `length([for a in range(${n}) : [for b in range(${n}) : a]])`;
    const budget = new EvalBudget();
    const results = Array.from({ length: Math.ceil((2 * ANALYSIS_NODES) / EVAL_BUDGET) }, () => evaluateSource(body, context(budget)));
    assert.equal(results[0], n);
    const known = results.filter((v) => v === n).length;
    assert.ok(known >= ANALYSIS_NODES / EVAL_BUDGET && known < results.length, `${known} of ${results.length} known`);
    assert.match(unknownReason(results[results.length - 1]), /^the analysis used up kinesis-lint's evaluation budget/);
    assert.ok(budget.used.nodes <= ANALYSIS_NODES + results.length, `${budget.used.nodes} nodes`);
  });
});
