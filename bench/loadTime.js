#!/usr/bin/env node
// `node bench/loadTime.js ENTRY`: prints how long `require(ENTRY)` takes in this fresh process, in ms — the part of
// the extension's activation that bundling changes (reading and compiling its modules). `vscode` is the host's
// and not at hand here: a stub that accepts any property access, call or `new` stands in for it.
'use strict';
const Module = require('node:module');
const { performance } = require('node:perf_hooks');

const fs = require('node:fs');
const path = require('node:path');

const stub = new Proxy(function vscode() {}, {
  get: (target, key) => (key === 'then' ? undefined : key === Symbol.toPrimitive ? () => '' : stub),
  apply: () => stub,
  construct: () => stub,
});
// A bundle copies the module's own properties (esbuild's __toESM), so the names the client uses must be own keys.
const names = new Set();
const src = path.join(__dirname, '..', 'client', 'src');
const walk = (dir) => fs.readdirSync(dir, { withFileTypes: true }).forEach((e) => {
  const file = path.join(dir, e.name);
  if (e.isDirectory()) walk(file);
  else for (const m of fs.readFileSync(file, 'utf8').matchAll(/\bvscode\.(\w+)/g)) names.add(m[1]);
});
walk(src);
const vscodeModule = new Proxy(Object.fromEntries([...names].map((n) => [n, stub])), { get: (target, key) => (key in target ? target[key] : stub) });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? vscodeModule : load.call(this, request, ...rest);
};

const started = performance.now();
require(path.resolve(process.argv[2]));
process.stdout.write(`${performance.now() - started}\n`);
