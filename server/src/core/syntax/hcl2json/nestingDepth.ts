// A cheap bracket count so that inputs deep enough to crash hcl2json (RangeError from ~2,000 levels, a dead Go
// runtime from ~10,000; parsing.md §1 "Robustness") are never sent to it. Brackets in comments, quoted
// template text and heredoc bodies do not count; `${`/`%{` interpolations in quoted strings do.

type Frame = 'bracket' | 'interpolation' | 'string';

const OPENERS = '{[(';
const CLOSERS = '}])';
const HEREDOC_START = /<<-?([A-Za-z_][\w-]*)\r?\n/y;

/** Deepest nesting of brackets and interpolations in `text`. */
export function maxNestingDepth(text: string): number {
  const stack: Frame[] = [];
  let depth = 0;
  let deepest = 0;
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    const next = text[i + 1];
    if (stack[stack.length - 1] === 'string') {
      if (c === '\\') i += 2;
      else if ((c === '$' || c === '%') && next === c && text[i + 2] === '{') i += 3; // `$${` / `%%{` are literal
      else if ((c === '$' || c === '%') && next === '{') {
        stack.push('interpolation');
        deepest = Math.max(deepest, ++depth);
        i += 2;
      } else {
        if (c === '"' || c === '\n') stack.pop(); // quoted strings cannot span lines
        i++;
      }
      continue;
    }
    if (c === '"') {
      stack.push('string');
      i++;
    } else if (c === '#' || (c === '/' && next === '/')) {
      i = indexOrEnd(text, '\n', i);
    } else if (c === '/' && next === '*') {
      i = indexOrEnd(text, '*/', i + 2) + 2;
    } else if (c === '<' && next === '<') {
      i = afterHeredoc(text, i);
    } else if (OPENERS.includes(c)) {
      stack.push('bracket');
      deepest = Math.max(deepest, ++depth);
      i++;
    } else if (CLOSERS.includes(c)) {
      // Stray closers (a syntax error hcl2json will report) are ignored rather than driving depth negative.
      if (stack.length > 0) {
        stack.pop();
        depth--;
      }
      i++;
    } else {
      i++;
    }
  }
  return deepest;
}

function indexOrEnd(text: string, needle: string, from: number): number {
  const at = text.indexOf(needle, from);
  return at < 0 ? text.length : at;
}

/** Index after a heredoc's closing marker line, or after `<<` when it does not open a heredoc. */
function afterHeredoc(text: string, at: number): number {
  HEREDOC_START.lastIndex = at;
  const opener = HEREDOC_START.exec(text);
  if (!opener) return at + 2;
  let lineStart = at + opener[0].length;
  while (lineStart < text.length) {
    const lineEnd = indexOrEnd(text, '\n', lineStart);
    if (text.slice(lineStart, lineEnd).trim() === opener[1]) return lineEnd;
    lineStart = lineEnd + 1;
  }
  return text.length;
}
