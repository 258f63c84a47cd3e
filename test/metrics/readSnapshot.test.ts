// The snapshot reader: a valid snapshot, and every problem at its exact JSON position (line, UTF-16 character).
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { readSnapshot } from '../../server/src/core/metrics/readSnapshot';
import type { Range } from '../../server/src/core/types';
import schema = require('../../server/src/core/metrics/metrics.schema.json');
import { PERIOD_SECONDS, SNAPSHOT_VERSION } from '../../server/src/core/metrics/snapshot';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'metrics', 'observed.json'), 'utf8');
const NOW = new Date('2026-11-29T12:00:00Z');
const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });
const problems = (text: string) => readSnapshot(text, { now: NOW }).problems.map((p) => [p.range, p.message]);

/** A one-stream snapshot, one key per line, so that positions are easy to check by eye. */
function snapshot(stream: string, extra = ''): string {
  return [
    '{',
    '  "version": 1,',
    '  "range": { "start": "2026-11-12T00:00:00Z", "end": "2026-11-26T00:00:00Z", "periodSeconds": 60 },',
    '  "pulledAt": "2026-11-26T00:05:00Z",',
    `  "source": { "tool": "kinesis-lint metrics pull" },${extra}`,
    '  "streams": [',
    `    ${stream}`,
    '  ]',
    '}',
  ].join('\n');
}

type Node = { description?: string; properties?: Record<string, Node> };

describe('metrics.schema.json', () => {
  it('draft-07, every property described, the version and period the code uses', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    const undescribed = (node: Node, at: string): string[] =>
      Object.entries(node.properties ?? {}).flatMap(([k, child]) => [...(child.description ? [] : [`${at}/${k}`]), ...undescribed(child, `${at}/${k}`)]);
    const nodes: [Node, string][] = [[schema as Node, ''], ...Object.entries(schema.definitions).map(([k, d]): [Node, string] => [d as Node, `#${k}`])];
    assert.deepEqual(nodes.flatMap(([n, at]) => undescribed(n, at)), []);
    assert.equal(schema.properties.version.const, SNAPSHOT_VERSION);
    assert.equal(schema.properties.range.properties.periodSeconds.const, PERIOD_SECONDS);
  });
});

describe('readSnapshot', () => {
  it('a valid snapshot: read as it is, with the digest of its text', () => {
    const read = readSnapshot(FIXTURE, { now: NOW });
    assert.deepEqual(read.problems, []);
    assert.equal(read.raw, false);
    assert.equal(read.snapshot?.streams.length, 3);
    assert.equal(read.snapshot?.streams[0].incomingBytes?.p99, 3145728);
    assert.match(read.digest, /^[0-9a-f]{40}$/);
    assert.notEqual(readSnapshot(FIXTURE.replace('3145728', '3145729'), { now: NOW }).digest, read.digest);
  });

  it('not JSON: the bad token, marked as a JSON syntax error', () => {
    const read = readSnapshot('{\n  "version": 1,\n  "range": }', { now: NOW });
    assert.equal(read.snapshot, undefined);
    assert.equal(read.problems.length, 1);
    assert.deepEqual(read.problems[0].range, r(2, 11, 2, 12));
    assert.equal(read.problems[0].jsonSyntax, true);
  });

  it('schema problems at the offending value or key, all of them', () => {
    const text = snapshot('{ "stream": "events", "region": "us-east-1", "minutes": 10, "incomingBytes": { "peak": 5, "p99": -1, "mean": 1 }, "incomingRecord": {} }');
    assert.deepEqual(problems(text), [
      // "p99": -1 on line 6: 4 spaces, then the object.
      [r(6, 101, 6, 103), '"streams[0].incomingBytes.p99" must be ≥ 0 (got -1)'],
      [r(6, 118, 6, 134), 'unknown key "incomingRecord" in "streams[0]" — did you mean "incomingRecords"?'],
    ]);
  });

  it('a missing required key, on the object that lacks it', () => {
    const text = snapshot('{ "stream": "events", "region": "us-east-1" }');
    assert.deepEqual(problems(text), [[r(6, 4, 6, 49), '"streams[0]" is missing the required key "minutes"']]);
  });

  it('periodSeconds other than 60, on the value', () => {
    const text = snapshot('{ "stream": "events", "region": null, "minutes": 0 }').replace('"periodSeconds": 60', '"periodSeconds": 300');
    assert.deepEqual(problems(text), [[r(2, 94, 2, 97), '"range.periodSeconds" must be 60 (got 300)']]);
  });

  it('another format version: one clear problem on the version, nothing else checked', () => {
    const text = snapshot('{ "unknown": true }').replace('"version": 1', '"version": 2');
    assert.deepEqual(problems(text), [[r(1, 13, 1, 14), 'metrics snapshot version 2 is not supported (this kinesis-lint reads version 1); update kinesis-lint or pull the metrics again']]);
  });

  it('what the schema cannot say: an end before the start, an impossible date, a stream listed twice', () => {
    const twice = snapshot('{ "stream": "a", "region": "eu-west-1", "minutes": 1 },\n    { "stream": "a", "region": "eu-west-1", "minutes": 2 }');
    assert.deepEqual(problems(twice), [[r(7, 16, 7, 19), 'stream "a" in eu-west-1 is listed twice (also streams[0])']]);
    const backwards = snapshot('{ "stream": "a", "region": null, "minutes": 1 }').replace('"end": "2026-11-26T00:00:00Z"', '"end": "2026-11-01T00:00:00Z"');
    assert.deepEqual(problems(backwards), [[r(2, 53, 2, 75), '"range.end" must be after "range.start" (got 2026-11-01T00:00:00Z ≤ 2026-11-12T00:00:00Z)']]);
    const impossible = snapshot('{ "stream": "a", "region": null, "minutes": 1 }').replace('"pulledAt": "2026-11-26T00:05:00Z"', '"pulledAt": "2026-13-45T00:05:00Z"');
    assert.deepEqual(problems(impossible), [[r(3, 14, 3, 36), '"pulledAt" is not a valid instant (got "2026-13-45T00:05:00Z")']]);
    const early = snapshot('{ "stream": "a", "region": null, "minutes": 1 }').replace('"pulledAt": "2026-11-26T00:05:00Z"', '"pulledAt": "2026-11-20T00:05:00Z"');
    assert.deepEqual(problems(early), [[r(3, 14, 3, 36), '"pulledAt" must not be before the data it holds (got 2026-11-20T00:05:00Z, "range.end" 2026-11-26T00:00:00Z)']]);
    // Pulled in the range's last minute (the pull ends its range at the minute it starts): valid.
    const lastMinute = snapshot('{ "stream": "a", "region": null, "minutes": 1 }').replace('"pulledAt": "2026-11-26T00:05:00Z"', '"pulledAt": "2026-11-25T23:59:30Z"');
    assert.deepEqual(problems(lastMinute), []);
  });

  it('raw get-metric-data output (MetricDataResults) goes to the raw reader; its problems get ranges in the text', () => {
    const text = '{\n  "MetricDataResults": [],\n  "Messages": []\n}';
    const read = readSnapshot(text, { now: NOW });
    assert.equal(read.raw, true);
    // Whatever the raw reader says (core/metrics/rawMetricData.ts), every problem lies inside the text.
    for (const p of read.problems) assert.ok(p.range.end.line <= 3, JSON.stringify(p));
    assert.ok(read.snapshot !== undefined || read.problems.length > 0);
  });
});
