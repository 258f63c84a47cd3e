// Public entry points of the expression language: evaluate hcl2json values or source text in a context, and list the
// names an expression depends on. Nothing here throws: parse errors and internal limits give Unknown.
import { BoundedMemo } from '../memory/boundedMemo';
import type { Node } from './ast';
import { toStringValue } from './convert';
import { Evaluator } from './evaluator';
import { MAX_DEPTH } from './limits';
import { Parser } from './parser';
import type { EvalBudget } from './evalBudget';
import { collectReferences } from './references';
import type { Step } from './steps';
import { EvalFailure, Reference, Unknown, Value, ValueObject, firstProblem, setKey } from './values';

export { applySteps } from './steps';
export type { Step } from './steps';

export interface EvalContext {
  /** Resolve a root traversal like var.x / local.y / each.key / count.index / module.m.out / aws_kinesis_stream.s.arn.
   *  `steps` are the attribute/index steps that follow the root statically (index keys already evaluated). The context
   *  may consume all steps (use applySteps for the rest) and return a value; return undefined for an unknown root
   *  name (the evaluator then yields Unknown). */
  resolve(root: string, steps: Step[]): Value | undefined;
  /** For a splat over a resource (`aws_kinesis_stream.s[*].arn`): one Reference per instance of the resource `ref`
   *  names, in Terraform's order; undefined when the instances are unknown (the splat is then unknown). */
  instancesOf?(ref: Reference): Reference[] | undefined;
  /** The analysis's budget of elements and characters, shared by all its evaluations; each evaluation has its own
   *  when absent. */
  budget?: EvalBudget;
}

/** Parsed expressions by text: the model evaluates the same strings repeatedly (each count/for_each instance, and
 *  every analysis of a module being typed into). Bounded by bytes: a 100,000-line module's 5,907 templates take ~5.5 MB (docs/memory.md). */
export const EXPRESSION_CACHE_BYTES = 16 * 1024 * 1024;
/** A parsed expression's AST takes 16–26 bytes per character of source (measured on references, templates and
 *  conditionals); an error keeps its message. */
const astBytes = (_: Node | Error, text: string) => 32 * text.length;
export const jsonCache = new BoundedMemo<Node | Error>(EXPRESSION_CACHE_BYTES / 2, astBytes);
export const sourceCache = new BoundedMemo<Node | Error>(EXPRESSION_CACHE_BYTES / 2, astBytes);

function parseCached(cache: BoundedMemo<Node | Error>, text: string, parse: (t: string) => Node): Node | Error {
  return cache.get(text, () => {
    try {
      return parse(text);
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
  });
}

/** Runs f, turning anything thrown (a bug, a context that throws, a stack overflow) into Unknown, and a result cut
 *  short by the evaluation budget into a single Unknown. */
function guarded(ev: Evaluator, f: () => Value): Value {
  try {
    const v = f();
    return ev.cutShort ?? v;
  } catch (e) {
    return new Unknown(`could not evaluate: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function evalParsed(parsed: Node | Error, ev: Evaluator): Value {
  return parsed instanceof Error ? new Unknown(`cannot parse expression: ${parsed.message}`) : ev.eval(parsed);
}

/** Evaluate one hcl2json JSON value (literal, "${…}" string/template, array, object) in a context. */
export function evaluateJson(json: unknown, ctx: EvalContext): Value {
  const ev = new Evaluator(ctx);
  return guarded(ev, () => jsonValue(json, ev, 0));
}

function jsonString(s: string, ev: Evaluator): Value {
  // Without a brace there is no interpolation, directive or escape to decode.
  return s.includes('{') ? evalParsed(parseCached(jsonCache, s, Parser.jsonTemplate), ev) : s;
}

function jsonValue(json: unknown, ev: Evaluator, depth: number): Value {
  if (depth > MAX_DEPTH) return new Unknown(`value nested deeper than ${MAX_DEPTH} levels`);
  if (json === null || typeof json === 'boolean') return json;
  if (typeof json === 'number') return Number.isFinite(json) ? json : new Unknown('not a finite number');
  if (typeof json === 'string') return jsonString(json, ev);
  if (Array.isArray(json)) {
    const items = json.map((x) => jsonValue(x, ev, depth + 1));
    return items.find((v) => v instanceof EvalFailure) ?? items;
  }
  if (typeof json !== 'object') return new Unknown(`not a JSON value (${typeof json})`);
  // Keys are templates too: hcl2json writes `(var.k) = 1` as {"${(var.k)}": 1}.
  const pairs = Object.keys(json).map((k) => [jsonString(k, ev), jsonValue((json as Record<string, unknown>)[k], ev, depth + 1)]);
  const problem = pairs.flat().find((v) => v instanceof EvalFailure) ?? firstProblem(pairs.map(([k]) => k));
  if (problem) return problem;
  const out: ValueObject = {};
  for (const [k, v] of pairs) {
    const key = k === null ? new EvalFailure('object key is null') : toStringValue(k, 'object key');
    if (key instanceof EvalFailure) return key;
    setKey(out, key, v);
  }
  return out;
}

/** Evaluate HCL expression source text (as written in a .tf file, e.g. `var.a * 2`, `"x-${var.b}"`). */
export function evaluateSource(source: string, ctx: EvalContext): Value {
  const ev = new Evaluator(ctx);
  return guarded(ev, () => evalParsed(parseCached(sourceCache, source, Parser.expression), ev));
}

/** The root traversals an expression mentions (for dependency tracking): e.g. [['var','shards'], ['local','x']].
 *  Root plus the attribute names that follow it, up to the first index or splat; unparseable strings add nothing. */
export function referencesOf(json: unknown): string[][] {
  const out: string[][] = [];
  const seen = new Set<string>();
  const walk = (j: unknown, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    if (typeof j === 'string') {
      if (!j.includes('{')) return;
      const parsed = parseCached(jsonCache, j, Parser.jsonTemplate);
      if (!(parsed instanceof Error)) collectReferences(parsed, out, seen);
    } else if (Array.isArray(j)) {
      j.forEach((x) => walk(x, depth + 1));
    } else if (typeof j === 'object' && j !== null) {
      for (const [k, v] of Object.entries(j)) {
        walk(k, depth + 1);
        walk(v, depth + 1);
      }
    }
  };
  try {
    walk(json, 0);
  } catch {
    // A malformed input object (e.g. a throwing getter) yields what was collected so far.
  }
  return out;
}
