// The pull-request comment as a reviewer sees it: Markdown → HTML with markdown-it (GFM tables on by default; raw
// HTML allowed, as GitHub allows <details>), then parsed by parse5 (the WHATWG parser) collecting its parse errors.
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';

export interface HtmlNode {
  nodeName: string;
  tagName?: string;
  value?: string;
  childNodes?: HtmlNode[];
  attrs?: { name: string; value: string }[];
}

export function renderComment(markdown: string): { html: string; errors: string[]; root: HtmlNode } {
  const html = new MarkdownIt({ html: true }).render(markdown);
  const errors: string[] = [];
  const root = parseFragment(html, { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) }) as unknown as HtmlNode;
  return { html, errors, root };
}

export function elements(node: HtmlNode, tag: string): HtmlNode[] {
  const own = node.tagName === tag ? [node] : [];
  return [...own, ...(node.childNodes ?? []).flatMap((c) => elements(c, tag))];
}

export function textOf(node: HtmlNode): string {
  if (node.nodeName === '#text') return node.value ?? '';
  return (node.childNodes ?? []).map(textOf).join('');
}

/** Rows of the first table directly in `node` (not inside <details>): each row's cell texts. */
export function tableRows(table: HtmlNode): string[][] {
  return elements(table, 'tr').map((tr) => (tr.childNodes ?? []).filter((c) => c.tagName === 'td' || c.tagName === 'th').map(textOf));
}
