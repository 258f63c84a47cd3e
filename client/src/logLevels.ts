// Which level each line vscode-languageclient writes to its output channel belongs at. The client library writes
// plain lines prefixed "[Error - 10:31:02] …"; into a LogOutputChannel (which adds its own time and level) they
// would all land at "info", and a clean exit would still read "[Error] Server process exited with code 0".
// Pure, so it is tested without VS Code (test/client/logLevels.test.ts).

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface RoutedLine {
  level: LogLevel;
  text: string;
}

const PREFIX = /^\[(Error|Warn|Info|Debug|Trace|LSP)\s*- [^\]]*\] ?/;
// Message traces appear only when the user turns kinesisLint.trace.server on, so they show at the channel's default
// level (info) instead of hiding below it.
const LEVELS: Record<string, LogLevel> = { Error: 'error', Warn: 'warn', Info: 'info', Debug: 'debug', Trace: 'info', LSP: 'info' };

/**
 * `previous`: the level of the line before (an unprefixed line continues it: the library writes an error's data on
 * the next line). `stopping`: the extension itself is stopping the server (restart, disable, deactivate), so its
 * end by a signal is expected.
 */
export function routeClientLine(line: string, previous: LogLevel, stopping: boolean): RoutedLine {
  const match = PREFIX.exec(line);
  if (!match) return { level: previous, text: line };
  const text = line.slice(match[0].length);
  let level = LEVELS[match[1]];
  // Exit code 0 is the server's answer to shutdown + exit: a normal end, whoever asked for it.
  if (/^Server process exited with code 0\.$/.test(text)) level = 'info';
  else if (stopping && /^Server process exited with signal \w+\.$/.test(text)) level = 'info';
  return { level, text };
}

/** A bounded list of the most recent lines (for "Report a problem"). */
export class RecentLines {
  private readonly lines: string[] = [];

  constructor(private readonly max = 200) {}

  push(level: LogLevel, text: string, at: Date = new Date()): void {
    this.lines.push(`${at.toISOString()} [${level}] ${text}`);
    if (this.lines.length > this.max) this.lines.splice(0, this.lines.length - this.max);
  }

  all(): string[] {
    return [...this.lines];
  }
}
