// "kinesis-lint: Update Prices": runs `kinesis-lint prices update` (the CLI shipped in this extension) in a child
// process with a progress notification, then restarts the language server so every module is analysed again
// with the new price cache. The network stays out of the extension host and the language server.
import { fork } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';

export function updatePrices(extensionPath: string, restartServer: () => Promise<void>): Thenable<void> {
  // The bundled CLI (scripts/bundle.js).
  const cli = path.join(extensionPath, 'dist', 'cli.js');
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'kinesis-lint: updating prices from the AWS Price List', cancellable: true },
    (progress, token) => new Promise<void>((resolve) => {
      const child = fork(cli, ['prices', 'update'], { silent: true });
      token.onCancellationRequested(() => child.kill());
      const lines: string[] = [];
      let pending = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        pending += chunk;
        const parts = pending.split('\n');
        pending = parts.pop() ?? '';
        for (const line of parts) {
          lines.push(line);
          // "kinesis-lint: [3/31] eu-west-1: offer … of 2026-11-20"
          progress.report({ message: line.replace(/^kinesis-lint:\s*/, '') });
        }
      });
      child.on('exit', (code) => {
        if (code === 0) {
          void vscode.window.showInformationMessage(`kinesis-lint: ${lines[lines.length - 1]?.replace(/^kinesis-lint:\s*/, '') ?? 'prices updated'}`);
          void restartServer().finally(resolve);
        } else {
          const reason = token.isCancellationRequested ? 'cancelled' : lines.filter((l) => !/^kinesis-lint: \[/.test(l)).join(' ') || `exit code ${code}`;
          void vscode.window.showErrorMessage(`kinesis-lint: prices not updated: ${reason}`);
          resolve();
        }
      });
    }),
  );
}
