// The pure part of "kinesis-lint: Pull metrics for streams in this workspace" (pullMetrics.ts): the CLI's stderr
// split into lines, its progress lines ("kinesis-lint: [3/12] events (eu-west-1): …") turned into the notification's
// message and share, and the message shown at the end. No vscode import, so test/client runs it under mocha.

/** `kinesis-lint metrics pull` run in one workspace folder (the CLI is started with that folder as cwd). */
export const PULL_ARGS = ['metrics', 'pull'] as const;

const PREFIX = /^kinesis-lint:\s*/;
const PROGRESS = /^kinesis-lint: \[(\d+)\/(\d+)\]\s*(.*)$/;

export interface PullProgress {
  /** The stream being read (1-based) and how many there are. */
  index: number;
  total: number;
  /** "[3/12] events (eu-west-1): …" */
  text: string;
}

export function parseProgress(line: string): PullProgress | undefined {
  const m = PROGRESS.exec(line);
  if (!m) return undefined;
  const total = Number(m[2]);
  return { index: Number(m[1]), total, text: `[${m[1]}/${m[2]}] ${m[3]}`.trimEnd() };
}

/** Splits a stream's chunks into lines (a line may arrive in pieces; "\r\n" counts as one break). */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    this.pending += chunk;
    const parts = this.pending.split('\n');
    this.pending = parts.pop() ?? '';
    return parts.map((l) => l.replace(/\r$/, ''));
  }

  /** What is left after the stream ended, as a last line. */
  end(): string[] {
    const rest = this.pending.replace(/\r$/, '');
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}

/**
 * The notification's message and how far the whole command is (0..1): folder `folder` of `folders`, stream `index`
 * of `total` started. `name`: the folder's name, shown when there are several.
 */
export function progressMessage(p: PullProgress, folder: number, folders: number, name?: string): { message: string; done: number } {
  const inFolder = p.total > 0 ? Math.min(1, Math.max(0, (p.index - 1) / p.total)) : 0;
  return { message: folders > 1 && name ? `${name}: ${p.text}` : p.text, done: (folder + inFolder) / folders };
}

/** One folder's run of the CLI. */
export interface FolderRun {
  /** The folder's name (VS Code's workspace folder name). */
  name: string;
  /** The exit code; null when the process ended by a signal (cancelled) or could not start. */
  code: number | null;
  cancelled: boolean;
  /** Every stderr line and every stdout line, in order. */
  stderr: string[];
  stdout: string[];
  /** The process could not be started (ENOENT for a missing dist/cli.js). */
  startError?: string;
}

export interface PullSummary {
  level: 'info' | 'warning' | 'error';
  text: string;
}

/** The lines that are not progress, without the "kinesis-lint: " prefix: the CLI's summary, or its errors. */
export function otherLines(run: FolderRun): string[] {
  return [...run.stderr, ...run.stdout].filter((l) => l.trim() !== '' && !PROGRESS.test(l)).map((l) => l.replace(PREFIX, '').trim());
}

/** The message at the end: the CLI's own summary per folder when every run succeeded, else what failed and why. */
export function summarize(runs: FolderRun[]): PullSummary {
  const several = runs.length > 1;
  const label = (r: FolderRun, text: string) => (several ? `${r.name}: ${text}` : text);
  if (runs.length === 0) return { level: 'warning', text: 'kinesis-lint: no workspace folder on disk to pull metrics for' };
  if (runs.some((r) => r.cancelled)) {
    const done = runs.filter((r) => !r.cancelled && r.code === 0).map((r) => r.name);
    return { level: 'warning', text: `kinesis-lint: metrics pull cancelled${done.length > 0 ? ` (done for ${done.join(', ')})` : ''}; no snapshot was half-written` };
  }
  const failed = runs.filter((r) => r.code !== 0);
  if (failed.length === 0) {
    const parts = runs.map((r) => label(r, otherLines(r).at(-1) ?? 'snapshot written'));
    return { level: 'info', text: `kinesis-lint: ${parts.join('; ')}` };
  }
  const reasons = failed.map((r) => label(r, r.startError ?? (otherLines(r).join(' ') || `exit code ${r.code}`)));
  const ok = runs.filter((r) => r.code === 0).map((r) => r.name);
  return { level: 'error', text: `kinesis-lint: metrics not pulled: ${reasons.join('; ')}${ok.length > 0 ? ` (pulled for ${ok.join(', ')})` : ''}` };
}
