import { strict as assert } from 'assert';
import { parseArgs, type CliOptions } from '../../server/src/cli/args';

function options(argv: string[]): CliOptions {
  const result = parseArgs(argv);
  assert.ok(result.ok, `expected ${argv.join(' ')} to parse, got ${JSON.stringify(result)}`);
  return result.options;
}

function error(argv: string[]): string {
  const result = parseArgs(argv);
  assert.ok(!result.ok, `expected ${argv.join(' ')} to be rejected`);
  return result.error;
}

describe('cli/args', () => {
  it('defaults: the current directory, text, fail on error, cost on, no fix', () => {
    assert.deepEqual(options([]), {
      paths: ['.'], variables: [], format: 'text', failOn: 'error', fix: false, cost: true, cache: false, verbose: false, help: false, version: false,
    });
  });

  it('--jobs N (1 to 999), --cache and --cache-location PATH', () => {
    const o = options(['--jobs', '3', '--cache', '--cache-location=.cache/']);
    assert.deepEqual([o.jobs, o.cache, o.cacheLocation], [3, true, '.cache/']);
    for (const bad of ['0', '-1', 'two', '1.5', '1000']) {
      const r = parseArgs(['--jobs', bad]);
      assert.ok(!r.ok && r.error === `invalid value '${bad}' for --jobs: expected a number of threads from 1 to 999` || !r.ok && r.error === 'option --jobs needs a value', bad);
    }
  });

  it('collects paths in order, before, between and after options', () => {
    assert.deepEqual(options(['a', '--fix', 'b/main.tf', '--format', 'json', 'c']).paths, ['a', 'b/main.tf', 'c']);
  });

  it('reads every option, with a separate or an inline value', () => {
    const o = options(['--format', 'sarif', '--config=cfg.json', '--region', 'eu-west-1', '--fail-on=warning', '--fix', '--no-cost']);
    assert.equal(o.format, 'sarif');
    assert.equal(o.configFile, 'cfg.json');
    assert.equal(o.region, 'eu-west-1');
    assert.equal(o.failOn, 'warning');
    assert.equal(o.fix, true);
    assert.equal(o.cost, false);
  });

  it('accepts every documented value of --format and --fail-on', () => {
    for (const f of ['text', 'json', 'sarif', 'github', 'gitlab', 'junit']) assert.equal(options(['--format', f]).format, f);
    for (const f of ['error', 'warning', 'info', 'never']) assert.equal(options([`--fail-on=${f}`]).failOn, f);
  });

  it('accepts region names of every partition', () => {
    for (const r of ['us-east-1', 'ap-southeast-4', 'us-gov-west-1', 'cn-north-1', 'us-isob-east-1']) {
      assert.equal(options(['--region', r]).region, r);
    }
  });

  it('--help, -h and --version', () => {
    assert.equal(options(['--help']).help, true);
    assert.equal(options(['-h']).help, true);
    assert.equal(options(['--version']).version, true);
  });

  it('the last of a repeated option wins', () => {
    assert.equal(options(['--format', 'json', '--format', 'sarif']).format, 'sarif');
  });

  it('everything after -- is a path, even if it looks like an option', () => {
    assert.deepEqual(options(['--', '--fix', '-x']).paths, ['--fix', '-x']);
  });

  it('rejects bad values with the allowed ones named', () => {
    assert.equal(error(['--format', 'xml']), "invalid value 'xml' for --format: expected one of text, json, sarif, github, gitlab, junit");
    assert.equal(error(['--fail-on=hint']), "invalid value 'hint' for --fail-on: expected one of error, warning, info, never");
    assert.equal(error(['--region', 'US-EAST-1']), "invalid value 'US-EAST-1' for --region: expected an AWS region such as us-east-1");
  });

  it('rejects unknown options, suggesting a close one', () => {
    assert.equal(error(['--formt', 'json']), "unknown option '--formt' (did you mean --format?)");
    assert.equal(error(['--quiet']), "unknown option '--quiet'");
    assert.equal(options(['--verbose']).verbose, true);
    assert.equal(error(['-x']), "unknown option '-x'");
  });

  it('--var and --var-file, repeatable, kept in command-line order; Terraform\'s -var / -var-file spellings too', () => {
    assert.deepEqual(options(['--var', 'a=1', '--var-file', 'x.tfvars', '-var=b=2', '-var-file', 'y.tfvars.json', '--var=a=3', 'dir']).variables, [
      { kind: 'var', name: 'a', text: '1' },
      { kind: 'file', path: 'x.tfvars' },
      { kind: 'var', name: 'b', text: '2' },
      { kind: 'file', path: 'y.tfvars.json' },
      { kind: 'var', name: 'a', text: '3' },
    ]);
    assert.deepEqual(options(['--var', 'a=1', 'dir']).paths, ['dir']);
  });

  it('--var splits at the first =; the value may be empty or hold = and spaces', () => {
    assert.deepEqual(options(['--var', 'tags={a = "x=y"}', '--var', 'empty=', '--var=s= 2 ']).variables, [
      { kind: 'var', name: 'tags', text: '{a = "x=y"}' },
      { kind: 'var', name: 'empty', text: '' },
      { kind: 'var', name: 's', text: ' 2 ' },
    ]);
  });

  it('rejects --var without =, without a name or with a name ending in a space (Terraform\'s checks)', () => {
    assert.equal(error(['--var', 'shards']), "invalid --var 'shards': expected a variable name and a value separated by '=', like --var 'shards=2'");
    assert.equal(error(['-var', '=2']), "invalid --var '=2': the variable name is missing before '='");
    assert.equal(error(['--var', 'shards = 2']), "invalid --var 'shards = 2': the variable name ends with a space; did you mean --var 'shards=2'?");
    assert.equal(error(['--var']), 'option --var needs a value');
    assert.equal(error(['--var-file']), 'option --var-file needs a value');
    assert.equal(error(['--var-file=']), 'option --var-file needs a value');
    assert.equal(error(['--vars', 'a=1']), "unknown option '--vars' (did you mean --var?)");
  });

  it('rejects a missing or empty value, and a value on a flag', () => {
    assert.equal(error(['--config']), 'option --config needs a value');
    assert.equal(error(['--region', '--fix']), 'option --region needs a value');
    assert.equal(error(['--format=']), 'option --format needs a value');
    assert.equal(error(['--fix=yes']), 'option --fix does not take a value');
  });
});
