// Turns hcl2json's rejection message into LSP-ranged diagnostics. Format (parsing.md §1 "Error format"):
//   parse config: [main.tf:L,C-C: Summary; Detail. main.tf:L,C-L2,C2: Summary; Detail.]
// Diagnostics are joined by one space, and a detail may itself mention `main.tf:L,C-C` (e.g. "already set at
// main.tf:2,3-4."), so a header only counts when it follows `[` or a space and is followed by `: `.
import type { Position } from '../../types';
import { graphemeColumnToUtf16 } from '../../text/graphemes';
import type { HclDiagnostic } from './types';
import { firstLineRange } from './failureDiagnostics';

/** The file name always passed to hcl2json, so the header regex can be anchored on it. */
export const HCL_FILE_NAME = 'main.tf';

const HEADER = /(?<=^|[[ ])main\.tf:(\d+),(\d+)-(?:(\d+),)?(\d+): /g;

/** Pure: parse hcl2json's error message into diagnostics, converting columns with Intl.Segmenter on the given text. */
export function parseHclErrorMessage(message: string, text: string): HclDiagnostic[] {
  const headers = Array.from(message.matchAll(HEADER)); // not a spread: ts-node may down-level to ES5, where spreading an iterator yields []
  if (headers.length === 0) {
    return [{ summary: 'HCL parse error', detail: message.trim(), range: firstLineRange(text) }];
  }
  const lines = text.split('\n');
  return headers.map((header, i) => {
    const bodyStart = (header.index ?? 0) + header[0].length;
    const next = headers[i + 1];
    const bodyEnd = next ? (next.index ?? message.length) : bodyEndOfLast(message);
    const { summary, detail } = splitBody(message.slice(bodyStart, bodyEnd).trim());
    const [startLine, startColumn, endLineOrNone, endColumn] = header.slice(1, 5);
    const endLine = endLineOrNone ?? startLine;
    return {
      summary,
      detail,
      range: {
        start: toPosition(lines, Number(startLine), Number(startColumn)),
        end: toPosition(lines, Number(endLine), Number(endColumn)),
      },
    };
  });
}

/** The message closes its diagnostic list with `]`. */
function bodyEndOfLast(message: string): number {
  const trimmed = message.trimEnd();
  return trimmed.endsWith(']') ? trimmed.length - 1 : trimmed.length;
}

/** hcl's Diagnostic.Error() is `subject: summary; detail`. */
function splitBody(body: string): { summary: string; detail: string } {
  const separator = body.indexOf('; ');
  if (separator < 0) return { summary: body, detail: '' };
  return { summary: body.slice(0, separator), detail: body.slice(separator + 2) };
}

/** 1-based HCL line and grapheme column -> LSP position; out-of-range lines clamp to the end of the text. */
function toPosition(lines: string[], line1Based: number, column1Based: number): Position {
  const lastLine = lines.length - 1;
  if (line1Based - 1 > lastLine) {
    return { line: lastLine, character: withoutCarriageReturn(lines[lastLine]).length };
  }
  const line = Math.max(0, line1Based - 1);
  return { line, character: graphemeColumnToUtf16(withoutCarriageReturn(lines[line]), column1Based) };
}

/** HCL treats CRLF as one newline, so the `\r` is never part of a line's columns. */
function withoutCarriageReturn(line: string): string {
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}
