// The extension's one log: a LogOutputChannel (levels, timestamps, the user's log-level filter) that also stands in
// as vscode-languageclient's output channel, re-levelling the library's lines (logLevels.ts), and remembers the
// recent lines for "Report a problem".
import * as vscode from 'vscode';
import { RecentLines, routeClientLine, type LogLevel } from './logLevels';

export class ClientLog implements vscode.OutputChannel {
  readonly channel: vscode.LogOutputChannel;
  readonly recent = new RecentLines();
  /** Set while the extension stops the server on purpose (restart, kinesisLint.enable = false, deactivation). */
  stopping = false;
  private partial = '';
  private previous: LogLevel = 'info';

  constructor(readonly name: string) {
    this.channel = vscode.window.createOutputChannel(name, { log: true });
  }

  log(level: LogLevel, text: string): void {
    this.previous = level;
    this.recent.push(level, text);
    this.channel[level](text);
  }

  // The OutputChannel the language client writes to.
  append(value: string): void {
    const parts = (this.partial + value).split(/\r?\n/);
    this.partial = parts.pop() ?? '';
    for (const line of parts) this.line(line);
  }

  appendLine(value: string): void {
    this.append(`${value}\n`);
  }

  replace(value: string): void {
    this.partial = '';
    this.append(value);
  }

  clear(): void {
    this.channel.clear();
  }

  show(columnOrPreserve?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserve === 'boolean' || columnOrPreserve === undefined) this.channel.show(columnOrPreserve);
    else this.channel.show(columnOrPreserve, preserveFocus);
  }

  hide(): void {
    this.channel.hide();
  }

  dispose(): void {
    this.channel.dispose();
  }

  private line(line: string): void {
    const routed = routeClientLine(line, this.previous, this.stopping);
    this.log(routed.level, routed.text);
  }
}
