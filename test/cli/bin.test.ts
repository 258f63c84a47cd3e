import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = path.join(__dirname, '..', '..');

describe('the kinesis-lint bin', () => {
  // npm test compiles first; npx runs the bin file itself, so it must be executable (tsc writes mode 644).
  it('is executable and runs through its shebang', () => {
    const { bin } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    const file = path.join(ROOT, bin['kinesis-lint']);
    assert.ok((fs.statSync(file).mode & 0o111) !== 0, `${file} is not executable`);
    assert.equal(execFileSync(file, ['--version'], { encoding: 'utf8' }).trim(), '0.1.0');
  });
});
