// The `$kinesis-lint` problem matcher (package.json contributes.problemMatchers) on the compiled CLI's real text
// output for examples/: every finding line is matched, with the fields the JSON report gives, and nothing else is.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');
const CLI = process.env.KINESIS_LINT_CLI ?? join(ROOT, 'server', 'out', 'cli', 'main.js');

interface Pattern { regexp: string; file: number; line: number; column: number; severity: number; message: number; code: number }
interface JsonFinding { ruleId: string; severity: string; message: string; file: string; range: { start: { line: number; character: number } } }

function run(...args: string[]): string {
  const env = { ...process.env, NO_COLOR: '1' };
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 30000 });
  assert.equal(r.stderr, '');
  return r.stdout;
}

describe('$kinesis-lint problem matcher on the CLI text output (compiled CLI, examples/)', function () {
  this.timeout(60000);
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const [matcher] = manifest.contributes.problemMatchers;

  before(() => assert.ok(existsSync(CLI), `${CLI} is missing: run npm run compile first`));

  it('is named kinesis-lint, owned by kinesis-lint, with files relative to the workspace folder', () => {
    assert.deepEqual([matcher.name, matcher.owner, matcher.fileLocation], ['kinesis-lint', 'kinesis-lint', ['relative', '${workspaceFolder}']]);
  });

  it('matches every finding line with its file, line, column, severity, code and message, and no other line', () => {
    const pattern = matcher.pattern as Pattern;
    const regexp = new RegExp(pattern.regexp);
    const text = run('examples');
    const matched = text.split('\n').map((line) => regexp.exec(line)).filter((m): m is RegExpExecArray => m !== null).map((m) => ({
      file: m[pattern.file], line: Number(m[pattern.line]), column: Number(m[pattern.column]),
      severity: m[pattern.severity], code: m[pattern.code], message: m[pattern.message],
    }));
    const findings = (JSON.parse(run('examples', '--format', 'json')).findings as JsonFinding[]).map((f) => ({
      file: f.file, line: f.range.start.line + 1, column: f.range.start.character + 1, severity: f.severity, code: f.ruleId, message: f.message,
    }));
    // The examples hold a finding of every severity.
    assert.deepEqual(new Set(findings.map((f) => f.severity)), new Set(['error', 'warning', 'info', 'hint']));
    assert.ok(findings.length >= 7);
    assert.deepEqual(matched, findings);
  });
});
