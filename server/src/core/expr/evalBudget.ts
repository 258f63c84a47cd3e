// What evaluation may cost, per analysis: expression nodes, and the size of the values built. Nodes alone are not
// enough (`x1 = concat(local.x0, local.x0)` doubled 24 times evaluates 24 nodes and builds 16 million elements), and
// one evaluation's own node budget (EVAL_BUDGET) is not either: each local is evaluated with its own. Every value an
// expression builds (a function's result, a template, a for expression, a tuple or object) is measured when it is
// made: one past MAX_VALUE_ELEMENTS / MAX_VALUE_CHARS, or past what is left of the analysis's budget, becomes
// Unknown with the reason, so it is never built further. Terraform has no such limit: it would build the value.
import { ANALYSIS_CHARS, ANALYSIS_ELEMENTS, ANALYSIS_NODES, MAX_DEPTH, MAX_VALUE_CHARS, MAX_VALUE_ELEMENTS } from './limits';
import { Reference, Unknown, type Value } from './values';

interface Size {
  /** Elements and characters counted through nested collections, and the nesting depth. */
  elements: number;
  chars: number;
  depth: number;
  /** Set when the value is past a limit: which one, in words. */
  over?: string;
}

/** An Unknown because of a limit of kinesis-lint (not of Terraform): whatever holds it is past the limit too. */
export class OverBudget extends Unknown {}

/** Thrown by a function whose result would pass the limits before it is built (join, replace, format). */
export class TooLarge extends Error {}

const count = (n: number) => n.toLocaleString('en-US');

export const TOO_MANY_ELEMENTS = `the value has more than ${count(MAX_VALUE_ELEMENTS)} elements (kinesis-lint's evaluation limit)`;
export const TOO_MANY_CHARS = `the value has more than ${count(MAX_VALUE_CHARS)} characters (kinesis-lint's evaluation limit)`;
const TOO_DEEP = `the value is nested deeper than ${MAX_DEPTH} levels`;
const USED_UP = `the analysis used up kinesis-lint's evaluation budget (${count(ANALYSIS_NODES)} expression steps, ${count(ANALYSIS_ELEMENTS)} elements, ${count(ANALYSIS_CHARS)} characters)`;

/** Throws TooLarge when a string about to be built would be longer than MAX_VALUE_CHARS. */
export function checkLength(chars: number): void {
  if (chars > MAX_VALUE_CHARS) throw new TooLarge(TOO_MANY_CHARS);
}

/** One per analysis (shared by every evaluation of a module tree), or per evaluation outside one. */
export class EvalBudget {
  /** Sizes of collections already measured: a value reused by reference is not measured or charged again. */
  private readonly sizes = new WeakMap<object, Size>();
  private nodes = 0;
  private elements = 0;
  private chars = 0;

  /** What the values admitted so far add up to (for tests and measurements). */
  get used(): { nodes: number; elements: number; chars: number } {
    return { nodes: this.nodes, elements: this.elements, chars: this.chars };
  }

  /** Counts one expression node; Unknown once the analysis has used up its budget (then nothing more is built). */
  step(): OverBudget | undefined {
    return ++this.nodes > ANALYSIS_NODES ? new OverBudget(USED_UP) : this.usedUp();
  }

  /** Elements of a value through nested collections (Infinity past a limit); measured once per collection. */
  elementsOf(v: Value): number {
    if (v === null || typeof v !== 'object' || v instanceof Unknown || v instanceof Reference) return 1;
    const size = this.measure(v, 0);
    return size.over !== undefined ? Infinity : size.elements;
  }

  /** The value when it fits; otherwise Unknown with the limit it passed. */
  admit(v: Value): Value {
    if (typeof v === 'string') {
      if (v.length > MAX_VALUE_CHARS) return new OverBudget(TOO_MANY_CHARS);
      this.chars += v.length;
      return this.usedUp() ?? v;
    }
    if (v === null || typeof v !== 'object' || v instanceof Unknown || v instanceof Reference) return v;
    const { over } = this.measure(v, 0);
    return over !== undefined ? new OverBudget(over) : this.usedUp() ?? v;
  }

  private usedUp(): OverBudget | undefined {
    return this.elements > ANALYSIS_ELEMENTS || this.chars > ANALYSIS_CHARS ? new OverBudget(USED_UP) : undefined;
  }

  /** Measures a collection, stopping as soon as it is past a limit; only its own entries are charged to the
   *  analysis (nested collections are charged when they are measured themselves). */
  private measure(v: Value[] | { [key: string]: Value }, depth: number): Size {
    const known = this.sizes.get(v);
    if (known) return known;
    if (depth > MAX_DEPTH) return { elements: 0, chars: 0, depth, over: TOO_DEEP };
    const keys = Array.isArray(v) ? undefined : Object.keys(v);
    const length = keys ? keys.length : (v as Value[]).length;
    const size: Size = { elements: length, chars: 0, depth: 1 };
    let ownChars = 0;
    for (let i = 0; i < length && size.elements <= MAX_VALUE_ELEMENTS; i++) {
      const x = keys ? (v as { [key: string]: Value })[keys[i]] : (v as Value[])[i];
      ownChars += (keys ? keys[i].length : 0) + (typeof x === 'string' ? x.length : 0);
      if (x !== null && typeof x === 'object' && !(x instanceof Unknown) && !(x instanceof Reference)) {
        const inner = this.measure(x, depth + 1);
        size.elements += inner.elements;
        size.chars += inner.chars;
        size.depth = Math.max(size.depth, inner.depth + 1);
        size.over ??= inner.over;
      }
      if (size.over !== undefined || size.chars + ownChars > MAX_VALUE_CHARS) break;
    }
    size.over ??= size.elements > MAX_VALUE_ELEMENTS ? TOO_MANY_ELEMENTS : size.chars + ownChars > MAX_VALUE_CHARS ? TOO_MANY_CHARS : size.depth > MAX_DEPTH ? TOO_DEEP : undefined;
    if (size.over !== undefined) {
      this.sizes.set(v, size);
      return size;
    }
    size.chars += ownChars;
    this.elements += length;
    this.chars += ownChars;
    this.sizes.set(v, size);
    return size;
  }
}
