import { strict as assert } from 'assert';
import { runCli, type AnalyzerOptions, type CliDeps } from '../../server/src/cli/run';
import type { FixFiles } from '../../server/src/cli/fix/fixFiles';
import type { ModuleAnalysis } from '../../server/src/core/results';
import type { Host } from '../../server/src/core/types';
import { analysis, CWD, finding, provisionedStream, range, RULES, TOOL } from './synthetic';

// Stands in for the core's ConfigFileError (a marker, not a subclass: ts-node's transpile target may be ES5,
// where `instanceof` on Error subclasses fails).
const configFileError = (message: string) => Object.assign(new Error(message), { isConfigFileError: true });

const host: Host = {
  async readFile(path) { return path === `${CWD}/main.tf` ? 'resource "aws_kinesis_stream" "events" {}\n' : undefined; },
  async readDir(path) {
    if (path === CWD) return [{ name: 'main.tf', isDirectory: false }, { name: 'empty', isDirectory: true }];
    if (path === `${CWD}/empty`) return [];
    return undefined;
  },
};

interface Harness {
  code: number;
  stdout: string;
  stderr: string;
  created: AnalyzerOptions[];
  analyzedDirs: string[][];
  disposed: number;
}

async function run(argv: string[], analyses: () => Promise<ModuleAnalysis[]>, extra: { fixFiles?: FixFiles; isTTY?: boolean; env?: Record<string, string> } = {}): Promise<Harness> {
  const h: Harness = { code: -1, stdout: '', stderr: '', created: [], analyzedDirs: [], disposed: 0 };
  const deps: CliDeps = {
    createAnalyzer: (_host, options) => {
      h.created.push(options);
      return {
        analyzeModules: async (dirs) => { h.analyzedDirs.push(dirs); return analyses(); },
        dispose: async () => { h.disposed++; },
      };
    },
    isConfigFileError: (e) => (e as { isConfigFileError?: boolean }).isConfigFileError === true,
    rules: RULES,
    host,
    fixFiles: extra.fixFiles ?? { read: async () => ({ error: 'unused' }), write: async () => undefined },
    tool: TOOL,
  };
  h.code = await runCli(argv, {
    cwd: CWD, env: extra.env ?? {},
    stdout: { write: (t: string) => { h.stdout += t; }, isTTY: extra.isTTY },
    stderr: { write: (t: string) => { h.stderr += t; } },
  }, deps);
  return h;
}

const findings = (...severities: ('error' | 'warning' | 'info' | 'hint')[]) =>
  async () => [analysis(severities.map((severity, i) => finding({ ruleId: `r${i}`, severity, range: range(i, 0, i, 1) })), [provisionedStream()])];

describe('cli/run', () => {
  it('--help and --version print and exit 0 without analysing', async () => {
    const help = await run(['--help'], findings('error'));
    assert.deepEqual([help.code, help.created.length], [0, 0]);
    assert.ok(help.stdout.startsWith('kinesis-lint 9.8.7\n'));
    assert.ok(help.stdout.includes('Usage: kinesis-lint [options] [PATH...]'));
    assert.match(help.stdout, /\n  --var NAME=VALUE {12}set a root module variable/);
    assert.match(help.stdout, /\n  --var-file FILE {13}read root module variables from FILE/);
    const version = await run(['--version'], findings('error'));
    assert.deepEqual([version.code, version.stdout], [0, '9.8.7\n']);
  });

  it('a usage error exits 2 with the message on stderr and nothing on stdout', async () => {
    const h = await run(['--format', 'xml'], findings());
    assert.deepEqual([h.code, h.stdout], [2, '']);
    assert.equal(h.stderr, "kinesis-lint: invalid value 'xml' for --format: expected one of text, json, sarif, github, gitlab, junit\nRun 'kinesis-lint --help' for usage.\n");
  });

  it('a missing path exits 2 before any analyser is started', async () => {
    const h = await run(['nope'], findings());
    assert.deepEqual([h.code, h.created.length], [2, 0]);
    assert.ok(h.stderr.startsWith("kinesis-lint: cannot read 'nope': no such file or directory\n"));
  });

  it('passes the module directories and the options to the analyser, and always disposes it', async () => {
    const h = await run(['--region', 'eu-west-1', '--config', 'cfg/kl.json', '--no-cost'], findings());
    assert.deepEqual(h.analyzedDirs, [[CWD]]);
    assert.deepEqual({ ...h.created[0], parserWorkers: undefined }, {
      region: 'eu-west-1', configFile: `${CWD}/cfg/kl.json`, cost: false, parserWorkers: undefined, variables: { env: {}, args: [] },
    });
    assert.equal(h.created[0].parserWorkers, 1); // one module: one worker is enough
    assert.equal(h.disposed, 1);
  });

  it('passes --var, --var-file (resolved against the current directory) in order, and only the TF_VAR_ part of the environment', async () => {
    const env = { TF_VAR_shards: '2', TF_VAR_tags: '{a = "b"}', HOME: '/home/me', tf_var_lower: 'x' };
    const h = await run(['--var', 'shards=3', '-var-file=env/prod.tfvars', '--var-file', '/abs/x.tfvars.json', '-var', 'mode='], findings(), { env });
    assert.deepEqual(h.created[0].variables, {
      env: { shards: '2', tags: '{a = "b"}' },
      args: [
        { kind: 'var', name: 'shards', text: '3' },
        { kind: 'file', path: `${CWD}/env/prod.tfvars`, label: '--var-file env/prod.tfvars', strict: true },
        { kind: 'file', path: '/abs/x.tfvars.json', label: '--var-file /abs/x.tfvars.json', strict: true },
        { kind: 'var', name: 'mode', text: '' },
      ],
    });
  });

  it('a rejected variable input (VariableInputError) exits 2 with its message', async () => {
    const h = await run(['--var-file', 'bad.tfvars'], async () => { throw configFileError('bad.tfvars:3:1: Missing expression; Expected the start of an expression, but found the end of the file.'); });
    assert.equal(h.code, 2);
    assert.equal(h.stderr, 'kinesis-lint: bad.tfvars:3:1: Missing expression; Expected the start of an expression, but found the end of the file.\n');
    assert.equal(h.stdout, '');
  });

  it('exit code follows --fail-on', async () => {
    assert.equal((await run([], findings('warning'))).code, 0);
    assert.equal((await run([], findings('error'))).code, 1);
    assert.equal((await run(['--fail-on', 'warning'], findings('warning'))).code, 1);
    assert.equal((await run(['--fail-on', 'info'], findings('hint', 'hint'))).code, 0);
    assert.equal((await run(['--fail-on', 'info'], findings('info'))).code, 1);
    assert.equal((await run(['--fail-on', 'never'], findings('error'))).code, 0);
  });

  it('an invalid --config file (ConfigFileError) exits 2 with its message; the analyser is still disposed', async () => {
    const h = await run(['--config', 'missing.json'], async () => { throw configFileError(`cannot read config file ${CWD}/missing.json`); });
    assert.equal(h.code, 2);
    assert.ok(h.stderr.startsWith(`kinesis-lint: cannot read config file ${CWD}/missing.json\n`));
    assert.equal(h.disposed, 1);
  });

  it('an unexpected error exits 2 as an internal error', async () => {
    const h = await run([], async () => { throw new Error('boom'); });
    assert.equal(h.code, 2);
    assert.ok(h.stderr.startsWith('kinesis-lint: internal error: Error: boom'));
    assert.equal(h.disposed, 1);
  });

  it('no .tf files: a note on stderr, an empty report, exit 0', async () => {
    const h = await run(['empty', '--format', 'json'], findings('error'));
    assert.equal(h.code, 0);
    assert.equal(h.created.length, 0);
    assert.equal(h.stderr, 'kinesis-lint: no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in empty\n');
    assert.deepEqual(JSON.parse(h.stdout).findings, []);
  });

  it('--format json and sarif write one parseable document to stdout', async () => {
    const json = await run(['--format=json'], findings('error'));
    assert.equal(JSON.parse(json.stdout).summary.errors, 1);
    const sarif = await run(['--format=sarif'], findings('error'));
    assert.equal(JSON.parse(sarif.stdout).runs[0].results.length, 1);
  });

  it('text output is plain when stdout is not a terminal', async () => {
    const h = await run([], findings('error'), { isTTY: false });
    assert.ok(h.stdout.startsWith('main.tf:1:1: error: message of r0 [r0]\n'));
  });

  it('--fix applies the fixes, reports what remains and says what it changed on stderr', async () => {
    let text = 'shard_count = 1\n';
    const fixFiles: FixFiles = { read: async () => ({ text }), write: async (_f, t) => { text = t; } };
    const analyze = async () => [analysis(text.includes('= 1') ? [finding({
      ruleId: 'undersized-shards', severity: 'error', range: range(0, 14, 0, 15),
      fixes: [{ title: 'Set shard_count to 4', edits: [{ file: `${CWD}/main.tf`, range: range(0, 14, 0, 15), newText: '4' }] }],
    })] : [])];
    const h = await run(['--fix'], analyze, { fixFiles });
    assert.equal(text, 'shard_count = 4\n');
    assert.equal(h.code, 0);
    assert.equal(h.stderr, 'kinesis-lint: applied 1 fix to main.tf\n');
    assert.equal(h.stdout, 'No problems found.\n');
  });
});
