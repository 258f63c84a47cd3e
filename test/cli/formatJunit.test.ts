import { strict as assert } from 'assert';
import { Parser } from 'htmlparser2';
import { formatJunit } from '../../server/src/cli/format/junit';
import { buildReport } from '../../server/src/cli/report';
import { analysis, CWD, finding, provisionedStream, range } from './synthetic';

interface XmlElement { name: string; attributes: Record<string, string>; children: XmlElement[]; text: string }

/** Parses XML strictly enough for the test: htmlparser2 in xmlMode, plus a check that every element is closed in order. */
function parseXml(text: string): XmlElement {
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const parser = new Parser({
    onopentag(name, attributes) {
      const element = { name, attributes, children: [], text: '' };
      stack[stack.length - 1].children.push(element);
      stack.push(element);
    },
    ontext(data) { stack[stack.length - 1].text += data; },
    onclosetag(name) { assert.equal(stack.pop()?.name, name, `</${name}> closes the open element`); },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(text);
  parser.end();
  assert.equal(stack.length, 1, 'every element is closed');
  assert.doesNotMatch(text.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, ''), /&/, 'no bare & in the XML');
  return root;
}

const all = (e: XmlElement, name: string): XmlElement[] => [...(e.name === name ? [e] : []), ...e.children.flatMap((c) => all(c, name))];

describe('cli/format/junit', () => {
  const events = provisionedStream();
  const other = provisionedStream({ resource: 'aws_kinesis_stream.other', file: `${CWD}/b&<"c>.tf`, range: range(0, 0, 0, 10) });
  const findings = [
    finding({ ruleId: 'missing-kms', severity: 'error', range: range(2, 0, 2, 38), resource: events.resource, message: 'Not <encrypted> & "open"' }),
    finding({ ruleId: 'extended-retention-cost', severity: 'warning', range: range(4, 2, 4, 9), resource: events.resource, message: 'Retention 48 h' }),
    finding({ ruleId: 'aws-managed-kms-key', severity: 'info', file: other.file, range: range(3, 1, 3, 2), resource: other.resource, message: 'AWS key' }),
    finding({ ruleId: 'syntax-error', severity: 'error', file: `${CWD}/seed/main.tf`, range: range(18, 39, 18, 46), message: "Invalid block 'x'\u0001" }),
  ];
  const report = buildReport([analysis(findings, [events, other])], CWD, true);

  it('parses back: one testsuite per file, a testcase per stream and per finding on no stream, counts that add up', () => {
    const doc = parseXml(formatJunit(report, 'error'));
    const [suites] = doc.children;
    assert.equal(suites.name, 'testsuites');
    assert.deepEqual(suites.children.map((s) => [s.attributes.name, s.attributes.tests, s.attributes.failures]), [
      ['b&<"c>.tf', '1', '0'], ['main.tf', '1', '1'], ['seed/main.tf', '1', '1'],
    ]);
    assert.deepEqual([suites.attributes.tests, suites.attributes.failures], ['3', '2']);
    assert.deepEqual(all(doc, 'testcase').map((c) => [c.attributes.classname, c.attributes.name, all(c, 'failure').length]), [
      ['b&<"c>.tf', 'aws_kinesis_stream.other', 0], ['main.tf', 'aws_kinesis_stream.events', 1], ['seed/main.tf', 'syntax-error at line 19, column 40', 1],
    ]);
  });

  it('escapes < & " in attributes and text, drops control characters; findings below --fail-on go to system-out', () => {
    const doc = parseXml(formatJunit(report, 'error'));
    const [kms, syntax] = all(doc, 'failure');
    assert.equal(kms.attributes.message, 'Not <encrypted> & "open"');
    assert.equal(kms.attributes.type, 'missing-kms');
    assert.equal(kms.text, 'main.tf:3:1: error: Not <encrypted> & "open" [missing-kms]');
    assert.equal(syntax.attributes.message, "Invalid block 'x'");
    // The synthetic stream: 2 shards × 730 h × $0.015 = $21.90, load unknown (+ usage).
    assert.deepEqual(all(doc, 'system-out').map((o) => o.text), [
      'Estimated monthly cost: $21.90/month + usage\nb&<"c>.tf:4:2: info: AWS key [aws-managed-kms-key]',
      'Estimated monthly cost: $21.90/month + usage\nmain.tf:5:3: warning: Retention 48 h [extended-retention-cost]',
    ]);
  });

  it('--fail-on decides which test cases fail, as it decides the exit code', () => {
    const failures = (failOn: 'never' | 'info' | 'warning') => all(parseXml(formatJunit(report, failOn)), 'failure').map((f) => f.text);
    assert.deepEqual(failures('never'), []);
    assert.deepEqual(failures('info'), [
      'b&<"c>.tf:4:2: info: AWS key [aws-managed-kms-key]',
      'main.tf:3:1: error: Not <encrypted> & "open" [missing-kms]\nmain.tf:5:3: warning: Retention 48 h [extended-retention-cost]',
      "seed/main.tf:19:40: error: Invalid block 'x' [syntax-error]",
    ]);
    assert.equal(failures('warning').length, 2);
  });

  it('no streams and no findings: an empty, well-formed testsuites', () => {
    const doc = parseXml(formatJunit(buildReport([analysis([])], CWD, true), 'error'));
    assert.deepEqual(doc.children[0].attributes, { name: 'kinesis-lint', tests: '0', failures: '0', errors: '0', skipped: '0' });
  });
});
