// The real-world corpus (issue #7, "Proof"): published Terraform modules and examples that use aws_kinesis_stream,
// analysed from disk as the CLI does (findModuleDirs + Analyzer over nodeHost). Each fixture's expected.json was
// derived by hand from Terraform's and AWS's rules (see its NOTES.md), never copied from the tool's output.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/core/analyze';
import type { StreamReport } from '../../server/src/core/results';
import type { Bound } from '../../server/src/core/partial';
import type { Finding } from '../../server/src/core/types';
import { findModuleDirs } from '../../server/src/node/findModules';
import { nodeHost } from '../../server/src/node/nodeHost';
import { sharedParser } from '../support/analyze';

const CORPUS = path.join(__dirname, '..', 'fixtures', 'realworld');

interface ExpectedFinding { ruleId: string; file: string; range: [number, number, number, number]; resource: string | null }
interface ExpectedStream {
  resource: string;
  mode: string | null;
  shardCount: number | null;
  retentionHours: number | null;
  instances: number | null;
  consumers: { standard: Bound; efo: Bound };
  /** Time-billed part of the month (shard/stream-hours, extended retention per shard-hour, EFO consumer-shard-hours), or null. */
  monthlyCostUsd: number | null;
  partial: boolean;
}
interface Expected { findings: ExpectedFinding[]; streams: ExpectedStream[]; notAnalysed?: string[] }

// Components billed by the hour whatever the traffic; the others need a declared load, which no fixture has.
const TIME_BILLED = new Set(['shard-hours', 'extended-retention', 'efo-consumer-shard-hours', 'on-demand-stream-hours']);

// "module.x (registry source) not analysed: run terraform init" (issue #7 item 8) is compared by module address only.
const isNotAnalysed = (f: Finding) => f.ruleId === 'module-not-analysed';
const moduleOf = (f: Finding) => (f.resource?.startsWith('module.') ? f.resource : /\bmodule\.[\w-]+(?:\.module\.[\w-]+)*/.exec(f.detail ?? f.message)?.[0] ?? f.message);

const cents = (usd: number) => Math.round(usd * 100) / 100;

function timeBilledCost(s: StreamReport): number | null {
  if (s.instances === null) return null;
  const parts = s.estimate.components.filter((c) => TIME_BILLED.has(c.id));
  return parts.some((c) => c.monthlyUsd === null) ? null : cents(parts.reduce((sum, c) => sum + (c.monthlyUsd ?? 0), 0));
}

function streamFacts(s: StreamReport): ExpectedStream {
  return {
    resource: s.resource,
    mode: s.mode,
    shardCount: s.shardCount,
    retentionHours: s.retentionHours,
    instances: s.instances,
    consumers: { standard: s.consumers.standard, efo: s.consumers.efo },
    monthlyCostUsd: timeBilledCost(s),
    partial: s.partial,
  };
}

function findingFacts(f: Finding, dir: string): ExpectedFinding {
  const { start, end } = f.range;
  return { ruleId: f.ruleId, file: path.relative(dir, f.file).split(path.sep).join('/'), range: [start.line, start.character, end.line, end.character], resource: f.resource };
}

const byPlace = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId);

describe('real-world corpus (test/fixtures/realworld)', function () {
  const fixtures = fs.readdirSync(CORPUS, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('has at least 15 fixtures, each with SOURCE, NOTES.md and expected.json', () => {
    assert.ok(fixtures.length >= 15, `${fixtures.length} fixtures`);
    for (const name of fixtures) for (const file of ['SOURCE', 'NOTES.md', 'expected.json']) assert.ok(fs.existsSync(path.join(CORPUS, name, file)), `${name}/${file}`);
  });

  for (const name of fixtures) {
    it(name, async () => {
      const dir = path.join(CORPUS, name);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const search = await findModuleDirs([dir], dir, nodeHost);
      assert.ok(search.ok, search.ok ? '' : search.error);
      const analyses = await new Analyzer(nodeHost, { parser: sharedParser() }).analyzeModules(search.dirs);
      const findings = analyses.flatMap((a) => a.findings);

      const actual = {
        findings: findings.filter((f) => !isNotAnalysed(f)).map((f) => findingFacts(f, dir)).sort(byPlace),
        streams: analyses.flatMap((a) => a.streams).map(streamFacts).sort((a, b) => a.resource.localeCompare(b.resource)),
        notAnalysed: [...new Set(findings.filter(isNotAnalysed).map(moduleOf))].sort(),
      };
      assert.deepStrictEqual(actual, {
        findings: [...expected.findings].sort(byPlace),
        streams: [...expected.streams].sort((a, b) => a.resource.localeCompare(b.resource)),
        notAnalysed: [...(expected.notAnalysed ?? [])].sort(),
      });
    });
  }
});
