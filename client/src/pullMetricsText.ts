// The pure part of "kinesis-lint: Pull metrics for streams in this workspace" (pullMetrics.ts): the CLI's stderr
// split into lines, its progress lines ("kinesis-lint: [3/12] events (eu-west-1): …") turned into the notification's
// message and share, and the message shown at the end. No vscode import, so test/client runs it under mocha.

/** `kinesis-lint metrics pull` run in one workspace folder (the CLI is started with that folder as cwd). */
export const PULL_ARGS = ['metrics', 'pull'] as const;

const PREFIX = /^kinesis-lint(?: metrics(?: pull)?)?:\s*/;
const PROGRESS = /^kinesis-lint: \[(\d+)\/(\d+)\]\s*(.*)$/;

export interface PullProgress {
  /** The stream just read (1-based) and how many there are. */
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

/** A retry line ("kinesis-lint: Throttling: Rate exceeded (eu-west-1); retrying in 2 s (attempt 2 of 6)"): the
 *  notification's message while the CLI waits, else undefined. */
export function retryMessage(line: string): string | undefined {
  return !PROGRESS.test(line) && / retrying in /.test(line) ? line.replace(PREFIX, '').trim() : undefined;
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
 * of `total` read (the CLI reports each stream when its metrics are in). `name`: the folder's name, shown when there
 * are several.
 */
export function progressMessage(p: PullProgress, folder: number, folders: number, name?: string): { message: string; done: number } {
  const inFolder = p.total > 0 ? Math.min(1, Math.max(0, p.index / p.total)) : 0;
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

// The CLI's wording (server/src/cli/metrics.ts, server/src/metrics/pull.ts): a progress line's outcome is "read, …"
// or the reason the stream was not read; the first line says what is pulled, retries say when they retry, and a
// failed run ends with "Nothing was written.".
const STREAM_OUTCOME = /^\[\d+\/\d+\] (.+?): (.*)$/;
const NOT_A_REASON = /^pulling \d|retrying in |^Nothing was written\.$/;

/** `metrics pull`'s exit codes (docs/metrics.md): 0 written, 1 written without some streams, else nothing written. */
const EXIT_PARTIAL = 1;
const EXIT_NOTHING_WRITTEN = 3;
/** The CLI's line for a folder that holds no Terraform (server/src/cli/metrics.ts). */
const NO_TERRAFORM = /no Terraform files .*; nothing to pull$/;

/** A folder without Terraform (a docs or scripts folder of a multi-root workspace): skipped, not a failure, when
 *  other folders have Terraform. */
function withoutTerraform(run: FolderRun): boolean {
  return run.code === EXIT_NOTHING_WRITTEN && run.stderr.some((l) => NO_TERRAFORM.test(l));
}

function strip(line: string): string {
  return line.replace(PREFIX, '').trim();
}

/** The lines that are not progress, without the "kinesis-lint: " prefix: the CLI's summary, or its errors. */
export function otherLines(run: FolderRun): string[] {
  return [...run.stderr, ...run.stdout].filter((l) => l.trim() !== '' && !PROGRESS.test(l)).map(strip);
}

/** The streams the run could not read, with the reason: "events (eu-west-1): AccessDenied …". */
export function unreadStreams(run: FolderRun): string[] {
  return run.stderr.map((l) => parseProgress(l)).flatMap((p) => {
    const m = p && STREAM_OUTCOME.exec(p.text);
    return m && !m[2].startsWith('read,') ? [`${m[1]}: ${m[2]}`] : [];
  });
}

/** Why a run failed: the unread streams, then the other lines that are not progress (the fatal error). */
function reasons(run: FolderRun): string {
  if (run.startError) return run.startError;
  const lines = [...unreadStreams(run), ...otherLines(run).filter((l) => !NOT_A_REASON.test(l))];
  return lines.join('; ') || `exit code ${run.code}`;
}

/**
 * The message at the end: the CLI's own last line per folder when every run wrote its snapshot (a warning with the
 * streams it could not read when some were not), else what failed and why.
 */
export function summarize(runs: FolderRun[]): PullSummary {
  const several = runs.length > 1;
  const label = (r: FolderRun, text: string) => (several ? `${r.name}: ${text}` : text);
  if (runs.length === 0) return { level: 'warning', text: 'kinesis-lint: no workspace folder on disk to pull metrics for' };
  if (runs.some((r) => r.cancelled)) {
    const done = runs.filter((r) => !r.cancelled && written(r)).map((r) => r.name);
    return { level: 'warning', text: `kinesis-lint: metrics pull cancelled${done.length > 0 ? ` (done for ${done.join(', ')})` : ''}; no snapshot was half-written` };
  }
  const skipped = runs.filter(withoutTerraform);
  if (skipped.length > 0 && skipped.length < runs.length) {
    const rest = summarize(runs.filter((r) => !withoutTerraform(r)));
    return { ...rest, text: `${rest.text} (no Terraform in ${skipped.map((r) => r.name).join(', ')})` };
  }
  const failed = runs.filter((r) => !written(r));
  if (failed.length === 0) {
    const parts = runs.map((r) => {
      const last = otherLines(r).filter((l) => !NOT_A_REASON.test(l)).at(-1) ?? 'snapshot written';
      const unread = r.code === EXIT_PARTIAL ? unreadStreams(r) : [];
      return label(r, unread.length > 0 ? `${last}; not read: ${unread.join('; ')}` : last);
    });
    return { level: runs.some((r) => r.code === EXIT_PARTIAL) ? 'warning' : 'info', text: `kinesis-lint: ${parts.join('; ')}` };
  }
  const ok = runs.filter(written).map((r) => r.name);
  return { level: 'error', text: `kinesis-lint: metrics not pulled: ${failed.map((r) => label(r, reasons(r))).join('; ')}${ok.length > 0 ? ` (pulled for ${ok.join(', ')})` : ''}` };
}

/** The run wrote its snapshot (exit 0, or 1: some streams missing). */
function written(run: FolderRun): boolean {
  return run.code === 0 || run.code === EXIT_PARTIAL;
}
