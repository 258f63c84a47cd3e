// What the status bar item shows, as a pure function of the server state and the last cost summary, so it can
// be tested without VS Code. The item itself lives in statusBar.ts.
import type { CostSummary } from './protocol';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface StatusView {
  text: string;
  tooltip: string;
  /** Command run on click. */
  command: string;
  /** Draw the item with the warning background. */
  warning: boolean;
}

const NAME = 'kinesis-lint';

// Amounts are USD (the summary's field is totalMonthlyUsd); en-US gives "$1,234.50" like the CLI and hovers.
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

export function formatUsd(amount: number): string {
  return usd.format(amount);
}

export function statusView(state: ServerState, summary: CostSummary | undefined): StatusView {
  if (state === 'starting') {
    return {
      text: `$(sync~spin) ${NAME}`,
      tooltip: 'kinesis-lint: starting the language server…',
      command: 'kinesisLint.showOutput',
      warning: false,
    };
  }
  if (state === 'stopped') {
    return {
      text: `$(warning) ${NAME} stopped`,
      tooltip: 'kinesis-lint: the language server is not running. Click to see its output; run "kinesis-lint: Restart Server" to start it again.',
      command: 'kinesisLint.showOutput',
      warning: true,
    };
  }
  // Until the workspace pass ends a total would be one file's or one module's: busy, not a wrong total.
  if (summary === undefined || summary.busy === true) {
    return { text: `$(sync~spin) ${NAME}`, tooltip: 'kinesis-lint: analysing the workspace…', command: 'kinesisLint.showCostReport', warning: false };
  }
  if (summary.streams === 0) {
    return {
      text: `$(pulse) ${NAME}`,
      tooltip: 'kinesis-lint: no aws_kinesis_stream in the open workspace.',
      command: 'kinesisLint.showCostReport',
      warning: false,
    };
  }
  const streams = summary.streams === 1 ? '1 stream' : `${summary.streams} streams`;
  // The server decides what is exact, a lower bound or unknown; this only words it.
  const lowerBound = summary.monthlyCost !== undefined ? typeof summary.monthlyCost === 'object' && summary.monthlyCost !== null : summary.partial;
  // The server's words when it sends them (one formatter for every surface); older servers: the same shape here.
  const amount = summary.monthlyCostText
    ?? (summary.totalMonthlyUsd === null ? 'cost unknown' : `≈ ${formatUsd(summary.totalMonthlyUsd)}/mo${lowerBound ? ' + usage' : ''}`);
  const missing = summary.missing ? ` Missing: ${summary.missing}.` : '';
  const partialNote = summary.totalMonthlyUsd === null
    ? `\nNo total: some stream's cost cannot be bounded (an unknown instance count or capacity mode).${missing}`
    : summary.partial
      ? `\n"+ usage": some components depend on a load nobody declared or a value that cannot be resolved, and are not in the total.${missing}`
      : '';
  const held = summary.heldStreams
    ? `\nFigures of ${summary.heldStreams === 1 ? '1 stream are from the last valid version of its module, which has a syntax error now' : `${summary.heldStreams} streams are from the last valid version of their modules, which have syntax errors now`}.`
    : '';
  // "(+$21.90 vs HEAD)" after the total, and which streams changed in the tooltip; nothing when there is no change.
  const delta = summary.delta && summary.delta.changes.length > 0 ? summary.delta : undefined;
  const changes = delta ? `\nChanged vs ${delta.against}:\n${delta.changes.map((c) => `• ${c}`).join('\n')}` : '';
  return {
    text: `$(pulse) ${NAME} ${amount}${delta ? ` (${delta.text})` : ''}`,
    tooltip: `kinesis-lint: estimated monthly cost of ${streams} at list prices.${partialNote}${held}${changes}\nClick for the cost report.`,
    command: 'kinesisLint.showCostReport',
    warning: false,
  };
}
