// Which outside names an expression mentions (var.x, local.y, aws_kinesis_stream.s, …), for dependency tracking.
import type { Node, StepNode, TemplatePart } from './ast';
import { MAX_DEPTH } from './limits';

/** Adds each root traversal of `node` as [root, ...leading attribute names] (stopping at the first index or splat),
 *  skipping names bound by enclosing for expressions. Keys in `seen` keep the output free of duplicates. */
export function collectReferences(node: Node, out: string[][], seen: Set<string>): void {
  new Collector(out, seen).node(node, new Set(), 0);
}

class Collector {
  constructor(private readonly out: string[][], private readonly seen: Set<string>) {}

  node(n: Node, bound: Set<string>, depth: number): void {
    if (depth > MAX_DEPTH) return;
    const sub = (c: Node | undefined, names = bound): void => {
      if (c) this.node(c, names, depth + 1);
    };
    switch (n.kind) {
      case 'literal': return;
      case 'template': return this.parts(n.parts, bound, depth + 1);
      case 'scope':
        if (!bound.has(n.root)) this.add(n.root, n.steps);
        return this.steps(n.steps, sub);
      case 'traverse': sub(n.target); return this.steps(n.steps, sub);
      case 'splat': sub(n.target); return this.steps(n.each, sub);
      case 'call': return n.args.forEach((a) => sub(a));
      case 'unary': return sub(n.operand);
      case 'binary': sub(n.left); return sub(n.right);
      case 'conditional': sub(n.cond); sub(n.then); return sub(n.else);
      case 'tuple': return n.items.forEach((i) => sub(i));
      case 'object': return n.items.forEach((i) => (sub(i.key), sub(i.value)));
      case 'for': {
        sub(n.collection);
        const inner = withNames(bound, n.keyVar, n.valueVar);
        [n.keyExpr, n.valueExpr, n.cond].forEach((c) => sub(c, inner));
      }
    }
  }

  private parts(parts: TemplatePart[], bound: Set<string>, depth: number): void {
    for (const p of parts) {
      if (p.kind === 'interp') this.node(p.expr, bound, depth);
      else if (p.kind === 'if') {
        this.node(p.cond, bound, depth);
        this.parts(p.then, bound, depth + 1);
        this.parts(p.else, bound, depth + 1);
      } else if (p.kind === 'for') {
        this.node(p.collection, bound, depth);
        this.parts(p.body, withNames(bound, p.keyVar, p.valueVar), depth + 1);
      }
    }
  }

  private steps(steps: StepNode[], sub: (n: Node) => void): void {
    for (const s of steps) if (s.kind === 'index') sub(s.key);
  }

  private add(root: string, steps: StepNode[]): void {
    const path = [root];
    for (const s of steps) {
      if (s.kind !== 'attr') break;
      path.push(s.name);
    }
    const key = path.join('\u0000');
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.out.push(path);
  }
}

function withNames(bound: Set<string>, ...names: (string | undefined)[]): Set<string> {
  const next = new Set(bound);
  for (const n of names) if (n !== undefined) next.add(n);
  return next;
}
