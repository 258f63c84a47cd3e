// Observed load on published Terraform (issue #13, "Proof"): modules of the real-world corpus (test/fixtures/realworld,
// byte for byte as published, SOURCE beside each) analysed with a metrics snapshot the way `kinesis-lint --metrics
// FILE` does. The snapshots are written for these cases (no AWS account here); what they must change — which stream
// matches by its resolved name and region, the load, the findings — is derived by hand in each case's NOTES.md
// (test/fixtures/realworld-metrics/<case>/), never copied from the tool's output.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer, type AnalyzeOptions } from '../../server/src/core/analyze';
import type { StreamReport } from '../../server/src/core/results';
import type { Finding } from '../../server/src/core/types';
import { findModuleDirs } from '../../server/src/node/findModules';
import { nodeHost } from '../../server/src/node/nodeHost';
import { sharedParser } from '../support/analyze';
import { applyEdits } from '../../server/src/core/fixes/applyEdits';
import * as os from 'os';

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const CASES = path.join(FIXTURES, 'realworld-metrics');

/** case.json: which published fixture, which of its directories, and the command-line inputs of the run. */
interface Case {
  fixture: string;
  paths: string[];
  region?: string;
  vars?: Record<string, string>;
  /** A .kinesis-lint.json of the case (--config), e.g. a declared load to compare with the observation. */
  config?: string;
}

interface ExpectedFinding {
  ruleId: string;
  file: string;
  range: [number, number, number, number];
  resource: string | null;
  /** Words the message must contain (the numbers derived in NOTES.md). */
  says?: string[];
  /** How many fixes the finding offers. */
  fixes?: number;
}
interface ExpectedStream {
  resource: string;
  /** The instance names the stream resolves to (what is matched against the snapshot). */
  names: string[] | null;
  loadSource: string | null;
  requiredShards: number | null;
}
interface Expected { findings: ExpectedFinding[]; streams: ExpectedStream[] }

// The snapshots were pulled 2026-11-26; the tests run as if five days later (not stale at the default 30 days).
const NOW = new Date('2026-12-01T12:00:00Z');

function findingFacts(f: Finding, dir: string): ExpectedFinding {
  const { start, end } = f.range;
  return { ruleId: f.ruleId, file: path.relative(dir, f.file).split(path.sep).join('/'), range: [start.line, start.character, end.line, end.character], resource: f.resource };
}

function streamFacts(s: StreamReport): ExpectedStream {
  return { resource: s.resource, names: s.names, loadSource: s.loadSource, requiredShards: s.requiredShards };
}

const byPlace = (a: ExpectedFinding, b: ExpectedFinding) =>
  a.file.localeCompare(b.file) || a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId);
const byStream = (a: ExpectedStream, b: ExpectedStream) => a.resource.localeCompare(b.resource) || JSON.stringify(a.names).localeCompare(JSON.stringify(b.names));

/** The module-not-analysed notices belong to the corpus test (issue #7); they do not change with metrics. */
const relevant = (f: Finding) => f.ruleId !== 'module-not-analysed';

describe('observed load on published Terraform (test/fixtures/realworld-metrics)', function () {
  const cases = fs.readdirSync(CASES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

  it('has at least 6 cases, each with case.json, metrics.json, NOTES.md and expected.json', () => {
    assert.ok(cases.length >= 6, `${cases.length} cases`);
    for (const name of cases) for (const file of ['case.json', 'metrics.json', 'NOTES.md', 'expected.json']) assert.ok(fs.existsSync(path.join(CASES, name, file)), `${name}/${file}`);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(CASES, name);
      const spec = JSON.parse(fs.readFileSync(path.join(dir, 'case.json'), 'utf8')) as Case;
      const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Expected;
      const fixture = path.join(FIXTURES, 'realworld', spec.fixture);
      const search = await findModuleDirs(spec.paths.map((p) => path.join(fixture, p)), fixture, nodeHost);
      assert.ok(search.ok, search.ok ? '' : search.error);
      const options: AnalyzeOptions & { parser: ReturnType<typeof sharedParser> } = {
        parser: sharedParser(),
        metricsFile: path.join(dir, 'metrics.json'),
        now: NOW,
        ...(spec.region ? { region: spec.region } : {}),
        ...(spec.config ? { configFile: path.join(dir, spec.config) } : {}),
        ...(spec.vars ? { variables: { args: Object.entries(spec.vars).map(([n, text]) => ({ kind: 'var' as const, name: n, text })) } } : {}),
      };
      const analyses = await new Analyzer(nodeHost, options).analyzeModules(search.dirs);
      const drift = analyses.flatMap((a) => a.findings).find((f) => f.ruleId === 'load-drift' && f.fixes.length > 0);
      if (drift && spec.config) {
        // The fix writes the observed load into the case's config; analysed again, the drift is gone.
        const config = path.join(dir, spec.config);
        const edits = drift.fixes[0].edits;
        assert.ok(edits.every((e) => e.file === config), `the fix edits only ${spec.config}: ${edits.map((e) => e.file).join(', ')}`);
        const fixed = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kl-drift-')), 'kinesis-lint.json');
        fs.writeFileSync(fixed, applyEdits(fs.readFileSync(config, 'utf8'), edits));
        const again = await new Analyzer(nodeHost, { ...options, configFile: fixed }).analyzeModules(search.dirs);
        assert.deepStrictEqual(again.flatMap((a) => a.findings).filter((f) => f.ruleId === 'load-drift').map((f) => f.message), []);
      }
      const findings = analyses.flatMap((a) => a.findings).filter(relevant);
      const actual = {
        findings: findings.map((f) => findingFacts(f, fixture)).sort(byPlace),
        streams: analyses.flatMap((a) => a.streams).map(streamFacts).sort(byStream),
      };
      const bare = expected.findings.map(({ says: _s, fixes: _f, ...place }) => place);
      assert.deepStrictEqual(actual, { findings: bare.sort(byPlace), streams: [...expected.streams].sort(byStream) });
      for (const e of expected.findings) {
        const f = findings.find((x) => x.ruleId === e.ruleId && findingFacts(x, fixture).file === e.file && x.range.start.line === e.range[0]);
        assert.ok(f, e.ruleId);
        for (const words of e.says ?? []) assert.ok(f.message.includes(words), `${e.ruleId}: "${f.message}" should say "${words}"`);
        if (e.fixes !== undefined) assert.strictEqual(f.fixes.length, e.fixes, `${e.ruleId}: fixes ${f.fixes.map((x) => x.title).join(' / ')}`);
      }
    });
  }
});
