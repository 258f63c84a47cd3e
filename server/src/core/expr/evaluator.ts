// Walks the syntax tree and computes a Value. Failures (what Terraform would reject) win over unknowns, unknowns
// propagate, and only the chosen branch of a known conditional is evaluated.
import type { Node, StepNode } from './ast';
import { toBool, toStringValue } from './convert';
import type { EvalContext } from './evaluate';
import { cannotFail } from './applyTime';
import { evalFor } from './evalFor';
import { evalTemplate } from './evalTemplate';
import { callBuiltin } from './functions';
import { EVAL_BUDGET, MAX_DEPTH } from './limits';
import { EvalBudget, OverBudget } from './evalBudget';
import { binaryOp, unaryOp } from './operators';
import { Step, applySteps, stepsText } from './steps';
import { EvalFailure, Reference, Unknown, Value, ValueObject, asUnknown, fail, firstProblem, isKnown, isUnknownish, setKey } from './values';

/** Nodes that build a new value (the others pass on a value that exists already): each is measured. */
const BUILDS = new Set<Node['kind']>(['template', 'splat', 'call', 'tuple', 'object', 'for']);

export class Evaluator {
  private depth = 0;
  private budget = EVAL_BUDGET;
  /** Variables bound by enclosing for expressions / %{for} directives, innermost last. */
  private readonly scopes: Map<string, Value>[] = [];
  /** The analysis's budget of elements and characters (evalBudget.ts), or this evaluation's own. */
  private readonly values: EvalBudget;

  constructor(private readonly ctx: EvalContext) {
    this.values = ctx.budget ?? new EvalBudget();
  }

  /** Why the result was cut short (a budget ran out somewhere), so the caller should discard all of it. */
  cutShort: Unknown | undefined;

  eval(node: Node): Value {
    if (--this.budget < 0) return (this.cutShort ??= new OverBudget('expression is too expensive to evaluate'));
    const over = this.values.step();
    if (over) return (this.cutShort ??= over);
    if (this.depth >= MAX_DEPTH) return new Unknown(`expression nested deeper than ${MAX_DEPTH} levels`);
    this.depth++;
    try {
      const v = this.evalNode(node);
      return BUILDS.has(node.kind) ? this.values.admit(v) : v;
    } finally {
      this.depth--;
    }
  }

  private evalNode(node: Node): Value {
    switch (node.kind) {
      case 'literal': return node.value;
      case 'template': return evalTemplate(this, node.parts);
      case 'scope': return this.evalScope(node.root, node.steps);
      case 'traverse': {
        const target = this.eval(node.target);
        const steps = this.evalSteps(node.steps);
        return target instanceof EvalFailure ? target : steps instanceof EvalFailure ? steps : applySteps(target, steps);
      }
      case 'splat': return this.evalSplat(node.target, node.each);
      case 'call': return this.evalCall(node.name, node.args, node.expandLast);
      case 'unary': return unaryOp(node.op, this.eval(node.operand));
      case 'binary': return binaryOp(node.op, this.eval(node.left), this.eval(node.right));
      case 'conditional': {
        const cond = this.eval(node.cond);
        const problem = firstProblem([cond]);
        if (problem) return problem;
        const b = cond === null ? fail('condition is null') : toBool(cond, 'condition');
        return b instanceof EvalFailure ? b : this.eval(b ? node.then : node.else);
      }
      case 'tuple': {
        const items = node.items.map((n) => this.eval(n));
        return items.find((v) => v instanceof EvalFailure) ?? items;
      }
      case 'object': return this.evalObject(node.items);
      case 'for': return evalFor(this, node);
    }
  }

  private evalScope(root: string, stepNodes: StepNode[]): Value {
    const steps = this.evalSteps(stepNodes);
    if (steps instanceof EvalFailure) return steps;
    for (let i = this.scopes.length - 1; i >= 0; i--) {
      if (this.scopes[i].has(root)) return applySteps(this.scopes[i].get(root) as Value, steps);
    }
    const v = this.ctx.resolve(root, steps);
    return v === undefined ? new Unknown(`${root}${stepsText(steps)} cannot be resolved here`) : v;
  }

  private evalSteps(nodes: StepNode[]): Step[] | EvalFailure {
    const steps: Step[] = [];
    for (const n of nodes) {
      if (n.kind === 'attr') {
        steps.push(n.name);
        continue;
      }
      const key = this.eval(n.key);
      if (key instanceof EvalFailure) return key;
      if (isUnknownish(key)) steps.push(asUnknown(key));
      else if (typeof key === 'number' || typeof key === 'string') steps.push(key);
      else if (typeof key === 'boolean') steps.push(String(key));
      else return fail(`an index must be a number or string, got ${key === null ? 'null' : 'a collection'}`);
    }
    return steps;
  }

  /** `xs[*].a`: null gives [], a single value is treated as a one-element list (HCL splat rules). */
  private evalSplat(targetNode: Node, each: StepNode[]): Value {
    const target = this.eval(targetNode);
    const steps = this.evalSteps(each);
    if (target instanceof EvalFailure) return target;
    if (steps instanceof EvalFailure) return steps;
    if (target instanceof Reference) {
      // A resource's instances are known to the model, not to the expression: ask it.
      const instances = this.ctx.instancesOf?.(target);
      if (instances) return instances.map((r) => applySteps(r, steps));
    }
    if (isUnknownish(target)) return asUnknown(target);
    if (target === null) return [];
    const out = (Array.isArray(target) ? target : [target]).map((x) => applySteps(x, steps));
    return out.find((v) => v instanceof EvalFailure) ?? out;
  }

  private evalCall(name: string, argNodes: Node[], expandLast: boolean): Value {
    if (name === 'try') return this.evalTry(argNodes);
    if (name === 'can') return this.evalCan(argNodes);
    const args = argNodes.map((n) => this.eval(n));
    const failure = args.find((v) => v instanceof EvalFailure);
    if (failure) return failure;
    if (expandLast) {
      const last = args.pop() as Value;
      if (isUnknownish(last)) return asUnknown(last);
      if (!Array.isArray(last)) return fail(`${name}(): the argument before "..." must be a list`);
      args.push(...last);
    }
    return callBuiltin(name, args);
  }

  /** The first argument that evaluates without error. An argument not yet known makes the result unknown, since it
   *  might still fail once known (hcl ext/tryfunc does the same); an apply-time Reference cannot fail, so it is
   *  the result, keeping the identity that links a reader to its stream (see applyTime.ts). */
  private evalTry(argNodes: Node[]): Value {
    for (const n of argNodes) {
      const v = this.eval(n);
      if (v instanceof EvalFailure) continue;
      return cannotFail(v) ? v : new Unknown('try(): an argument is not known yet');
    }
    return fail('try(): no expression succeeded');
  }

  private evalCan(argNodes: Node[]): Value {
    if (argNodes.length !== 1) return fail(`can() takes 1 argument, got ${argNodes.length}`);
    const v = this.eval(argNodes[0]);
    if (v instanceof EvalFailure) return false;
    return isKnown(v) ? true : new Unknown('can(): the argument is not known yet');
  }

  /** An object whose key is unknown is wholly unknown: even its attribute names cannot be known. */
  private evalObject(items: { key: Node; value: Node }[]): Value {
    const pairs = items.map((item) => [this.eval(item.key), this.eval(item.value)]);
    const flat = pairs.flat();
    const failure = flat.find((v) => v instanceof EvalFailure);
    if (failure) return failure;
    const unknownKey = firstProblem(pairs.map(([k]) => k));
    if (unknownKey) return unknownKey;
    const out: ValueObject = {};
    for (const [k, v] of pairs) {
      const key = k === null ? fail('object key is null') : toStringValue(k, 'object key');
      if (key instanceof EvalFailure) return key;
      setKey(out, key, v);
    }
    return out;
  }

  /** Elements of a value through nested collections (Infinity past a limit): for expressions stop as they pass it. */
  elementsOf(v: Value): number {
    return this.values.elementsOf(v);
  }

  withScope<T>(vars: [string | undefined, Value][], f: () => T): T {
    const scope = new Map<string, Value>();
    for (const [name, v] of vars) if (name !== undefined) scope.set(name, v);
    this.scopes.push(scope);
    try {
      return f();
    } finally {
      this.scopes.pop();
    }
  }
}
