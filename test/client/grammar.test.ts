// The injection grammar's regular expressions, run with JavaScript's engine: the constructs used (lookbehind,
// classes, alternation) mean the same in Oniguruma, which VS Code uses. Scopes are asserted per captured text.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

interface Capture {
  name?: string;
  patterns?: { match: string; name: string }[];
}
interface Grammar {
  repository: {
    ignore: { match: string; captures: Record<string, Capture> };
    annotation: { begin: string; end: string; patterns: { match: string; captures?: Record<string, Capture> }[] };
  };
}

const grammar = JSON.parse(
  fs.readFileSync(path.join(__dirname, '..', '..', 'syntaxes', 'kinesis-lint.injection.tmLanguage.json'), 'utf8'),
) as Grammar;
const { ignore, annotation } = grammar.repository;

/** The rule ids the ignore pattern's third group highlights in `comment`. */
function ignoredIds(comment: string): string[] {
  const m = new RegExp(ignore.match).exec(comment);
  if (!m) return [];
  const id = ignore.captures['3'].patterns?.find((p) => p.name.startsWith('entity.name.tag'));
  return [...(m[3] ?? '').matchAll(new RegExp(id?.match ?? '$^', 'g'))].map((x) => x[0]);
}

/** [key, number, invalid value] for each key=value the annotation highlights after `kinesis-lint:`. */
function annotationPairs(comment: string): [string, string | undefined, string | undefined][] {
  const begin = new RegExp(annotation.begin).exec(comment);
  if (!begin) return [];
  const rest = comment.slice(begin.index + begin[0].length);
  const body = rest.slice(0, new RegExp(annotation.end, 'm').exec(rest)?.index ?? rest.length);
  return [...body.matchAll(new RegExp(annotation.patterns[0].match, 'g'))].map((m) => [m[1], m[3], m[4]]);
}

describe('kinesis-lint injection grammar', () => {
  it('highlights the rule ids of an ignore comment, not its reason', () => {
    assert.deepEqual(ignoredIds('# kinesis-lint-ignore: aws-managed-kms-key, throughput-undeclared the key is central'), [
      'aws-managed-kms-key',
      'throughput-undeclared',
    ]);
    assert.deepEqual(ignoredIds('// kinesis-lint-ignore-file: missing-kms'), ['missing-kms']);
    assert.deepEqual(ignoredIds('# kinesis-lint-ignore: long-term-retention-cost legal hold'), ['long-term-retention-cost']);
  });

  it('does not take the annotation marker for an ignore comment, or the reverse', () => {
    assert.deepEqual(ignoredIds('# kinesis-lint: consumers=2'), []);
    assert.deepEqual(annotationPairs('# kinesis-lint-ignore: missing-kms'), []);
    assert.deepEqual(annotationPairs('# my-kinesis-lint: consumers=2'), []);
  });

  it('highlights annotation keys and numbers, and marks a non-number value invalid', () => {
    assert.deepEqual(annotationPairs('# kinesis-lint: write_mib_per_sec=3 records_per_sec=2500, avg_utilization=.4'), [
      ['write_mib_per_sec', '3', undefined],
      ['records_per_sec', '2500', undefined],
      ['avg_utilization', '.4', undefined],
    ]);
    assert.deepEqual(annotationPairs('# kinesis-lint: consumers=two avg_record_kib=1e3'), [
      ['consumers', undefined, 'two'],
      ['avg_record_kib', '1e3', undefined],
    ]);
  });

  it('stops before the */ that closes a block comment', () => {
    assert.deepEqual(annotationPairs('/* kinesis-lint: consumers=2*/'), [['consumers', '2', undefined]]);
    assert.deepEqual(annotationPairs('/* kinesis-lint: consumers=2 */ efo_consumers=1'), [['consumers', '2', undefined]]);
  });
});
