// `metrics pull` and `metrics queries` take the lint command's root inputs: --var, --var-file (and Terraform's -var,
// -var-file) and TF_VAR_, parsed by the same code (cli/args.ts), with the same usage errors and the same precedence.
// In-process: the real core on in-memory files through runMetrics and runCli; the pull against a scripted source.
import { strict as assert } from 'assert';
import { Analyzer, ConfigFileError } from '../../server/src/core/analyze';
import { VariableInputError } from '../../server/src/core/inputs/variableInputs';
import { runMetrics, type MetricsDeps } from '../../server/src/cli/metrics';
import { runCli, type AnalyzerOptions } from '../../server/src/cli/run';
import type { CloudWatchOptions, MetricDataRequest } from '../../server/src/metrics/cloudWatch';
import { memoryHost } from '../support/memoryHost';
import { sharedParser } from '../support/analyze';
import { RULES, TOOL } from '../cli/synthetic';

const CWD = '/repo';
const FILES: Record<string, string> = {
  [`${CWD}/main.tf`]: [
    'provider "aws" {', '  region = "eu-west-1"', '}', '',
    'variable "prefix" {', '  type = string', '}', '',
    'resource "aws_kinesis_stream" "events" {', '  name        = "${var.prefix}-events"', '  shard_count = 1', '}', '',
  ].join('\n'),
  [`${CWD}/env/prod.tfvars`]: 'prefix = "prod"\n',
  [`${CWD}/env/bad.tfvars`]: 'prefix =\n',
};
const isUsage = (e: unknown) => e instanceof ConfigFileError || e instanceof VariableInputError;

interface Run { code: number; stdout: string; stderr: string; requests: MetricDataRequest[]; sources: CloudWatchOptions[]; created: AnalyzerOptions[] }

async function metrics(argv: string[], env: Record<string, string> = {}): Promise<Run> {
  const out: Run = { code: -1, stdout: '', stderr: '', requests: [], sources: [], created: [] };
  const deps: MetricsDeps = {
    createAnalyzer: (host, options) => { out.created.push(options); return new Analyzer(host, { ...options, parser: sharedParser() }); },
    host: memoryHost(FILES),
    source: (options) => {
      out.sources.push(options);
      return {
        async getMetricData(request) {
          out.requests.push(request);
          return { results: [], messages: [] };
        },
        dispose() {},
      };
    },
    writeFile: async () => undefined,
    sleep: async () => undefined,
    now: () => new Date('2026-12-02T09:30:30Z'),
    version: '0.1.0',
    isConfigFileError: isUsage,
  };
  out.code = await runMetrics(argv, {
    cwd: CWD, env,
    stdout: { write: (t: string) => { out.stdout += t; } },
    stderr: { write: (t: string) => { out.stderr += t; } },
  }, deps);
  return out;
}

async function lint(argv: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(argv, {
    cwd: CWD, env: {},
    stdout: { write: () => undefined },
    stderr: { write: (t: string) => { stderr += t; } },
  }, {
    createAnalyzer: (host, options) => new Analyzer(host, { ...options, parser: sharedParser() }),
    isConfigFileError: isUsage,
    rules: RULES,
    host: memoryHost(FILES),
    fixFiles: { read: async () => ({ error: 'unused' }), write: async () => undefined },
    tool: TOOL,
  });
  return { code, stderr };
}

/** The stream names the pull asked CloudWatch for. */
const pulled = (r: Run) => [...new Set(r.requests.flatMap((q) => q.queries.flatMap((x) => x.MetricStat?.Metric.Dimensions.map((d) => d.Value) ?? [])))];

describe('metrics pull and queries: --var, --var-file, TF_VAR_', () => {
  it('without an input the name is unknown: skipped, nothing pulled (exit 3)', async () => {
    const r = await metrics(['pull', '--days', '1']);
    assert.equal(r.code, 3);
    assert.equal(r.stderr, 'kinesis-lint: skipped aws_kinesis_stream.events: its name is unknown, so its metrics cannot be found\nkinesis-lint: no aws_kinesis_stream with a known name; nothing to pull\n');
    assert.equal(r.sources.length, 0);
  });

  it('--var, -var, --var=, --var-file, -var-file=: the stream is pulled under its name', async () => {
    for (const args of [['--var', 'prefix=prod'], ['-var', 'prefix=prod'], ['--var=prefix=prod'], ['--var-file', 'env/prod.tfvars'], ['-var-file=env/prod.tfvars']]) {
      const r = await metrics(['pull', '--days', '1', ...args]);
      assert.equal(r.code, 0, `${args.join(' ')}: ${r.stderr}`);
      assert.deepEqual(pulled(r), ['prod-events'], args.join(' '));
    }
  });

  it('the analyzer gets the inputs as the lint command passes them: TF_VAR_ entries, var files absolute and strict, in order', async () => {
    const r = await metrics(['queries', '--var-file', 'env/prod.tfvars', '--var', 'prefix=dev', '.'], { TF_VAR_prefix: 'staging', HOME: '/h' });
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(r.created[0].variables, {
      env: { prefix: 'staging' },
      args: [
        { kind: 'file', path: '/repo/env/prod.tfvars', label: '--var-file env/prod.tfvars', strict: true },
        { kind: 'var', name: 'prefix', text: 'dev' },
      ],
    });
  });

  it('precedence: TF_VAR_ below --var / --var-file, which apply in command-line order', async () => {
    const name = async (env: Record<string, string>, ...args: string[]) => /^# eu-west-1: (.*)$/m.exec((await metrics(['queries', ...args], env)).stdout)?.[1];
    assert.equal(await name({ TF_VAR_prefix: 'staging' }), 'staging-events');
    assert.equal(await name({ TF_VAR_prefix: 'staging' }, '--var', 'prefix=dev'), 'dev-events');
    assert.equal(await name({}, '--var', 'prefix=dev', '--var-file', 'env/prod.tfvars'), 'prod-events');
    assert.equal(await name({}, '--var-file', 'env/prod.tfvars', '--var', 'prefix=dev'), 'dev-events');
  });

  it('a bad input is a usage error (exit 2) with the lint command\'s message, for pull and queries, before any request', async () => {
    const cases = [
      ['--var', 'prefix'], ['--var', 'prefix =prod'], ['--var', '=prod'], ['--var'], ['--var-file'], ['--var-file', ''],
      ['--var', '--days'], ['--var-file', 'none.tfvars'], ['--var-file', 'env/bad.tfvars'], ['--var', 'nosuch=1'],
    ];
    for (const args of cases) {
      const expected = await lint(['.', ...args]);
      assert.equal(expected.code, 2, `lint ${args.join(' ')}: ${expected.stderr}`);
      const message = expected.stderr.replace(/^kinesis-lint: /, '').replace(/\nRun 'kinesis-lint --help' for usage\.\n$|\n$/, '');
      for (const verb of ['pull', 'queries']) {
        const r = await metrics([verb, '.', ...args]);
        assert.equal(r.code, 2, `${verb} ${args.join(' ')}: ${r.stderr}`);
        assert.equal(r.stderr, `kinesis-lint metrics: ${message}\nRun 'kinesis-lint metrics --help' for usage.\n`, `${verb} ${args.join(' ')}`);
        assert.equal(r.sources.length, 0);
      }
    }
  });

  it('the pull\'s source gets HTTPS_PROXY / NO_PROXY from the environment', async () => {
    const r = await metrics(['pull', '--days', '1', '--var', 'prefix=prod'], { https_proxy: 'http://proxy.corp:3128', NO_PROXY: '.internal' });
    assert.deepEqual(r.sources, [{ proxy: 'http://proxy.corp:3128', noProxy: '.internal' }]);
    assert.deepEqual((await metrics(['pull', '--days', '1', '--var', 'prefix=prod'])).sources, [{}]);
  });
});
