// The Markdown comment rendered as GitHub would (markdown-it + parse5): well-formed, the table rows expected, every
// <details> with a <summary>, and user-controlled text (addresses, files, messages) never turned into markup.
import { strict as assert } from 'assert';
import { diffSides, findingKey, type FindingSide, type StreamSide } from '../../server/src/core/diff';
import { formatDiffMarkdown } from '../../server/src/cli/diff/format/markdown';
import { elements, renderComment, tableRows, textOf } from './renderMarkdown';

const TOOL = { name: 'kinesis-lint', version: '9.8.7', informationUri: 'https://example.test' };

function side(over: Partial<StreamSide>): StreamSide {
  return {
    root: '.', address: 'aws_kinesis_stream.a', file: 'main.tf', monthlyCost: 10.95, mode: 'PROVISIONED', shardCount: 1, instances: 1,
    retentionHours: 24, consumers: { standard: 0, efo: 0 }, region: 'us-east-1', partial: false,
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 30 } },
    components: [{ id: 'shard-hours', label: 'Shard hours', quantity: 730, unit: 'shard-hours', unitPriceUsd: 0.015, monthlyUsd: 10.95 }],
    assumptions: ['1 month = 730 hours; <b>not</b> bold'], ...over,
  };
}

const EVIL_FILE = 'we|ird `dir`/<script>x</script>.tf';
const EVIL_MESSAGE = 'a | pipe, <img src=x onerror=alert(1)>, `code`, *star*, $5 and $6';

function evilFinding(): FindingSide {
  const f = { root: '.', ruleId: 'missing-kms', severity: 'error' as const, message: EVIL_MESSAGE, file: EVIL_FILE, range: { start: { line: 4, character: 2 }, end: { line: 4, character: 9 } }, resource: 'aws_kinesis_stream.b["x|<y>"]' };
  return { ...f, key: findingKey(f.ruleId, f.resource, f.file, f.message) };
}

describe('diff: Markdown comment rendered to HTML', () => {
  const diff = diffSides(
    { streams: [side({}), side({ address: 'aws_kinesis_stream.gone' })], findings: [] },
    {
      streams: [
        side({ shardCount: 2, monthlyCost: 21.9, components: [{ id: 'shard-hours', label: 'Shard hours', quantity: 1460, unit: 'shard-hours', unitPriceUsd: 0.015, monthlyUsd: 21.9 }] }),
        side({ address: 'aws_kinesis_stream.b["x|<y>"]', file: EVIL_FILE }),
      ],
      findings: [evilFinding()],
    },
  );
  const markdown = formatDiffMarkdown({ diff, base: { kind: 'git', ref: 'main', commit: '0123456789abcdef0123456789abcdef01234567' }, tool: TOOL });
  const { errors, root, html } = renderComment(markdown);

  it('starts with the marker the action looks for and parses without an HTML parse error', () => {
    assert.ok(markdown.startsWith('<!-- kinesis-lint diff -->\n'));
    assert.deepEqual(errors, []);
  });

  it('the summary table has one row per changed stream, user text intact as text', () => {
    const table = elements(root, 'table')[0];
    // a: +$10.95 (one more shard at 730 h × $0.015); b: added at $10.95; gone: removed.
    assert.deepEqual(tableRows(table), [
      ['Stream', 'Status', 'Before', 'After', 'Change', 'What changed'],
      ['aws_kinesis_stream.a', 'changed', '$10.95', '$21.90', '+$10.95', 'shards 1 → 2'],
      ['aws_kinesis_stream.b["x|<y>"]', 'added', '—', '$10.95', '+$10.95', 'new stream'],
      ['aws_kinesis_stream.gone', 'removed', '$10.95', '—', '-$10.95', 'stream removed'],
    ]);
  });

  it('every <details> has a <summary> first; one per changed stream plus the assumptions', () => {
    const details = elements(root, 'details');
    assert.equal(details.length, 4);
    for (const d of details) assert.equal(d.childNodes!.find((c) => c.tagName)?.tagName, 'summary');
    assert.deepEqual(details.map((d) => textOf(elements(d, 'summary')[0])), [
      'aws_kinesis_stream.a: +$10.95 (changed)', 'aws_kinesis_stream.b["x|<y>"]: +$10.95 (added)', 'aws_kinesis_stream.gone: -$10.95 (removed)', 'Assumptions',
    ]);
  });

  it('no tag, image or code span comes from user text; the message and file read as written', () => {
    assert.deepEqual([elements(root, 'script').length, elements(root, 'img').length, elements(root, 'code').length, elements(root, 'em').length, elements(root, 'b').length], [0, 0, 0, 0, 0]);
    const items = elements(root, 'li').map(textOf);
    assert.ok(items.includes(`new error ${EVIL_FILE}:5: ${EVIL_MESSAGE} (missing-kms)`), items.join('\n'));
    assert.ok(items.includes('1 month = 730 hours; <b>not</b> bold'));
    assert.ok(!html.includes('<script>'));
  });
});
