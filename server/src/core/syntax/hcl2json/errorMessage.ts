// Turns hcl2json's rejection message into LSP-ranged diagnostics. Format (parsing.md §1 "Error format"):
//   parse config: [main.tf:L,C-C: Summary; Detail. main.tf:L,C-L2,C2: Summary; Detail.]
// Diagnostics are joined by one space, and a detail may itself mention `main.tf:L,C-C` (e.g. "already set at
// main.tf:2,3-4."), so a header only counts when it follows `[` or a space and is followed by `: `.
import type { Position } from '../../types';
import { graphemeColumnToUtf16 } from '../../text/graphemes';
import { LineIndex } from '../../text/lineIndex';
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
  const lines = new HclLines(text);
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
        start: lines.position(Number(startLine), Number(startColumn)),
        end: lines.position(Number(endLine), Number(endColumn)),
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

/**
 * HCL's lines and LSP's differ: HCL breaks lines only at \n and \r\n, while a lone \r is just another column
 * (hclsyntax emitToken); LSP also breaks at a lone \r. So HCL (line, column) goes to a text offset first,
 * and LineIndex turns that into the LSP position.
 */
class HclLines {
  private readonly starts = [0];
  private readonly lspLines: LineIndex;

  constructor(private readonly text: string) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
    this.lspLines = new LineIndex(text);
  }

  /** 1-based HCL line and grapheme column -> LSP position; lines past the end clamp to the end of the text. */
  position(line1Based: number, column1Based: number): Position {
    const line = line1Based - 1;
    if (line >= this.starts.length) return this.lspLines.positionAt(this.text.length);
    const start = this.starts[Math.max(0, line)];
    const next = this.starts[Math.max(0, line) + 1];
    let end = next === undefined ? this.text.length : next - 1;
    if (end > start && this.text[end - 1] === '\r' && next !== undefined) end--; // the CR of a CRLF
    return this.lspLines.positionAt(start + graphemeColumnToUtf16(this.text.slice(start, end), column1Based));
  }
}
