// "kinesis-lint: Pull metrics for streams in this workspace": runs `kinesis-lint metrics pull` (the CLI shipped in
// this extension) in each workspace folder in a child process, with a cancellable progress notification fed by the
// CLI's progress lines, then shows its summary or its errors. The CLI writes the snapshot (.kinesis-lint/metrics.json,
// or the config's metrics.file) atomically; the language server watches that file and analyses the roots it serves
// again. The network (CloudWatch) stays in the child process: never in the extension host or the language server.
// Only in a trusted workspace: the CLI reads the workspace's Terraform with the user's AWS credentials.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LineSplitter, PULL_ARGS, parseProgress, progressMessage, retryMessage, summarize, type FolderRun, type PullSummary } from './pullMetricsText';

type Log = (level: 'info' | 'warn' | 'error', line: string) => void;

let running: Thenable<PullSummary> | undefined;

/** Resolves to the summary shown at the end (the e2e suite checks it). */
export function pullMetrics(extensionPath: string, log: Log): Thenable<PullSummary> {
  if (!vscode.workspace.isTrusted) {
    throw new Error('pulling metrics runs the kinesis-lint CLI on this workspace with your AWS credentials: trust the workspace first (Workspaces: Manage Workspace Trust)');
  }
  // A second invocation while one runs joins it (its notification is already on screen).
  if (running) return running;
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file');
  running = vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'kinesis-lint: pulling CloudWatch metrics', cancellable: true },
    async (progress, token) => {
      const runs: FolderRun[] = [];
      let shown = 0;
      for (const [i, folder] of folders.entries()) {
        if (token.isCancellationRequested) {
          // Cancelled between two folders: this one is not pulled.
          runs.push({ name: folder.name, code: null, cancelled: true, stderr: [], stdout: [] });
          break;
        }
        runs.push(await runIn(cli, folder, token, log, (line) => {
          const p = parseProgress(line);
          const retry = p ? undefined : retryMessage(line);
          if (retry) progress.report({ message: folders.length > 1 ? `${folder.name}: ${retry}` : retry });
          if (!p) return;
          const { message, done } = progressMessage(p, i, folders.length, folder.name);
          // withProgress's increment adds up to 100.
          const increment = Math.max(0, done * 100 - shown);
          shown += increment;
          progress.report({ message, increment });
        }));
      }
      const summary = summarize(runs);
      const show = summary.level === 'info' ? vscode.window.showInformationMessage : summary.level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
      void show(summary.text);
      return summary;
    },
  );
  const done = () => {
    running = undefined;
  };
  running.then(done, done);
  return running;
}

function runIn(cli: string, folder: vscode.WorkspaceFolder, token: vscode.CancellationToken, log: Log, onLine: (line: string) => void): Promise<FolderRun> {
  return new Promise((resolve) => {
    const run: FolderRun = { name: folder.name, code: null, cancelled: false, stderr: [], stdout: [] };
    log('info', `metrics pull in ${folder.uri.fsPath}: ${path.basename(cli)} ${PULL_ARGS.join(' ')}`);
    // The extension host's environment (AWS_PROFILE, AWS_REGION, AWS_ENDPOINT_URL_CLOUDWATCH, …) goes to the CLI.
    const child = fork(cli, [...PULL_ARGS], { cwd: folder.uri.fsPath, silent: true });
    const cancel = token.onCancellationRequested(() => {
      run.cancelled = true;
      child.kill();
    });
    const err = new LineSplitter();
    const out = new LineSplitter();
    const onErr = (line: string) => {
      run.stderr.push(line);
      log(parseProgress(line) ? 'info' : 'warn', line);
      onLine(line);
    };
    const onOut = (line: string) => {
      run.stdout.push(line);
      log('info', line);
    };
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => err.push(chunk).forEach(onErr));
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => out.push(chunk).forEach(onOut));
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      err.end().forEach(onErr);
      out.end().forEach(onOut);
      cancel.dispose();
      resolve(run);
    };
    child.on('error', (e) => {
      run.startError = e.message;
      finish();
    });
    // 'close': the process ended and its output streams are drained.
    child.on('close', (code) => {
      run.code = code;
      log(code === 0 ? 'info' : 'warn', `metrics pull in ${folder.uri.fsPath}: ${run.cancelled ? 'cancelled' : `exit code ${code}`}`);
      finish();
    });
  });
}
