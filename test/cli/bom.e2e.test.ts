// A UTF-8 BOM: editors do not count it as a column, so the CLI's positions must not either; --fix keeps it.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');
const SOURCE = 'resource "aws_kinesis_stream" "s" { name = "x" }\nresource "aws_kinesis_stream" "t" { name = "y" }\n';

function cli(cwd: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 20000 });
  if (!args.includes('--fix')) assert.equal(r.stderr, '');
  return r.stdout;
}

describe('cli: a file starting with a BOM', function () {
  this.timeout(60000);
  let work: string;
  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'kinesis-lint-bom-'));
    for (const [dir, text] of [['bom', '\uFEFF' + SOURCE], ['plain', SOURCE]]) {
      mkdirSync(join(work, dir));
      writeFileSync(join(work, dir, 'main.tf'), text);
    }
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  for (const format of ['text', 'json', 'sarif']) {
    it(`${format}: every position (findings, streams, fix edits) equals the one without the BOM`, () => {
      // The JSON names each item's root module directory (issue #12): bom/ or plain/, the same in both.
      const bom = cli(work, 'bom', '--format', format).split('bom/main.tf').join('F').split('"root": "bom"').join('"root": "D"');
      const plain = cli(work, 'plain', '--format', format).split('plain/main.tf').join('F').split('"root": "plain"').join('"root": "D"');
      assert.equal(bom, plain);
    });
  }

  it('json: the missing-kms finding on line 1 ends at character 33, its fix edit starts at 35 (not 34, 36)', () => {
    const out = JSON.parse(cli(work, 'bom', '--format', 'json'));
    const kms = out.findings.filter((f: { ruleId: string }) => f.ruleId === 'missing-kms');
    assert.deepEqual(kms.map((f: { range: unknown }) => f.range), [
      { start: { line: 0, character: 0 }, end: { line: 0, character: 33 } },
      { start: { line: 1, character: 0 }, end: { line: 1, character: 33 } },
    ]);
    assert.deepEqual(kms[0].fixes[0].edits[0].range, { start: { line: 0, character: 35 }, end: { line: 0, character: 47 } });
    assert.deepEqual(kms[1].fixes[0].edits[0].range, { start: { line: 1, character: 35 }, end: { line: 1, character: 47 } });
  });

  it('--fix keeps the BOM and edits the same text as without it', () => {
    cli(work, 'bom', '--fix');
    cli(work, 'plain', '--fix');
    const fixed = readFileSync(join(work, 'bom', 'main.tf'), 'utf8');
    const plain = readFileSync(join(work, 'plain', 'main.tf'), 'utf8');
    assert.notEqual(plain, SOURCE);
    assert.equal(fixed, '\uFEFF' + plain);
  });
});
