// Fuzz: mutated and truncated versions of the examples go through the whole engine. Nothing may throw or hang,
// and every result must be well-formed (see wellFormed.ts). Cases are seeded one by one, so a failure names the
// seed that replays it: FUZZ_SEED=<seed> FUZZ_CASES=1 npx mocha (other seeds and counts explore further).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Analyzer } from '../../server/src/core/analyze';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
import { memoryHost } from '../support/memoryHost';
import { mulberry32, mutate, type Rng } from './mutate';
import { violations } from './wellFormed';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const FIRST_SEED = Number(process.env.FUZZ_SEED ?? 20240601);
const CASES = Number(process.env.FUZZ_CASES ?? 1500);
/** Cases in flight at once: enough to keep both parser workers busy. */
const CONCURRENCY = 6;
/** Per case; hcl2json's own per-parse time-out is 10 s, a healthy case takes well under a second. */
const CASE_LIMIT_MS = 15_000;
const ANALYSED = /(\.tf|\.tfvars|\.tfvars\.json|\.kinesis-lint\.json)$/;
/** Kinds of input the examples lack, added so that they are mutated too. */
const EXTRA_FILES: Record<string, Record<string, string>> = {
  'telemetry-pipeline': { 'override.auto.tfvars.json': '{\n  "environment": "staging",\n  "tags": { "team": "x" }\n}\n' },
  healthy: { '.kinesis-lint.json': '{\n  "streams": {\n    "aws_kinesis_stream.audit_log": { "consumers": 1 }\n  },\n  "rules": { "missing-kms": "error" }\n}\n' },
};

interface Example {
  name: string;
  /** Relative path → text. */
  files: Record<string, string>;
  /** Module directories to list (relative); a module-call example sometimes lists its child too. */
  dirs: string[][];
}

function loadExamples(): Example[] {
  return fs.readdirSync(EXAMPLES).sort().map((name) => {
    const root = path.join(EXAMPLES, name);
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (ANALYSED.test(e.name)) files[path.relative(root, p)] = fs.readFileSync(p, 'utf8');
      }
    };
    walk(root);
    Object.assign(files, EXTRA_FILES[name]);
    const subdirs = [...new Set(Object.keys(files).map(path.dirname))].filter((d) => d !== '.');
    return { name, files, dirs: [['.'], ['.', ...subdirs]] };
  });
}

interface Case {
  seed: number;
  example: string;
  mutated: string;
  steps: string[];
  files: Record<string, string>;
  dirs: string[];
}

function makeCase(seed: number, examples: Example[], rnd: Rng = mulberry32(seed)): Case {
  const example = examples[Math.floor(rnd() * examples.length)];
  const names = Object.keys(example.files).sort();
  const target = names[Math.floor(rnd() * names.length)];
  const { text, steps } = mutate(example.files[target], rnd);
  const base = `/fuzz/${seed}`;
  const files = Object.fromEntries(
    Object.entries({ ...example.files, [target]: text }).map(([rel, t]) => [path.join(base, rel), t]),
  );
  const dirs = example.dirs[Math.floor(rnd() * example.dirs.length)].map((d) => path.join(base, d));
  return { seed, example: example.name, mutated: target, steps, files, dirs };
}

interface Outcome {
  problems: string[];
  syntaxErrors: number;
  streams: number;
}

async function runCase(c: Case, parser: HclParser): Promise<Outcome> {
  const analyzer = new Analyzer(memoryHost(c.files), { parser });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result after ${CASE_LIMIT_MS} ms`)), CASE_LIMIT_MS);
  });
  try {
    const analyses = await Promise.race([analyzer.analyzeModules(c.dirs), timeout]);
    const findings = analyses.flatMap((a) => a.findings);
    return {
      problems: violations(analyses, c.files),
      syntaxErrors: findings.filter((f) => f.ruleId === 'syntax-error').length,
      streams: analyses.flatMap((a) => a.streams).length,
    };
  } catch (e) {
    // The top of the stack is enough to find the place; mocha would print thousands of recursive frames.
    const problem = `threw: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' | ') : String(e)}`;
    return { problems: [problem], syntaxErrors: 0, streams: 0 };
  } finally {
    clearTimeout(timer);
  }
}

describe('fuzz: mutated examples through the engine', function () {
  this.timeout(180_000);
  // Two workers, as on the 2-core CI machine; one parser for every case, so workers stay warm.
  const parser = new HclParser({ workers: 2 });
  after(() => parser.dispose());

  it(`${CASES} mutated or truncated examples: no throw, no hang, well-formed results`, async () => {
    const examples = loadExamples();
    assert.ok(examples.length >= 5, 'the examples folder was not found');
    const failures: string[] = [];
    const seen = { cases: 0, withSyntaxErrors: 0, withStreams: 0 };
    const seeds = Array.from({ length: CASES }, (_, i) => FIRST_SEED + i);
    for (let i = 0; i < seeds.length; i += CONCURRENCY) {
      const batch = seeds.slice(i, i + CONCURRENCY).map((seed) => makeCase(seed, examples));
      const outcomes = await Promise.all(batch.map((c) => runCase(c, parser)));
      outcomes.forEach(({ problems, syntaxErrors, streams }, j) => {
        const c = batch[j];
        seen.cases++;
        if (syntaxErrors > 0) seen.withSyntaxErrors++;
        if (streams > 0) seen.withStreams++;
        if (problems.length > 0) {
          failures.push(`seed ${c.seed} (${c.example}/${c.mutated}: ${c.steps.join(', ')}):\n    ${problems.slice(0, 3).join('\n    ')}`);
        }
      });
    }
    assert.deepStrictEqual(failures.slice(0, 10), [], `${failures.length} of ${CASES} cases failed`);
    assert.strictEqual(seen.cases, CASES);
    // The mutations must reach both paths: rejected files (recovery) and files that still yield streams.
    // (Only meaningful over many cases; a replay of one seed skips it.)
    if (CASES >= 100) {
      assert.ok(seen.withSyntaxErrors > CASES / 4, `only ${seen.withSyntaxErrors} cases had syntax errors`);
      assert.ok(seen.withStreams > CASES / 2, `only ${seen.withStreams} cases produced stream reports`);
    }
  });

  it('the engine still analyses a healthy module after the fuzzing', async () => {
    const file = '/after/main.tf';
    const text = 'resource "aws_kinesis_stream" "s" {\n  name        = "s"\n  shard_count = 1\n}\n';
    const [analysis] = await new Analyzer(memoryHost({ [file]: text }), { parser }).analyzeModules(['/after']);
    assert.deepStrictEqual(
      analysis.findings.filter((f) => f.ruleId === 'missing-kms').map((f) => f.range),
      [{ start: { line: 0, character: 0 }, end: { line: 0, character: 33 } }],
    );
    assert.strictEqual(analysis.streams[0].shardCount, 1);
  });
});
