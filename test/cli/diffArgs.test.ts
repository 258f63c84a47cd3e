// `kinesis-lint diff` command line: its own options, the main command's through the main parser, refusals.
import { strict as assert } from 'assert';
import { parseDiffArgs } from '../../server/src/cli/diff/diffArgs';

describe('cli/diff/diffArgs', () => {
  it('--base with the main options, in either spelling', () => {
    const r = parseDiffArgs(['app', '--base', 'origin/main', '--format=markdown', '--fail-on', 'warning', '--fail-on-increase', '12.5', '--region', 'eu-west-1', '-var', 'shards=2', '--untrusted', '--no-color']);
    assert.ok(r.ok);
    const o = r.options;
    assert.deepEqual([o.base, o.format, o.failOnIncrease, o.noColor], [{ kind: 'git', ref: 'origin/main' }, 'markdown', 12.5, true]);
    assert.deepEqual([o.lint.paths, o.lint.failOn, o.lint.region, o.lint.untrusted, o.lint.variables], [['app'], 'warning', 'eu-west-1', true, [{ kind: 'var', name: 'shards', text: '2' }]]);
  });

  it('--compare-to; PATH defaults to .', () => {
    const r = parseDiffArgs(['--compare-to=base.json']);
    assert.ok(r.ok);
    assert.deepEqual([r.options.base, r.options.format, r.options.lint.paths, r.options.failOnIncrease], [{ kind: 'report', file: 'base.json' }, 'text', ['.'], undefined]);
  });

  it('usage errors, each said', () => {
    const error = (argv: string[]) => {
      const r = parseDiffArgs(argv);
      return r.ok ? 'ok' : r.error;
    };
    const both = 'diff needs exactly one of --base REF (a git revision) or --compare-to FILE (a report saved by --format json)';
    assert.equal(error([]), both);
    assert.equal(error(['--base', 'a', '--compare-to', 'b']), both);
    assert.equal(error(['--base']), 'option --base needs a value');
    assert.equal(error(['--base', 'a', '--base', 'b']), 'option --base is given twice');
    assert.equal(error(['--base', 'a', '--format', 'sarif']), "invalid value 'sarif' for --format: expected one of text, json, markdown, github");
    assert.equal(error(['--base', 'a', '--fail-on-increase', '-5']), "invalid value '-5' for --fail-on-increase: expected an amount in USD per month, like 50 or 12.5");
    assert.equal(error(['--base', 'a', '--fail-on-increase', 'ten']), "invalid value 'ten' for --fail-on-increase: expected an amount in USD per month, like 50 or 12.5");
    assert.equal(error(['--base', 'a', '--fix']), '--fix cannot be used with diff');
    assert.equal(error(['--base', 'a', '--plan', 'p.json']), '--plan cannot be used with diff');
    assert.equal(error(['--base', 'a', '--no-cost']), '--no-cost cannot be used with diff: the diff is about cost');
    assert.equal(error(['--base', 'a', '--region', 'mars']).startsWith("invalid value 'mars' for --region"), true);
    assert.equal(error(['--base', 'a', '--bsae', 'x']).startsWith("unknown option '--bsae'"), true);
  });

  it('--help needs no base', () => {
    const r = parseDiffArgs(['--help']);
    assert.ok(r.ok && r.options.help);
  });
});
