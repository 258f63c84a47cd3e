// A CLI must be able to exit: idle workers are unref'd, and dispose() terminates them. Checked in child
// processes, because a leaked worker would only show as a hang there.
import { strict as assert } from 'node:assert';
import { execFile } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const MODULE = path.join(ROOT, 'server', 'src', 'core', 'syntax', 'hcl2json');
/** Generous for ts-node start-up plus a cold hcl2json on a loaded machine; a leaked worker never exits. */
const CHILD_LIMIT_MS = 15_000;

function runChild(body: string): Promise<{ code: number | null; signal: string | null; stdout: string }> {
  const script = `const { HclParser } = require(${JSON.stringify(MODULE)});\n(async () => {\n${body}\n})();`;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-e', script],
      { cwd: ROOT, timeout: CHILD_LIMIT_MS, killSignal: 'SIGKILL' },
      (error, stdout) => {
        const failure = error as (Error & { code?: number; signal?: string }) | null;
        resolve({ code: failure ? (failure.code ?? null) : 0, signal: failure?.signal ?? null, stdout });
      },
    );
  });
}

describe('hcl2json HclParser process exit', () => {
  it('lets the process exit after dispose(), and while idle without it', async () => {
    const [disposed, idle] = await Promise.all([
      runChild(`const p = new HclParser({ workers: 2 });
        const results = await Promise.all([p.parse('a = 1'), p.parse('b = 2')]);
        await p.dispose();
        console.log(JSON.stringify(results.map((r) => r.ok)));`),
      runChild(`const p = new HclParser();
        console.log(JSON.stringify((await p.parse('a = 1')).json));`),
    ]);
    assert.deepEqual(disposed, { code: 0, signal: null, stdout: '[true,true]\n' });
    assert.deepEqual(idle, { code: 0, signal: null, stdout: '{"a":1}\n' });
  });
});
