// "kinesis-lint: Report a problem": the body of an issue, in Markdown, from what the extension knows. Pure (the
// command in commands.ts gathers the facts), so it is tested without VS Code (test/client/problemReport.test.ts).
// Nothing is sent anywhere: the user reads it, removes what they would not share, and files it themselves.

export interface ProblemFacts {
  extensionVersion: string;
  vscodeVersion: string;
  /** e.g. "code-server", "Visual Studio Code". */
  appName: string;
  /** e.g. "linux-x64, Node v20.18.0, remote: ssh-remote". */
  platform: string;
  serverState: string;
  /** kinesisLint.* settings that differ from their defaults, by key (without the prefix). */
  settings: Record<string, unknown>;
  logLines: string[];
  /** The cost report's Markdown, or why it could not be had. */
  costReport: { markdown: string } | { error: string };
}

const FENCE = '````';

export function problemReportMarkdown(facts: ProblemFacts): string {
  const settings = Object.keys(facts.settings).length === 0
    ? '(all defaults)'
    : JSON.stringify(Object.fromEntries(Object.entries(facts.settings).map(([k, v]) => [`kinesisLint.${k}`, v])), null, 2);
  const report = 'markdown' in facts.costReport
    ? facts.costReport.markdown.replace(/^#/gm, '###')
    : `(not available: ${facts.costReport.error})`;
  return [
    '<!-- kinesis-lint problem report. Nothing has been sent: review it, remove what you would not share (paths, names), then paste it into a new issue. -->',
    '',
    '## What happened',
    '',
    '<!-- What you did, what you expected, what you saw instead. A small .tf that shows it helps most. -->',
    '',
    '## Environment',
    '',
    `- kinesis-lint: ${facts.extensionVersion}`,
    `- ${facts.appName}: ${facts.vscodeVersion}`,
    `- Platform: ${facts.platform}`,
    `- Language server: ${facts.serverState}`,
    '',
    '## Settings (kinesisLint.*, only those not at their default)',
    '',
    `${FENCE}json`,
    settings,
    FENCE,
    '',
    `## Log (last ${facts.logLines.length} lines)`,
    '',
    `${FENCE}text`,
    ...facts.logLines,
    FENCE,
    '',
    '## Cost report',
    '',
    report,
    '',
  ].join('\n');
}

/** The settings that differ from their default (the manifest's), so the report shows only what the user chose. */
export function changedSettings(values: Record<string, unknown>, defaults: Record<string, unknown>): Record<string, unknown> {
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    if (JSON.stringify(value) !== JSON.stringify(defaults[key])) changed[key] = value;
  }
  return changed;
}
