// Traversal steps after an expression: `.name`, legacy `.0`, `[key]`, and the splats `[*]` / `.*`.
import type { Node, StepNode } from './ast';
import type { Parser } from './parser';

/** `.name`, `.0`, `[key]`, and the splats `[*]` / `.*`. */
export function parsePostfix(p: Parser, node: Node): Node {
  for (;;) {
    if (p.continues('.')) {
      p.s.next();
      if (p.s.accept('*')) node = { kind: 'splat', target: node, each: collectSteps(p, false) };
      else node = withStep(node, parseDotStep(p));
    } else if (p.continues('[')) {
      p.s.next();
      if (p.s.accept('*')) {
        p.s.expect(']');
        node = { kind: 'splat', target: node, each: collectSteps(p, true) };
      } else {
        node = withStep(node, { kind: 'index', key: p.inner(']', () => p.parseExpression()) });
      }
    } else {
      return node;
    }
  }
}

function parseDotStep(p: Parser): StepNode {
  const digits = p.s.readDigits();
  if (digits !== undefined) return { kind: 'index', key: { kind: 'literal', value: Number(digits) } };
  return { kind: 'attr', name: p.expectIdent() };
}

/** The steps a splat applies to each element: attributes, plus `[index]` for the full splat `[*]`. */
function collectSteps(p: Parser, withIndexes: boolean): StepNode[] {
  const steps: StepNode[] = [];
  for (;;) {
    const save = p.s.pos;
    if (p.continues('.')) {
      p.s.next();
      if (p.continues('*')) {
        p.s.pos = save;
        return steps;
      }
      steps.push(parseDotStep(p));
    } else if (withIndexes && p.continues('[')) {
      p.s.next();
      if (p.continues('*')) {
        p.s.pos = save;
        return steps;
      }
      steps.push({ kind: 'index', key: p.inner(']', () => p.parseExpression()) });
    } else {
      return steps;
    }
  }
}

/** Steps after a root name stay part of the static traversal; after anything else they wrap the value. (The nodes
 *  extended here were just built by this parser, so appending in place is safe.) */
function withStep(node: Node, step: StepNode): Node {
  if (node.kind === 'scope' || node.kind === 'traverse') {
    node.steps.push(step);
    return node;
  }
  return { kind: 'traverse', target: node, steps: [step] };
}
