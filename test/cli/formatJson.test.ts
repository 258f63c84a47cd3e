import { strict as assert } from 'assert';
import { formatJson } from '../../server/src/cli/format/json';
import { cleanNumber, roundUsd } from '../../server/src/cli/format/numbers';
import { buildReport } from '../../server/src/cli/report';
import { analysis, CWD, finding, onDemandStream, provisionedStream, range, TOOL } from './synthetic';

const kms = finding({
  ruleId: 'missing-kms', severity: 'warning', message: 'Not encrypted.', detail: 'Set encryption_type.', range: range(2, 0, 2, 38),
  resource: 'aws_kinesis_stream.events',
  fixes: [{ title: 'Encrypt with KMS', preferred: true, edits: [{ file: `${CWD}/main.tf`, range: range(3, 2, 3, 2), newText: 'encryption_type = "KMS"\n  ' }] }],
});

function render(cost = true) {
  const report = buildReport([analysis([kms], [onDemandStream(), provisionedStream()], [`${CWD}/main.tf`, `${CWD}/modules/stream/main.tf`])], CWD, cost);
  const text = formatJson(report, TOOL);
  return { text, json: JSON.parse(text) };
}

describe('cli/format/json', () => {
  it('is pretty-printed with 2 spaces and ends with a newline', () => {
    const { text } = render();
    assert.ok(text.startsWith('{\n  "tool": {\n    "name": "kinesis-lint",\n    "version": "9.8.7"\n  },\n  "findings": ['));
    assert.ok(text.endsWith('}\n'));
  });

  it('has the contract keys in the contract order', () => {
    const { json } = render();
    assert.deepEqual(Object.keys(json), ['tool', 'findings', 'streams', 'summary', 'metrics']);
    assert.deepEqual(Object.keys(json.findings[0]), ['ruleId', 'severity', 'message', 'detail', 'file', 'range', 'resource', 'fixes', 'root', 'key']);
    assert.deepEqual(Object.keys(json.findings[0].range), ['start', 'end']);
    assert.deepEqual(Object.keys(json.findings[0].range.start), ['line', 'character']);
    assert.deepEqual(Object.keys(json.findings[0].fixes[0]), ['title', 'edits']);
    assert.deepEqual(Object.keys(json.findings[0].fixes[0].edits[0]), ['file', 'range', 'newText']);
    assert.deepEqual(Object.keys(json.streams[0]), [
      'resource', 'file', 'range', 'instances', 'mode', 'shardCount', 'region', 'retentionHours', 'consumers',
      'declared', 'loadSource', 'observed', 'requiredShards', 'monthlyCostUsd', 'costComponents', 'assumptions',
      'monthlyCostPerInstanceUsd', 'partial', 'unknowns', 'root',
    ]);
    assert.deepEqual(Object.keys(json.streams[0].unknowns[0]), ['what', 'why']);
    assert.deepEqual(Object.keys(json.streams[0].consumers), ['standard', 'efo']);
    assert.deepEqual(Object.keys(json.streams[0].costComponents[0]), ['id', 'label', 'quantity', 'unit', 'unitPriceUsd', 'monthlyUsd']);
    assert.deepEqual(Object.keys(json.summary), ['files', 'streams', 'errors', 'warnings', 'infos', 'hints', 'monthlyCostUsd', 'partial', 'unknowns']);
    assert.deepEqual(Object.keys(json.summary.unknowns[0]), ['resource', 'what', 'why']);
  });

  it('findings: relative paths with /, 0-based LSP ranges, lower-case severity, fixes with relative edit files', () => {
    const { json } = render();
    assert.deepEqual(json.findings[0], {
      ruleId: 'missing-kms', severity: 'warning', message: 'Not encrypted.', detail: 'Set encryption_type.', file: 'main.tf',
      range: { start: { line: 2, character: 0 }, end: { line: 2, character: 38 } },
      resource: 'aws_kinesis_stream.events',
      fixes: [{ title: 'Encrypt with KMS', edits: [{ file: 'main.tf', range: { start: { line: 3, character: 2 }, end: { line: 3, character: 2 } }, newText: 'encryption_type = "KMS"\n  ' }] }],
      // The analysis of CWD itself reported it; the key has no line and no number (core/diff/findingSide.ts).
      root: '.', key: 'missing-kms|aws_kinesis_stream.events|Not encrypted.',
    });
  });

  it('streams: sorted by file, amounts as numbers rounded to 1e-6, unknowns as null', () => {
    const { json } = render();
    assert.deepEqual(json.streams.map((s: { file: string }) => s.file), ['main.tf', 'modules/stream/main.tf']);
    assert.equal(json.streams[0].costComponents[0].monthlyUsd, 21.9); // 21.900000000000002 in the input
    assert.equal(json.streams[0].costComponents[1].quantity, null);
    assert.equal(json.streams[0].costComponents[1].monthlyUsd, null);
    assert.equal(json.streams[1].monthlyCostUsd, 29.5); // 29.2 + 0.1 + 0.2 = 29.500000000000004
    assert.deepEqual(json.streams[1].declared, { writeMiBPerSec: 0.25, avgUtilization: 0.5 });
    assert.deepEqual(Object.keys(json.streams[1].declared), ['writeMiBPerSec', 'avgUtilization']);
    assert.deepEqual(json.streams[1].consumers, { standard: 2, efo: null });
    assert.equal(json.streams[1].shardCount, null);
    assert.equal(json.streams[0].declared, null);
  });

  it('summary: distinct files, stream count, counts per severity, total cost', () => {
    // One stream is a lower bound (no load declared): the sum is one too, and says what is missing.
    assert.deepEqual(render().json.summary, {
      files: 2, streams: 2, errors: 0, warnings: 1, infos: 0, hints: 0, monthlyCostUsd: { atLeast: 51.4 }, partial: true,
      unknowns: [{ resource: 'aws_kinesis_stream.events', what: 'load', why: 'no load declared' }],
    });
  });

  it('--no-cost keeps the shape: null amounts, empty components and assumptions', () => {
    const { json } = render(false);
    assert.equal(json.streams[0].monthlyCostUsd, null);
    assert.deepEqual(json.streams[0].costComponents, []);
    assert.deepEqual(json.streams[0].assumptions, []);
    assert.equal(json.summary.monthlyCostUsd, null);
  });

  it('an empty run is still a complete document', () => {
    assert.deepEqual(JSON.parse(formatJson(buildReport([], CWD, true), TOOL)), {
      tool: { name: 'kinesis-lint', version: '9.8.7' }, findings: [], streams: [],
      summary: { files: 0, streams: 0, errors: 0, warnings: 0, infos: 0, hints: 0, monthlyCostUsd: 0, partial: false, unknowns: [] },
      metrics: [],
    });
  });

  it('number clean-up: money to 1e-6, other numbers keep tiny values', () => {
    assert.equal(roundUsd(0.1 + 0.2), 0.3);
    assert.equal(roundUsd(1.23456789), 1.234568);
    assert.ok(Object.is(roundUsd(-0.0000001), 0));
    assert.equal(cleanNumber(1.4e-8), 1.4e-8);
    assert.equal(cleanNumber(0.1 + 0.2), 0.3);
  });
});
