// A listed file the Host refused (FIFO, device, too large, dangling or looping link, no permission) becomes a
// syntax-error at the start of that file, with the Host's reason; the other files are analysed as usual. CI runs as
// root, where chmod 000 stays readable, so "no permission" is tested here with a Host stub.
import { strict as assert } from 'assert';
import { Analyzer } from '../../server/src/core/analyze';
import { loadConfig } from '../../server/src/core/config/loadConfig';
import { applyEditorSettings } from '../../server/src/core/config/editorSettings';
import { MAX_CONFIG_BYTES, MAX_PRICE_TABLE_BYTES, MAX_SOURCE_BYTES, type Host } from '../../server/src/core/types';
import { memoryHost } from '../support/memoryHost';
import { abs, sharedParser } from '../support/analyze';

const STREAM = 'resource "aws_kinesis_stream" "s" {\n  name = "s"\n  shard_count = 1\n  encryption_type = "KMS"\n  kms_key_id = "alias/aws/kinesis"\n}\n';
const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** memoryHost with some listed files refused for a reason (or for none, when reason is undefined). */
function refusingHost(files: Record<string, string>, refused: Record<string, string | undefined>, withReasons = true): Host & { limits: Map<string, number | undefined> } {
  const inner = memoryHost({ ...files, ...Object.fromEntries(Object.keys(refused).map((k) => [k, ''])) });
  const limits = new Map<string, number | undefined>();
  return {
    limits,
    readDir: (p) => inner.readDir(p),
    async readFile(p, maxBytes) {
      limits.set(p, maxBytes);
      return p in refused ? undefined : inner.readFile(p);
    },
    ...(withReasons ? { readProblem: (p: string) => refused[p] } : {}),
  };
}

let streams = 0;
async function findings(host: Host) {
  const analyses = await new Analyzer(host, { parser: sharedParser() }).analyzeModules([abs('')]);
  streams = analyses.flatMap((a) => a.streams).length;
  return analyses.flatMap((a) => a.findings).map((f) => ({ ruleId: f.ruleId, file: f.file, range: f.range, message: f.message }));
}

describe('files the Host refused to read', () => {
  it('each refused .tf and tfvars file is a syntax-error at its start with the reason; the readable file is analysed', async () => {
    const host = refusingHost({ [abs('main.tf')]: STREAM }, {
      [abs('secret.tf')]: 'cannot read secret.tf: EACCES',
      [abs('fifo.tf')]: 'fifo.tf is not a regular file; skipped',
      [abs('terraform.tfvars.json')]: 'terraform.tfvars.json is larger than 4 MiB; skipped',
    });
    const got = await findings(host);
    assert.deepEqual(got.filter((f) => f.ruleId === 'syntax-error').sort((a, b) => a.file.localeCompare(b.file)), [
      { ruleId: 'syntax-error', file: abs('fifo.tf'), range: START, message: 'fifo.tf is not a regular file; skipped' },
      { ruleId: 'syntax-error', file: abs('secret.tf'), range: START, message: 'cannot read secret.tf: EACCES' },
      { ruleId: 'syntax-error', file: abs('terraform.tfvars.json'), range: START, message: 'terraform.tfvars.json is larger than 4 MiB; skipped' },
    ]);
    assert.equal(streams, 1);
    // Sources and tfvars are read under the default (source) limit.
    assert.equal(host.limits.get(abs('main.tf')), undefined);
  });

  it('a Host that gives no reason: the file is left out silently, as before', async () => {
    const got = await findings(refusingHost({ [abs('main.tf')]: STREAM }, { [abs('gone.tf')]: undefined }, false));
    assert.deepEqual(got.filter((f) => f.ruleId === 'syntax-error'), []);
  });

  it('config and price table: read under 1 MiB, and the reason is in the problem', async () => {
    assert.ok(MAX_CONFIG_BYTES < MAX_SOURCE_BYTES && MAX_PRICE_TABLE_BYTES < MAX_SOURCE_BYTES);
    const config = '/repo/.kinesis-lint.json';
    const host = refusingHost({ [config]: '{"prices": "/dev/zero"}' }, { '/dev/zero': 'zero is not a regular file; skipped' });
    const loaded = await loadConfig(config, host);
    assert.deepEqual(loaded.problems.map((p) => p.message), ['price table "/dev/zero": zero is not a regular file; skipped; built-in prices used']);
    assert.deepEqual([host.limits.get(config), host.limits.get('/dev/zero')], [MAX_CONFIG_BYTES, MAX_PRICE_TABLE_BYTES]);

    const big = refusingHost({}, { [config]: '.kinesis-lint.json is larger than 1 MiB; skipped' });
    assert.deepEqual((await loadConfig(config, big)).problems.map((p) => p.message), ['.kinesis-lint.json is larger than 1 MiB; skipped; defaults used']);
  });

  it('the kinesisLint.pricesFile setting: a refused table says why (read under 1 MiB); a missing one keeps "does not exist"', async () => {
    const host = refusingHost({}, { '/dev/zero': 'zero is not a regular file; skipped', '/gone.json': 'cannot read gone.json: ENOENT' });
    const loaded = await loadConfig(undefined, host);
    const zero = await applyEditorSettings(loaded, { pricesFile: '/dev/zero' }, host);
    assert.deepEqual(zero.problems.map((p) => [p.file, p.message]), [
      ['/dev/zero', 'the price table named by the kinesisLint.pricesFile setting was not read: zero is not a regular file; skipped; built-in prices used'],
    ]);
    assert.equal(host.limits.get('/dev/zero'), MAX_PRICE_TABLE_BYTES);
    const gone = await applyEditorSettings(loaded, { pricesFile: '/gone.json' }, host);
    assert.deepEqual(gone.problems.map((p) => p.message), ['the price table named by the kinesisLint.pricesFile setting does not exist; built-in prices used']);
  });
});
