#!/usr/bin/env node
// `npm run bundle` (run by `vscode:prepublish`): the extension as shipped in the .vsix is three esbuild bundles in
// dist/ — the VS Code client, the language server and the CLI (for "kinesis-lint: Update Prices") — plus hcl2json,
// bundled on its own beside its WebAssembly, because the parser workers load it by path (core/syntax/hcl2json:
// `new Worker(code, { eval: true })` requiring the path that require.resolve('@cdktf/hcl2json') gives). The
// package is then made with `vsce package --no-dependencies`: nothing from node_modules ships.
// `npm run compile` (tsc) is separate and unchanged: tests, the `kinesis-lint` bin and other editors use server/out.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const HCL2JSON = path.dirname(path.dirname(require.resolve('@cdktf/hcl2json', { paths: [ROOT] })));

/** Entry → output, relative to the repository; test/client/bundle.test.ts reads these. */
const ENTRIES = {
  'dist/extension.js': 'client/src/extension.ts',
  'dist/server.js': 'server/src/lsp/main.ts',
  'dist/cli.js': 'server/src/cli/main.ts',
  'dist/hcl2json/lib/index.js': path.relative(ROOT, path.join(HCL2JSON, 'lib', 'index.js')),
};
/** Where the bundles find hcl2json, relative to dist/ (require.resolve resolves from the requiring file). */
const HCL2JSON_FROM_DIST = './hcl2json/lib/index.js';

/** `require.resolve('@cdktf/hcl2json')` in the server and CLI → the bundled copy, not node_modules. */
const hcl2jsonBesideBundle = {
  name: 'hcl2json-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /^@cdktf\/hcl2json$/ }, () => ({ path: HCL2JSON_FROM_DIST, external: true }));
  },
};

/** Writes the bundles to `dist` (default: the repository's dist/; tests use a temp folder). */
async function bundle(dist = path.join(ROOT, 'dist')) {
  const esbuild = require('esbuild');
  fs.rmSync(dist, { recursive: true, force: true });
  const started = Date.now();
  const results = await Promise.all(Object.entries(ENTRIES).map(([out, entry]) => esbuild.build({
    entryPoints: [path.join(ROOT, entry)],
    outfile: path.join(dist, path.relative('dist', out)),
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Smaller and faster to load; names stay readable in stack traces of the output channel.
    minify: true,
    keepNames: true,
    // No source maps in the .vsix: set KINESIS_LINT_SOURCEMAP=1 to debug a bundle.
    sourcemap: process.env.KINESIS_LINT_SOURCEMAP === '1' ? 'linked' : false,
    // Licences go to one notices file instead (below).
    legalComments: 'none',
    metafile: true,
    // `vscode` is the host's. hcl2json's Go glue requires "performance" only where Node lacks the global (< 16).
    external: ['vscode', 'performance'],
    plugins: out.startsWith('dist/hcl2json/') ? [] : [hcl2jsonBesideBundle],
    logLevel: 'warning',
  })));
  // hcl2json reads ../main.wasm.gz from its lib/ folder.
  fs.copyFileSync(path.join(HCL2JSON, 'main.wasm.gz'), path.join(dist, 'hcl2json', 'main.wasm.gz'));
  fs.copyFileSync(path.join(HCL2JSON, 'package.json'), path.join(dist, 'hcl2json', 'package.json'));
  fs.chmodSync(path.join(dist, 'cli.js'), 0o755);
  fs.writeFileSync(path.join(dist, 'third-party-licenses.txt'), notices(results.flatMap((r) => Object.keys(r.metafile.inputs))));
  const files = listFiles(dist);
  const bytes = files.reduce((n, f) => n + fs.statSync(f).size, 0);
  process.stderr.write(`bundle: ${files.length} files, ${(bytes / 1024).toFixed(0)} KiB in ${path.relative(ROOT, dist) || dist} (${Date.now() - started} ms)\n`);
  return files;
}

/**
 * The licence text of every package a bundle contains (MIT and ISC ask that it ships with copies). Packages with the
 * same text (the AWS SDK's two dozen Apache-2.0 packages) share one copy, listed above it.
 */
function notices(inputs) {
  const packages = new Map();
  for (const input of inputs) {
    const m = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
    if (m) packages.set(m[1], true);
  }
  const byText = new Map();
  for (const dir of packages.keys()) {
    const full = path.resolve(ROOT, dir);
    const pkg = JSON.parse(fs.readFileSync(path.join(full, 'package.json'), 'utf8'));
    const file = fs.readdirSync(full).find((f) => /^(licen[sc]e|copying)/i.test(f));
    const text = file ? fs.readFileSync(path.join(full, file), 'utf8').trim() : `License: ${pkg.license ?? 'see the package'}`;
    byText.set(text, [...(byText.get(text) ?? []), `${pkg.name}@${pkg.version}`]);
  }
  return [...byText].map(([text, names]) => `${[...new Set(names)].sort().join('\n')}\n\n${text}\n`).sort().join(`\n${'-'.repeat(78)}\n\n`);
}

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

module.exports = { ENTRIES, HCL2JSON_FROM_DIST, bundle };
if (require.main === module) {
  bundle().catch((error) => {
    process.stderr.write(`bundle failed: ${error && error.stack ? error.stack : error}\n`);
    process.exit(1);
  });
}
