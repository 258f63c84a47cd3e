// Tuple, object and for-expression constructors: `[a, b]`, `{ k = v }`, `[for …]`, `{for …}`.
import type { ForNode, Node } from './ast';
import type { Parser } from './parser';
import { ParseError } from './scanner';

export function parseTuple(p: Parser): Node {
  const items: Node[] = [];
  while (!p.nextIs(']')) {
    items.push(p.parseExpression());
    if (!p.s.accept(',')) break;
  }
  return { kind: 'tuple', items };
}

export function parseObject(p: Parser): Node {
  return p.withNewlines(true, () => {
    const items: { key: Node; value: Node }[] = [];
    while (!p.s.accept('}')) {
      const key = parseObjectKey(p);
      if (!p.s.accept('=')) p.s.expect(':');
      items.push({ key, value: p.parseExpression() });
      const next = p.s.peek();
      if (p.s.accept(',') || p.nextIs('}')) continue;
      if (!next.newlineBefore) throw new ParseError(`expected "," or newline at ${next.start}`);
    }
    return { kind: 'object', items };
  });
}

/** A bare identifier key (`a = 1`) is the literal name; anything else (`"a"`, `(var.k)`) is evaluated. */
function parseObjectKey(p: Parser): Node {
  const save = p.s.pos;
  const t = p.s.next();
  const after = p.s.peek();
  if (t.type === 'ident' && after.type === 'punct' && (after.text === '=' || after.text === ':')) {
    return { kind: 'literal', value: t.text };
  }
  p.s.pos = save;
  return p.parseExpression();
}

/** `for` followed by a name starts a for expression (a variable may itself be called `for`). */
export function atFor(p: Parser): boolean {
  const save = p.s.pos;
  const first = p.s.next();
  const second = p.s.peek();
  p.s.pos = save;
  return first.type === 'ident' && first.text === 'for' && second.type === 'ident';
}

export function parseFor(p: Parser, isObject: boolean): ForNode {
  p.s.next(); // `for`
  const [keyVar, valueVar] = p.parseForVariables();
  const collection = p.parseExpression();
  p.s.expect(':');
  const keyExpr = isObject ? p.parseExpression() : undefined;
  if (isObject) p.s.expect('=>');
  const valueExpr = p.parseExpression();
  const group = isObject && p.s.accept('...');
  const t = p.s.peek();
  const cond = t.type === 'ident' && t.text === 'if' ? (p.s.next(), p.parseExpression()) : undefined;
  return { kind: 'for', keyVar, valueVar, collection, keyExpr, valueExpr, cond, group };
}
