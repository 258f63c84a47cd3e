// The bundled extension (scripts/bundle.js, issue #10 item 17): the manifest, the client and .vscodeignore point at
// the bundles; and the bundles, built into a temp folder, work without node_modules — the CLI bundle (with the
// bundled hcl2json and its WebAssembly, loaded by the parser workers) gives the unbundled CLI's JSON report.
import { strict as assert } from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const { ENTRIES, bundle } = require('../../scripts/bundle.js') as {
  ENTRIES: Record<string, string>;
  bundle(dist?: string): Promise<string[]>;
};
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { main: string; bin: Record<string, string>; scripts: Record<string, string> };
const source = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('bundled extension', function () {
  this.timeout(120000);

  it('runs the bundles: main, the server module and the CLI the client forks; the npm bin stays unbundled', () => {
    assert.equal(ENTRIES[manifest.main.replace(/^\.\//, '')], 'client/src/extension.ts');
    assert.equal(ENTRIES['dist/server.js'], 'server/src/lsp/main.ts');
    assert.equal(ENTRIES['dist/cli.js'], 'server/src/cli/main.ts');
    assert.match(source('client/src/clientOptions.ts'), /path\.join\(extensionPath, 'dist', 'server\.js'\)/);
    assert.match(source('client/src/updatePrices.ts'), /path\.join\(extensionPath, 'dist', 'cli\.js'\)/);
    assert.equal(manifest.bin['kinesis-lint'], 'server/out/cli/main.js');
    assert.match(manifest.scripts.package, /--no-dependencies/);
    const ignore = source('.vscodeignore').split('\n');
    for (const line of ['client/out/**', 'server/out/**', '!server/out/core/config/kinesis-lint.schema.json', 'test/**', '**/*.map']) {
      assert.ok(ignore.includes(line), line);
    }
    assert.ok(!ignore.some((l) => /^dist\b/.test(l)), 'dist/ must ship');
  });

  it('builds bundles that analyse like the unbundled CLI, with nothing from node_modules', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-bundle-'));
    try {
      const dist = path.join(tmp, 'dist');
      const files = (await bundle(dist)).map((f) => path.relative(dist, f)).sort();
      assert.deepEqual(files, ['cli.js', 'extension.js', 'hcl2json/lib/index.js', 'hcl2json/main.wasm.gz', 'hcl2json/package.json', 'server.js', 'third-party-licenses.txt']);
      // Only `vscode` (the host's) and Node's own modules are left to require.
      const extension = fs.readFileSync(path.join(dist, 'extension.js'), 'utf8');
      const required = new Set([...extension.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]));
      assert.deepEqual([...required].filter((r) => !r.startsWith('node:') && !require('module').builtinModules.includes(r)), ['vscode']);
      assert.match(fs.readFileSync(path.join(dist, 'third-party-licenses.txt'), 'utf8'), /^vscode-languageclient@9\.0\.1$/m);
      // Run from a folder with no node_modules above it: the parser worker must load dist/hcl2json.
      const example = path.join(ROOT, 'examples', 'telemetry-pipeline');
      const run = (cli: string) => {
        try {
          return execFileSync(process.execPath, [cli, example, '--format', 'json'], { cwd: tmp, encoding: 'utf8' });
        } catch (e) {
          return (e as { stdout: string }).stdout; // exit code 1: findings
        }
      };
      const bundled = JSON.parse(run(path.join(dist, 'cli.js'))) as { findings: unknown[]; streams: unknown[] };
      const unbundled = JSON.parse(run(path.join(ROOT, 'server', 'out', 'cli', 'main.js'))) as typeof bundled;
      assert.ok(bundled.findings.length > 0);
      assert.deepEqual(bundled, unbundled);
      // The AWS SDK is in the CLI bundle (metrics pull), loaded only by that command, and kept out of the server's.
      const cli = fs.readFileSync(path.join(dist, 'cli.js'), 'utf8');
      assert.match(cli, /GraniteServiceVersion20100801/);
      assert.doesNotMatch(fs.readFileSync(path.join(dist, 'server.js'), 'utf8'), /GraniteServiceVersion20100801/);
      assert.match(fs.readFileSync(path.join(dist, 'third-party-licenses.txt'), 'utf8'), /^@aws-sdk\/client-cloudwatch@3\.1164\.0$/m);
      const help = execFileSync(process.execPath, [path.join(dist, 'cli.js'), 'metrics', '--help'], { cwd: tmp, encoding: 'utf8' });
      assert.match(help, /^Usage:\n {2}kinesis-lint metrics pull/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
