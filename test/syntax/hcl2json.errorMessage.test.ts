// Pure conversion of hcl2json's rejection message into LSP ranges. Unless a test says otherwise, the messages
// are verbatim hcl2json 0.21.0 output for the given texts (hcl2json.parser.test.ts runs the real parser).
import { strict as assert } from 'node:assert';
import { parseHclErrorMessage } from '../../server/src/core/syntax/hcl2json';

const range = (line: number, start: number, endLine: number, end: number) => ({
  start: { line, character: start },
  end: { line: endLine, character: end },
});

describe('hcl2json parseHclErrorMessage', () => {
  it('maps the seed line to HCL 1,40-47 = UTF-16 39-46', () => {
    const text = 'variable "shards"      { type = number default = 2 }';
    const message =
      'parse config: [main.tf:1,40-47: Invalid single-argument block definition; A single-line block definition ' +
      'must end with a closing brace immediately after its single argument definition.]';
    assert.deepEqual(parseHclErrorMessage(message, text), [
      {
        summary: 'Invalid single-argument block definition',
        detail:
          'A single-line block definition must end with a closing brace immediately after its single argument definition.',
        range: range(0, 39, 0, 46),
      },
    ]);
  });

  it('counts grapheme columns after multi-byte letters, an emoji and a combining accent', () => {
    // é is e + U+0301: one grapheme, two UTF-16 units; 😀 is one grapheme, a surrogate pair.
    const text = 'x = "ü😀e\u0301" y';
    const message = 'parse config: [main.tf:1,11-12: Missing newline after argument; An argument definition must end with a newline.]';
    const [diagnostic] = parseHclErrorMessage(message, text);
    assert.deepEqual(diagnostic.range, range(0, 12, 0, 13));
    assert.equal(text.slice(12, 13), 'y');
  });

  it('counts a ZWJ family, a flag and a tab as one column each, on a later line', () => {
    const text = 'a = 1\n\tb = "👨‍👩‍👧🇫🇷" c\n';
    // Graphemes of line 2: \t b ␠ = ␠ " 👨‍👩‍👧 🇫🇷 " ␠ c -> `c` is column 11.
    const message = 'parse config: [main.tf:2,11-12: Missing newline after argument; An argument definition must end with a newline.]';
    const [diagnostic] = parseHclErrorMessage(message, text);
    assert.deepEqual(diagnostic.range, range(1, 20, 1, 21));
    assert.equal(text.split("\n")[1].slice(20, 21), 'c');
  });

  it('does not split at a location inside a detail (main.tf:2,3-4)', () => {
    const text = 'b {\n  a = 1\n  a = 2\n}\n';
    const message =
      'parse config: [main.tf:3,3-4: Attribute redefined; The argument "a" was already set at main.tf:2,3-4. ' +
      'Each argument may be set only once.]';
    assert.deepEqual(parseHclErrorMessage(message, text), [
      {
        summary: 'Attribute redefined',
        detail: 'The argument "a" was already set at main.tf:2,3-4. Each argument may be set only once.',
        range: range(2, 2, 2, 3),
      },
    ]);
  });

  it('returns every diagnostic of a message, with multi-line ranges', () => {
    const text = 'a = "x\ny"';
    const message =
      'parse config: [main.tf:1,7-2,1: Invalid multi-line string; Quoted strings may not be split over multiple lines. ' +
      'To produce a multi-line string, either use the \\n escape to represent a newline character or use the ' +
      '"heredoc" multi-line template syntax. main.tf:1,7-2,1: Unterminated template string; No closing marker was ' +
      'found for the string.]';
    assert.deepEqual(parseHclErrorMessage(message, text), [
      {
        summary: 'Invalid multi-line string',
        detail:
          'Quoted strings may not be split over multiple lines. To produce a multi-line string, either use the \\n ' +
          'escape to represent a newline character or use the "heredoc" multi-line template syntax.',
        range: range(0, 6, 1, 0),
      },
      {
        summary: 'Unterminated template string',
        detail: 'No closing marker was found for the string.',
        range: range(0, 6, 1, 0),
      },
    ]);
  });

  it('ignores the CR of CRLF line ends and clamps columns past the end of a line', () => {
    const text = 'a = 1\r\nb = \r\n'; // constructed messages
    const message = 'parse config: [main.tf:2,4-3,1: Invalid expression; Expected the start of an expression.]';
    assert.deepEqual(parseHclErrorMessage(message, text)[0].range, range(1, 3, 2, 0));
    const pastEnd = 'parse config: [main.tf:1,3-40: S; D.]';
    assert.deepEqual(parseHclErrorMessage(pastEnd, text)[0].range, range(0, 2, 0, 5));
  });

  it('follows HCL lines (a lone CR is a column) to LSP lines (a lone CR breaks the line)', () => {
    const text = '# c\rx\na = 1 b\n';
    const message = 'parse config: [main.tf:2,7-8: Missing newline after argument; An argument definition must end with a newline.]';
    assert.deepEqual(parseHclErrorMessage(message, text)[0].range, range(2, 6, 2, 7));
    const inString = 'a = "x\ry" z\n';
    const split = 'parse config: [main.tf:1,7-8: Unterminated template string; No closing marker was found for the string.]';
    assert.deepEqual(parseHclErrorMessage(split, inString)[0].range, range(0, 6, 1, 0));
  });

  it('clamps a line past the end of the text to its last position', () => {
    const message = 'parse config: [main.tf:3,1-1: Missing expression; Expected the start of an expression, but found the end of the file.]';
    assert.deepEqual(parseHclErrorMessage(message, 'a =')[0].range, range(0, 3, 0, 3));
  });

  it('falls back to one diagnostic on the first line for an unrecognised message', () => {
    assert.deepEqual(parseHclErrorMessage('Go program has already exited', 'a = 1\nb = 2'), [
      { summary: 'HCL parse error', detail: 'Go program has already exited', range: range(0, 0, 0, 5) },
    ]);
  });
});
