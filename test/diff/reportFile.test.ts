// --compare-to: a saved --format json report read back as a diff side; anything else refused by JSON path.
import { strict as assert } from 'assert';
import { readReport } from '../../server/src/cli/diff/reportFile';

const STREAM = {
  resource: 'aws_kinesis_stream.a', file: 'main.tf', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 33 } },
  instances: 1, mode: 'PROVISIONED', shardCount: 2, region: 'us-east-1', retentionHours: 24, consumers: { standard: { atLeast: 1 }, efo: 0 },
  monthlyCostUsd: { atLeast: 21.9 }, costComponents: [{ id: 'shard-hours', label: 'Shard hours', quantity: 1460, unit: 'shard-hours', unitPriceUsd: 0.015, monthlyUsd: 21.9 }],
  assumptions: ['a'], monthlyCostPerInstanceUsd: null, partial: true, unknowns: [{ what: 'load', why: 'no load declared' }], root: '.',
};
const FINDING = { ruleId: 'missing-kms', severity: 'error', message: 'Not encrypted', detail: null, file: 'main.tf', range: STREAM.range, resource: 'aws_kinesis_stream.a', fixes: [], root: '.', key: 'ignored' };
const doc = (over: object) => JSON.stringify({ tool: { name: 'kinesis-lint', version: '0.1.0' }, findings: [FINDING], streams: [STREAM], summary: {}, ...over });

describe('diff: reading a --compare-to report', () => {
  it('reads streams and findings; the finding key is recomputed, not trusted', () => {
    const r = readReport(doc({}), 'base.json');
    assert.ok(r.ok);
    const s = r.side.streams[0];
    assert.deepEqual([s.root, s.address, s.monthlyCost, s.consumers, s.shardCount, s.unknowns], ['.', 'aws_kinesis_stream.a', { atLeast: 21.9 }, { standard: { atLeast: 1 }, efo: 0 }, 2, ['load: no load declared']]);
    assert.equal(r.side.findings[0].key, 'missing-kms|aws_kinesis_stream.a|Not encrypted');
  });

  it('a BOM is skipped', () => {
    assert.ok(readReport(`\ufeff${doc({})}`, 'b.json').ok);
  });

  it('refuses what is not such a report, with the first thing wrong by path', () => {
    const error = (text: string) => {
      const r = readReport(text, 'b.json');
      return r.ok ? 'ok' : r.error;
    };
    const prefix = 'b.json is not a usable kinesis-lint JSON report: ';
    assert.equal(error('[]'), `${prefix}the document: expected an object, found []`);
    assert.equal(error('{"version": "2.1.0", "runs": []}'), `${prefix}tool: expected an object, found nothing`);
    assert.equal(error(doc({ tool: { name: 'infracost' } })), `${prefix}tool.name is "infracost", not "kinesis-lint": not a kinesis-lint report`);
    assert.equal(error(doc({ streams: [{ ...STREAM, root: undefined }] })), `${prefix}streams[0].root is missing: the report was written by a kinesis-lint older than 'diff' (re-run --format json with this version)`);
    assert.equal(error(doc({ streams: [{ ...STREAM, monthlyCostUsd: '21.90' }] })), `${prefix}streams[0].monthlyCostUsd: expected a number, {"atLeast": n} or null, found "21.90"`);
    assert.equal(error(doc({ streams: [{ ...STREAM, monthlyCostUsd: { atLeast: 1, x: 2 } }] })), `${prefix}streams[0].monthlyCostUsd: expected a number, {"atLeast": n} or null, found {"atLeast":1,"x":2}`);
    assert.equal(error(doc({ findings: [{ ...FINDING, severity: null }] })), `${prefix}findings[0].severity: expected one of error, warning, info, hint, found null`);
    assert.equal(error(doc({ findings: [{ ...FINDING, range: { start: { line: -1, character: 0 }, end: STREAM.range.end } }] })), `${prefix}findings[0].range.start.line: expected a whole number, found -1`);
    assert.match(error('{"tool":'), /^b\.json is not JSON \(.*\); --compare-to needs a report saved by 'kinesis-lint --format json'$/);
  });
});
