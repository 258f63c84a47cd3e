// Runs test/e2e/exthost/index.js (the extensionTestsPath contract of @vscode/test-electron) inside
// the real node extension host of the VS Code server. No Electron build exists offline, so the
// tests go through VS Code web's `payload` URL parameter (what VS Code's own browser integration
// tests use). The server must be started with --enable-smoke-test-driver, or a built workbench
// ignores the payload. The workbench reports through window.codeAutomationLog/codeAutomationExit.
// Usage: node exthost-launcher.js <baseUrl> <workspaceFolder> <extensionDevelopmentPath> <extensionTestsPath>
// Last line: "N passed, N failed" (from the mocha runner's own summary line). Exit 0 only if all pass.
'use strict';
const path = require('path');
const util = require('util');
const { launchBrowser, stopwatchLog } = require('./browser');

const [base, folder, devPath, testsPath] = process.argv.slice(2);
if (!testsPath) {
  console.error('usage: exthost-launcher.js <baseUrl> <workspace> <extensionDevelopmentPath> <extensionTestsPath>');
  process.exit(2);
}
const outDir = process.env.E2E_OUT || '.';
// Generous: a cold extension host plus the language server's first parse take ~10 s on 2 cores.
const timeoutMs = Number(process.env.EXTHOST_TEST_TIMEOUT_MS || 240000);
const log = stopwatchLog('exthost');
const authority = new URL(base).host;
const remote = (p) => `vscode-remote://${authority}${path.resolve(p)}`;
const payload = JSON.stringify([
  ['extensionDevelopmentPath', remote(devPath)],
  ['extensionTestsPath', remote(testsPath)],
  ['skipWelcome', 'true'],
]);
const url = `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(payload)}`;
// Offline chatter the workbench always logs (see README "Harmless log noise"); EXTHOST_VERBOSE=1 shows it.
const NOISE = /^\s*\[|^(Resolving|Resolved) connection token|^Creating a socket|^Updating additional builtin|ENOTFOUND|getaddrinfo|Canceled|^Timed out waiting for authentication provider|Could not identify extension for 'vscode' require call/;
const SUMMARY = /^(\d+) passed, (\d+) failed$/;

async function main() {
  const { context, close } = await launchBrowser();
  let summary;
  let finish;
  const exited = new Promise((resolve) => { finish = resolve; });
  const page = await context.newPage();
  // Log arguments arrive in printf form ('%s (%dms)'), so format them like console.log would.
  await page.exposeFunction('codeAutomationLog', (level, args) => {
    const line = util.format(...args);
    const m = SUMMARY.exec(line.trim());
    if (m) summary = { passed: Number(m[1]), failed: Number(m[2]) };
    if (process.env.EXTHOST_VERBOSE || !NOISE.test(line)) console.log(`  ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => finish(code));
  log(`open ${url}`);
  await page.goto(url);
  const timer = setTimeout(() => finish('timeout'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  log(`extension tests finished, exit code ${code}`);
  await page.screenshot({ path: path.join(outDir, 'exthost-tests.png') }).catch(() => {});
  await close();
  // A run that never reached the summary (time-out, crash before mocha) counts as one failure.
  const result = summary ?? { passed: 0, failed: 1 };
  if (code !== 0 && result.failed === 0) result.failed = 1;
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exit(code === 0 && result.failed === 0 ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
