// ANSI colours for the text report, only when a person is likely reading a terminal.

export interface Palette {
  severity(severity: string, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

/** NO_COLOR (no-color.org): any non-empty value turns colours off; so does output that is not a terminal. */
export function useColor(env: Record<string, string | undefined>, isTTY: boolean | undefined): boolean {
  return isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

const SEVERITY_CODE: Record<string, string> = { error: '31', warning: '33', info: '36', hint: '2' }; // red, yellow, cyan, dim

const paint = (code: string, text: string) => `\u001b[${code}m${text}\u001b[0m`;

export const PLAIN: Palette = { severity: (_s, t) => t, dim: (t) => t, bold: (t) => t };

export const ANSI: Palette = {
  severity: (s, t) => (SEVERITY_CODE[s] ? paint(SEVERITY_CODE[s], t) : t),
  dim: (t) => paint('2', t),
  bold: (t) => paint('1', t),
};
