// Escaping of user-controlled text (resource addresses, file names, messages) for the Markdown comment and the
// GitHub workflow commands.

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

/**
 * GitHub workflow commands (`::warning file=…::message`), as @actions/core's command.ts escapes them: in the
 * message `%`, CR and LF; in a property value also `:` and `,`.
 */
export function commandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function commandProperty(text: string): string {
  return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
