// Escaping of user-controlled text (resource addresses, file names, messages) for the Markdown comment (the
// workflow commands' escaping is cli/format/workflowCommands.ts, shared with the lint's --format github).

/**
 * Markdown inline text, also inside a GFM table cell: a backslash before every character that could start markup
 * (CommonMark allows one before any ASCII punctuation): code spans, emphasis, links, strikethrough, `|` so a cell
 * never splits, `$` so GitHub never reads "+$21.90 … +$5" as inline math; `<`, `>` and `&` as entities so no HTML
 * tag or entity can be formed. Line breaks become spaces (a table row is one line).
 */
export function mdText(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~$]/g, (c) => `\\${c}`);
}

/** Text inside raw HTML (the `<summary>` line, where Markdown is not processed): entities only. */
export function htmlText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
