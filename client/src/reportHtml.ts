// The cost report tab's HTML, from the server's report rows (no vscode import: test/client tests it). Links carry
// their target in data attributes; the page's script posts them back and the extension opens the file there.
import type { CostReport, ReportLink, ReportStream } from './protocol';

export interface ReportPage {
  /** The webview's Content-Security-Policy source (webview.cspSource). */
  cspSource: string;
  /** A fresh nonce: the one script the policy allows. */
  nonce: string;
  /** Each row's breakdown rendered to HTML (by VS Code's Markdown engine), in the order of `report.rows`. */
  breakdownHtml: string[];
  /** The address of the stream to scroll to, if any. */
  focus?: string | null;
}

/** The message the page posts when a link is clicked. */
export interface OpenMessage {
  command: 'open';
  uri: string;
  line: number;
  character: number;
}

export function reportHtml(report: CostReport, page: ReportPage): string {
  const rows = report.rows ?? [];
  const focus = page.focus ? rows.findIndex((r) => r.resource === page.focus) : -1;
  const csp = `default-src 'none'; style-src ${page.cspSource} 'unsafe-inline'; script-src 'nonce-${page.nonce}';`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<title>kinesis-lint cost report</title>
<style>
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); }
table { border-collapse: collapse; } th, td { padding: 2px 10px; text-align: left; border-bottom: 1px solid var(--vscode-panel-border); }
td.money { text-align: right; white-space: nowrap; } a { color: var(--vscode-textLink-foreground); cursor: pointer; }
.error { color: var(--vscode-errorForeground); } .warning { color: var(--vscode-editorWarning-foreground); }
section { margin-top: 1.5em; } section.focus h2 { color: var(--vscode-textLink-activeForeground); }
</style>
</head>
<body>
<h1>${text(heading(report, rows.length))}</h1>
${report.missing ? `<p>Missing: ${text(report.missing)} (each stream below says why).</p>` : ''}
<table>
<thead><tr><th>stream</th><th>file</th><th>capacity</th><th>per month</th><th>findings</th></tr></thead>
<tbody>
${rows.map((r, i) => `<tr><td><a href="#s${i}">${text(r.resource)}</a></td><td>${link(r.at)}</td><td>${text(r.capacity)}</td><td class="money">${text(r.cost)}</td><td>${findingCount(r)}</td></tr>`).join('\n')}
</tbody>
</table>
${rows.map((r, i) => section(r, i, page.breakdownHtml[i] ?? '', i === focus)).join('\n')}
<script nonce="${attr(page.nonce)}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (event) => {
  const a = event.target.closest('a[data-uri]');
  if (!a) return;
  event.preventDefault();
  vscode.postMessage({ command: 'open', uri: a.dataset.uri, line: Number(a.dataset.line), character: Number(a.dataset.character) });
});
// Refreshed after an analysis: back where the reader was; opened for a stream: at its section.
window.addEventListener('scroll', () => vscode.setState({ scrollY: window.scrollY }));
${focus >= 0 ? `document.getElementById('s${focus}').scrollIntoView();` : 'window.scrollTo(0, (vscode.getState() || {}).scrollY || 0);'}
</script>
</body>
</html>`;
}

/** The links of a report: the only places the page may ask to open. */
export function reportLinks(report: CostReport): ReportLink[] {
  return (report.rows ?? []).flatMap((r) => [r.at, ...r.findings.map((f) => f.at)]);
}

/** A message from the page that names one of the report's links, or undefined. */
export function openRequest(message: unknown, links: readonly ReportLink[]): OpenMessage | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const m = message as Partial<OpenMessage>;
  if (m.command !== 'open') return undefined;
  const known = links.find((l) => l.uri === m.uri && l.line === m.line && l.character === m.character);
  return known ? { command: 'open', uri: known.uri, line: known.line, character: known.character } : undefined;
}

function heading(report: CostReport, n: number): string {
  const streams = `${n} stream${n === 1 ? '' : 's'}`;
  // The server's Markdown starts with the same heading: `# kinesis-lint: ≈ $X/month for N streams`.
  const first = report.markdown.split('\n', 1)[0];
  return first.startsWith('# ') ? first.slice(2) : `kinesis-lint: ${streams}`;
}

function section(r: ReportStream, i: number, breakdown: string, focused: boolean): string {
  const findings = r.findings.length === 0
    ? '<p>No findings.</p>'
    : `<ul>${r.findings.map((f) => `<li><span class="${f.severity}">${f.severity}</span> <code>${text(f.ruleId)}</code> ${link(f.at)}: ${text(f.message)}</li>`).join('')}</ul>`;
  return `<section id="s${i}"${focused ? ' class="focus"' : ''}>
<h2>${text(r.resource)} — ${text(r.cost)} · ${link(r.at)}</h2>
<h3>Findings</h3>
${findings}
${breakdown}
</section>`;
}

function findingCount(r: ReportStream): string {
  const worst = ['error', 'warning', 'info', 'hint'].find((s) => r.findings.some((f) => f.severity === s));
  return r.findings.length === 0 ? '0' : `<span class="${worst}">${r.findings.length}</span>`;
}

function link(l: ReportLink): string {
  return `<a href="#" data-uri="${attr(l.uri)}" data-line="${l.line}" data-character="${l.character}">${text(l.label)}</a>`;
}

/** Text as HTML: `&`, `<` and `>` escaped. */
export function text(s: string): string {
  return s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;');
}
