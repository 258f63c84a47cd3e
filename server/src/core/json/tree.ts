// Recursive-descent JSON parser that keeps offsets: every value and every key knows where it is in the text.
// It stops at the first syntax error, like JSON.parse, but says which token is wrong.
import { JsonScanner, JsonSyntaxError, Token } from './scanner';

export interface JsonProperty {
  key: string;
  /** Offsets of the key including its quotes. */
  keyStart: number;
  keyEnd: number;
  value: JsonNode;
}

interface NodeBase {
  start: number;
  end: number;
}
export type JsonNode =
  | (NodeBase & { kind: 'object'; properties: JsonProperty[] })
  | (NodeBase & { kind: 'array'; items: JsonNode[] })
  | (NodeBase & { kind: 'string'; value: string })
  | (NodeBase & { kind: 'number'; value: number })
  | (NodeBase & { kind: 'boolean'; value: boolean })
  | (NodeBase & { kind: 'null' });

/** Parses `text` into a positioned tree; throws JsonSyntaxError at the first bad token. */
export function parseJsonTree(text: string): JsonNode {
  const scanner = new JsonScanner(text);
  const first = scanner.next();
  if (first.kind === 'eof') throw new JsonSyntaxError('the file is empty; a JSON value was expected', first.start, first.end);
  const root = parseValue(scanner, first);
  const extra = scanner.next();
  if (extra.kind !== 'eof') throw unexpected(extra, 'nothing after the end of the JSON value');
  return root;
}

/** The plain JavaScript value of a node (last duplicate key wins, as with JSON.parse). */
export function toValue(node: JsonNode): unknown {
  switch (node.kind) {
    case 'object': {
      const result: Record<string, unknown> = {};
      // defineProperty so that a "__proto__" key is data, not a prototype change.
      for (const p of node.properties) {
        Object.defineProperty(result, p.key, { value: toValue(p.value), enumerable: true, writable: true, configurable: true });
      }
      return result;
    }
    case 'array':
      return node.items.map(toValue);
    case 'null':
      return null;
    default:
      return node.value;
  }
}

function parseValue(scanner: JsonScanner, token: Token): JsonNode {
  const { start, end } = token;
  switch (token.kind) {
    case '{':
      return parseObject(scanner, token);
    case '[':
      return parseArray(scanner, token);
    case 'string':
      return { kind: 'string', start, end, value: token.value as string };
    case 'number':
      return { kind: 'number', start, end, value: token.value as number };
    case 'true':
    case 'false':
      return { kind: 'boolean', start, end, value: token.kind === 'true' };
    case 'null':
      return { kind: 'null', start, end };
    default:
      throw unexpected(token, 'a value');
  }
}

function parseObject(scanner: JsonScanner, open: Token): JsonNode {
  const properties: JsonProperty[] = [];
  let token = scanner.next();
  if (token.kind === '}') return { kind: 'object', start: open.start, end: token.end, properties };
  for (;;) {
    if (token.kind !== 'string') throw unexpected(token, 'a key in double quotes');
    const key = token.value as string;
    const colon = scanner.next();
    if (colon.kind !== ':') throw unexpected(colon, `":" after the key "${key}"`);
    const value = parseValue(scanner, scanner.next());
    properties.push({ key, keyStart: token.start, keyEnd: token.end, value });
    const after = scanner.next();
    if (after.kind === '}') return { kind: 'object', start: open.start, end: after.end, properties };
    if (after.kind !== ',') throw unexpected(after, '"," or "}"');
    token = scanner.next();
    if (token.kind === '}') throw new JsonSyntaxError('trailing comma is not allowed in JSON', after.start, after.end);
  }
}

function parseArray(scanner: JsonScanner, open: Token): JsonNode {
  const items: JsonNode[] = [];
  let token = scanner.next();
  if (token.kind === ']') return { kind: 'array', start: open.start, end: token.end, items };
  for (;;) {
    items.push(parseValue(scanner, token));
    const after = scanner.next();
    if (after.kind === ']') return { kind: 'array', start: open.start, end: after.end, items };
    if (after.kind !== ',') throw unexpected(after, '"," or "]"');
    token = scanner.next();
    if (token.kind === ']') throw new JsonSyntaxError('trailing comma is not allowed in JSON', after.start, after.end);
  }
}

function unexpected(token: Token, expected: string): JsonSyntaxError {
  if (token.kind === 'eof') return new JsonSyntaxError(`unexpected end of file; expected ${expected}`, token.start, token.end);
  const found = token.kind === 'string' || token.kind === 'number' ? `${token.kind}` : `"${token.kind}"`;
  return new JsonSyntaxError(`expected ${expected} but found ${found}`, token.start, token.end);
}
