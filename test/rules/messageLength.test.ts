// Issue #10 defect 3: a message is the fact and its number, short enough for the Problems panel, and never starts
// with the resource address (the location implies it). Checked on every finding of the examples and the real-world
// corpus, analysed from disk as the CLI does.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/core/analyze';
import type { Finding } from '../../server/src/core/types';
import { findModuleDirs } from '../../server/src/node/findModules';
import { nodeHost } from '../../server/src/node/nodeHost';
import { sharedParser } from '../support/analyze';

const ROOT = path.join(__dirname, '..', '..');
const DIRS = [
  ...fs.readdirSync(path.join(ROOT, 'examples')).map((d) => path.join(ROOT, 'examples', d)),
  ...fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'realworld')).map((d) => path.join(ROOT, 'test', 'fixtures', 'realworld', d)),
].filter((d) => fs.statSync(d).isDirectory());

/** The first sentence: the fact and the number. */
const MAX_SENTENCE = 90;
/** With what a merge over instances adds: "(3 instances, $154.56/mo in all)". */
const MAX_MESSAGE = 130;
/** The count a merge adds (findings.ts). */
const MERGE_SUFFIX = / \(\d+ instances[^)]*\)$/;

describe('rule messages on the examples and the real-world corpus', function () {
  this.timeout(120000);
  let findings: Finding[] = [];

  before(async () => {
    const search = await findModuleDirs(DIRS, ROOT, nodeHost);
    assert.ok(search.ok);
    const analyses = await new Analyzer(nodeHost, { parser: sharedParser() }).analyzeModules(search.ok ? search.dirs : []);
    findings = analyses.flatMap((a) => a.findings);
  });

  it('covers most rules (the bound below is not vacuous)', () => {
    const rules = new Set(findings.map((f) => f.ruleId));
    assert.ok(rules.size >= 8, [...rules].join(', '));
  });

  it(`every message is one sentence of at most ${MAX_SENTENCE} characters (${MAX_MESSAGE} with a merge's count)`, () => {
    const long = findings.filter((f) => f.message.replace(MERGE_SUFFIX, '').length > MAX_SENTENCE || f.message.length > MAX_MESSAGE);
    assert.deepEqual(long.map((f) => `${f.ruleId}: ${f.message}`), []);
  });

  it('no message starts with a resource or module address', () => {
    const addressed = findings.filter((f) => /^(aws_kinesis_stream\.|module\.)/.test(f.message));
    assert.deepEqual(addressed.map((f) => f.message), []);
  });

  it('the arithmetic and advice are kept in the detail of the cost and sizing findings', () => {
    const costly = findings.filter((f) => /cost|shards/.test(f.ruleId));
    assert.ok(costly.length > 0);
    for (const f of costly) assert.ok(f.detail && f.detail.length > 0, `${f.ruleId}: ${f.message}`);
  });
});
