// The cost report tab's page (client/src/reportHtml.ts has no vscode import): rows in the server's order with links
// that carry their target, findings per stream, text escaped, one script allowed by nonce, and only the report's own
// links opened.
import { strict as assert } from 'assert';
import { openRequest, reportHtml, reportLinks } from '../../client/src/reportHtml';
import type { CostReport, ReportStream } from '../../client/src/protocol';

const at = (uri: string, line: number, label: string) => ({ uri, line, character: 0, label });
const row = (resource: string, cost: string, findings: ReportStream['findings'] = []): ReportStream => ({
  resource,
  at: at('file:///ws/main.tf', 3, 'main.tf:4'),
  cost,
  monthlyCost: null,
  capacity: '1 shard',
  findings,
  breakdown: '',
});

const REPORT: CostReport = {
  totalMonthlyUsd: 50,
  monthlyCost: { atLeast: 50 },
  partial: true,
  streams: 2,
  missing: 'load',
  markdown: '# kinesis-lint: ≈ $50.00/month + usage for 2 streams\n',
  rows: [
    row('module.big.aws_kinesis_stream.s', '$40.00', [{ ruleId: 'missing-kms', severity: 'warning', message: 'Not encrypted <at rest>', at: at('file:///ws/modules/kin/main.tf', 2, 'modules/kin/main.tf:3') }]),
    row('aws_kinesis_stream.x["<b>"]', 'unknown'),
  ],
};

describe('cost report page', () => {
  const html = reportHtml(REPORT, { cspSource: 'vscode-resource:', nonce: 'N0nce', breakdownHtml: ['<table>first</table>', '<table>second</table>'], focus: 'aws_kinesis_stream.x["<b>"]' });

  it('keeps the server order, links each row and finding to its place, and lists each stream\'s findings', () => {
    const rows = html.match(/<tr><td>.*<\/tr>/g)!;
    assert.equal(rows.length, 2);
    assert.ok(rows[0].startsWith('<tr><td><a href="#s0">module.big.aws_kinesis_stream.s</a></td><td><a href="#" data-uri="file:///ws/main.tf" data-line="3" data-character="0">main.tf:4</a></td><td>1 shard</td><td class="money">$40.00</td><td><span class="warning">1</span></td>'), rows[0]);
    assert.ok(rows[1].includes('<td class="money">unknown</td><td>0</td>'), rows[1]);
    assert.ok(html.includes('<li><span class="warning">warning</span> <code>missing-kms</code> <a href="#" data-uri="file:///ws/modules/kin/main.tf" data-line="2" data-character="0">modules/kin/main.tf:3</a>: Not encrypted &lt;at rest&gt;</li>'));
    assert.ok(html.indexOf('<table>first</table>') < html.indexOf('<table>second</table>'));
    assert.ok(html.includes('<p>No findings.</p>'));
    assert.ok(html.includes('<h1>kinesis-lint: ≈ $50.00/month + usage for 2 streams</h1>'));
  });

  it('escapes addresses, allows one script by nonce, and scrolls to the focused stream', () => {
    assert.ok(!html.includes('"<b>"'));
    assert.ok(html.includes('aws_kinesis_stream.x["&lt;b&gt;"]'));
    assert.ok(html.includes(`content="default-src 'none'; style-src vscode-resource: 'unsafe-inline'; script-src 'nonce-N0nce';"`));
    assert.equal(html.match(/<script/g)!.length, 1);
    assert.ok(html.includes('<script nonce="N0nce">'));
    assert.ok(html.includes("document.getElementById('s1').scrollIntoView();"));
    assert.ok(html.includes('<section id="s1" class="focus">'));
    const unfocused = reportHtml(REPORT, { cspSource: 'x', nonce: 'n', breakdownHtml: [] });
    assert.ok(!unfocused.includes('scrollIntoView'));
  });

  it('opens only the report\'s own links', () => {
    const links = reportLinks(REPORT);
    assert.equal(links.length, 3);
    assert.deepEqual(openRequest({ command: 'open', uri: 'file:///ws/modules/kin/main.tf', line: 2, character: 0 }, links), { command: 'open', uri: 'file:///ws/modules/kin/main.tf', line: 2, character: 0 });
    assert.equal(openRequest({ command: 'open', uri: 'file:///etc/passwd', line: 0, character: 0 }, links), undefined);
    assert.equal(openRequest({ command: 'open', uri: 'file:///ws/main.tf', line: 9, character: 0 }, links), undefined);
    assert.equal(openRequest({ command: 'run', uri: 'file:///ws/main.tf', line: 3, character: 0 }, links), undefined);
    assert.equal(openRequest('open', links), undefined);
    assert.equal(openRequest(null, links), undefined);
  });
});
