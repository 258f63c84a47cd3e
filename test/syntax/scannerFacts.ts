// Structural "facts" (block braces, label/attribute/value spans, comments) as comparable strings, from the
// scanner and, when web-tree-sitter is installed, from tree-sitter-hcl (the oracle; reference/parsing.md §4a).
import * as path from 'path';
import { scan } from '../../server/src/core/syntax/scanner';
import type { ScannedBody } from '../../server/src/core/syntax/scanner';

const span = (s: { start: number; end: number }): string => `${s.start}-${s.end}`;

export function scannerFacts(text: string): string[] {
  const facts: string[] = [];
  const visit = (body: ScannedBody): void => {
    for (const item of body.items) {
      if (item.kind === 'attribute') facts.push(`attr ${span(item.nameSpan)} = ${span(item.valueSpan)}`);
      else {
        const labels = item.labels.map((l) => span(l.span)).join(',');
        facts.push(`block ${span(item.typeSpan)} [${labels}] { ${item.openBrace} } ${item.closeBrace}`);
        visit(item.body);
      }
    }
  };
  const result = scan(text);
  visit(result.body);
  for (const c of result.comments) facts.push(`comment ${span(c.span)}`);
  return facts.sort(byStart);
}

function byStart(a: string, b: string): number {
  return Number(a.split(' ')[1].split('-')[0]) - Number(b.split(' ')[1].split('-')[0]) || a.localeCompare(b);
}

interface TsNode {
  type: string;
  hasError: boolean;
  startIndex: number;
  endIndex: number;
  isMissing: boolean;
  children: TsNode[];
}
interface TsParser {
  parse(text: string): { rootNode: TsNode; delete(): void };
}

/** A tree-sitter based facts function, or null when the optional oracle packages are not installed. */
export async function loadTreeSitterFacts(): Promise<((text: string) => string[]) | null> {
  let ts: { Parser: { init(): Promise<void>; new (): TsParser & { setLanguage(l: unknown): void } }; Language: { load(p: string): Promise<unknown> } };
  let wasm: string;
  try {
    ts = require('web-tree-sitter');
    wasm = require.resolve('@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-hcl.wasm');
  } catch {
    return null;
  }
  await ts.Parser.init();
  const parser = new ts.Parser();
  parser.setLanguage(await ts.Language.load(path.resolve(wasm)));
  return (text: string) => {
    const tree = parser.parse(text);
    // The scanner never reports errors, so an error here shows up as a difference: inputs must be valid.
    const facts: string[] = tree.rootNode.hasError ? ['error 0-0 tree-sitter'] : [];
    const stack: TsNode[] = [tree.rootNode];
    while (stack.length > 0) {
      const node = stack.pop()!;
      const kids = node.children;
      if (node.type === 'attribute') {
        const value = kids.find((k) => k.type === 'expression');
        facts.push(`attr ${kids[0].startIndex}-${kids[0].endIndex} = ${value ? `${value.startIndex}-${value.endIndex}` : '?'}`);
      } else if (node.type === 'block') {
        const open = kids.findIndex((k) => k.type === 'block_start');
        const labels = kids.slice(1, open).map((k) => `${k.startIndex}-${k.endIndex}`).join(',');
        const end = kids.find((k) => k.type === 'block_end');
        const close = end && !end.isMissing ? end.startIndex : null;
        facts.push(`block ${kids[0].startIndex}-${kids[0].endIndex} [${labels}] { ${kids[open]?.startIndex} } ${close}`);
      } else if (node.type === 'comment') {
        // tree-sitter keeps the CR of a CRLF in line comments; the scanner (deliberately) does not.
        const end = text.charCodeAt(node.endIndex - 1) === 0x0d ? node.endIndex - 1 : node.endIndex;
        facts.push(`comment ${node.startIndex}-${end}`);
      }
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
    }
    tree.delete();
    return facts.sort(byStart);
  };
}
