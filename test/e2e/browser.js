// Shared by the UI test and the extension-host launcher: headless Debian Chromium through
// playwright-core (resolved via NODE_PATH from the tools dir that setup.sh fills).
'use strict';
const { chromium } = require('playwright-core');
const fs = require('fs');
const os = require('os');
const path = require('path');

// Flags measured in the reference setup: root needs --no-sandbox; the rest keep Chromium off the
// network and away from /dev/shm, which is small in containers.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage'];

/** Launch Chromium with a fresh profile (Playwright refuses --user-data-dir in args, hence a persistent context). */
async function launchBrowser() {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'kinesis-lint-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: CHROMIUM_ARGS,
  });
  const close = async () => {
    await context.close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return { context, close };
}

/** Logger that prefixes seconds since start, so slow steps stand out in CI logs. */
function stopwatchLog(prefix) {
  const t0 = Date.now();
  return (m) => console.log(`[${prefix} ${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
}

module.exports = { launchBrowser, stopwatchLog };
