// UI test: the kinesis-lint .vsix INSTALLED in the VS Code server (no dev payload), driven in
// headless Debian Chromium like a person would: open the example, see the warning squiggle, hover
// it, find it in the Problems panel, pick the quick fix with Ctrl+. and see the edited line.
// Usage: node ui-test.js <baseUrl> <workspaceFolder> <outDir>
// Screenshots 01-workbench.png … 06-applied.png (99-failure.png on failure) go to <outDir>.
// Last line: "N passed, N failed"; a failed step fails every step after it.
'use strict';
const path = require('path');
const { launchBrowser, stopwatchLog } = require('./browser');
const expected = require('./fixtures/telemetry-pipeline.json');

const [base, folder, outDir] = process.argv.slice(2);
if (!outDir) { console.error('usage: ui-test.js <baseUrl> <workspace> <outDir>'); process.exit(2); }
const log = stopwatchLog('ui');
const LINE = expected.range.start.line + 1; // the workbench counts lines and columns from 1
const COLUMN = expected.range.start.character + 1;
const FIXED = new RegExp(expected.fixedLine.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'));
// Cold workbench, extension host and language server on 2 cores: allow a minute for first answers.
const SLOW = 60000;
const QUICK = 20000;
// Gap between two position samples that must agree before the mouse moves there.
const STABLE_SAMPLE_MS = 250;

/** The steps, in order; each gets the page and a screenshot helper. */
const steps = [
  ['workbench opens the example', async (page, shot) => {
    await page.goto(`${base}/?folder=${encodeURIComponent(folder)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: SLOW });
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: SLOW });
    await shot('01-workbench');
    await openWithQuickOpen(page, expected.file);
  }],
  ['warning squiggle on shard_count', async (page) => {
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: SLOW });
  }],
  ['cost code lens above the resource', async (page, shot) => {
    // Lenses insert lines and shift the text, so later steps measure positions only after this.
    const lens = page.locator('.codelens-decoration').filter({ hasText: /\$\d.*\/mo/ });
    await lens.first().waitFor({ state: 'visible', timeout: SLOW });
    log(`code lens: ${(await lens.allInnerTexts()).join(' | ')}`);
    await shot('02-squiggle');
  }],
  ['hover names the rule', async (page, shot) => {
    const box = await squiggleOnLine(page);
    await page.mouse.move(box.x + 1, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover:not(.hidden)')
      .filter({ hasText: new RegExp(expected.uiHoverAnyOf.join('|')) });
    await hover.first().waitFor({ state: 'visible', timeout: QUICK });
    log(`hover: ${(await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    await shot('03-hover');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
  }],
  ['Problems panel lists the finding', async (page, shot) => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row').filter({ hasText: expected.ruleId });
    await row.first().waitFor({ state: 'visible', timeout: QUICK });
    log(`problems: ${(await row.first().innerText()).replace(/\s+/g, ' ')}`);
    await shot('04-problems');
  }],
  ['"Ignore for this file" inserts the comment with the reason selected (issue #10)', async (page, shot) => {
    await goToLineColumn(page, LINE, COLUMN);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget .monaco-list-row').filter({ hasText: `Ignore ${expected.ruleId} for this file` }).first().click();
    // The client inserts a snippet whose placeholder is selected: typing replaces "reason". The command runs after
    // the click returns, so wait for the inserted line before typing (else the keys go to the old cursor).
    const placeholder = new RegExp(`kinesis-lint-ignore-file:\\s+${expected.ruleId}\\s+reason$`);
    await page.locator('.editor-instance .view-line').filter({ hasText: placeholder }).first().waitFor({ timeout: QUICK });
    await page.keyboard.type('e2e check');
    const typed = new RegExp(`kinesis-lint-ignore-file:\\s+${expected.ruleId}\\s+e2e\\s+check$`);
    const line = page.locator('.editor-instance .view-line').filter({ hasText: typed });
    await line.first().waitFor({ timeout: QUICK });
    await shot('05a-ignore-file');
    // Undo (the typing, then the insertion): the next steps need the finding and its fix.
    const inserted = page.locator('.editor-instance .view-line').filter({ hasText: /kinesis-lint-ignore-file/ });
    for (let i = 0; i < 4 && (await inserted.count()) > 0; i++) {
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Z');
      await page.waitForTimeout(STABLE_SAMPLE_MS);
    }
    await inserted.first().waitFor({ state: 'detached', timeout: QUICK });
    await page.waitForSelector('.monaco-editor .squiggly-warning', { timeout: SLOW });
  }],
  ['Ctrl+. lists the quick fix', async (page, shot) => {
    await goToLineColumn(page, LINE, COLUMN);
    await page.keyboard.press('Control+.');
    const row = page.locator('.action-widget .monaco-list-row').filter({ hasText: expected.fixTitle });
    await row.first().waitFor({ state: 'visible', timeout: QUICK });
    await shot('05-codeaction');
  }],
  ['applying the fix edits the line and clears the finding', async (page, shot) => {
    // Pick by title: the menu also lists the workbench's AI entries ("Fix", "Explain").
    await page.locator('.action-widget .monaco-list-row').filter({ hasText: expected.fixTitle }).first().click();
    await page.locator('.editor-instance .view-line').filter({ hasText: FIXED }).first().waitFor({ timeout: QUICK });
    // The server re-checks the edited buffer: the finding leaves the Problems panel.
    await page.locator('.markers-panel .monaco-list-row').filter({ hasText: expected.ruleId })
      .first().waitFor({ state: 'detached', timeout: QUICK });
    await shot('06-applied');
    // VS Code web auto-saves after a delay by default; that only touches the temp workspace copy.
  }],
];

/** Quick Open on a cold server may not list the file yet: wait for its row, click it, retry. */
async function openWithQuickOpen(page, file) {
  const tab = page.locator('.tabs-container .tab').filter({ hasText: file });
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: QUICK });
    await input.fill(file);
    try {
      const row = page.locator('.quick-input-list .monaco-list-row').filter({ hasText: file }).first();
      await row.waitFor({ state: 'visible', timeout: QUICK });
      await row.click();
      await tab.first().waitFor({ state: 'visible', timeout: QUICK });
      break;
    } catch (e) {
      log(`quick open attempt ${attempt} failed: ${e.message.split('\n')[0]}`);
      if (attempt >= 3) throw e;
    }
  }
  await page.waitForSelector('.editor-instance .view-lines .view-line', { timeout: QUICK });
}

/** Bounding box of the warning squiggle on the finding's line (matched by vertical position),
 *  once two samples agree: decorations arriving late (lenses, inlay hints) move the text. */
async function squiggleOnLine(page) {
  // Anchored: a comment higher up mentions shard_count too.
  const line = page.locator('.editor-instance .view-line').filter({ hasText: /^\s*shard_count\s*=/ }).first();
  const sample = async () => {
    const lineBox = await line.boundingBox();
    if (!lineBox) return undefined;
    const mid = lineBox.y + lineBox.height / 2;
    for (const squiggle of await page.locator('.monaco-editor .squiggly-warning').all()) {
      const box = await squiggle.boundingBox();
      if (box && box.y <= mid && mid <= box.y + box.height) return box;
    }
    return undefined;
  };
  const same = (a, b) => a && b && a.x === b.x && a.y === b.y;
  const end = Date.now() + QUICK;
  for (let previous = await sample(); Date.now() < end; ) {
    await page.waitForTimeout(STABLE_SAMPLE_MS);
    const current = await sample();
    if (same(previous, current)) return current;
    previous = current;
  }
  throw new Error('no steady warning squiggle on the shard_count line');
}

/** Ctrl+1 (focus the editor; the Problems panel has focus) and Ctrl+G to an exact position,
 *  then wait until the status bar confirms it. Keyboard only: the editor may be scrolled anywhere. */
async function goToLineColumn(page, line, column) {
  await page.keyboard.press('Control+1');
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: QUICK });
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.statusbar-item').filter({ hasText: `Ln ${line}, Col ${column}` })
    .first().waitFor({ state: 'visible', timeout: QUICK });
}

async function main() {
  const { context, close } = await launchBrowser();
  const page = await context.newPage();
  page.on('pageerror', (e) => log(`pageerror: ${e.message.split('\n')[0]}`));
  const shot = (name) => page.screenshot({ path: path.join(outDir, `${name}.png`) });
  let passed = 0;
  let failed = 0;
  log('browser up');
  for (const [name, run] of steps) {
    if (failed) { failed++; console.log(`SKIP ${name} (an earlier step failed)`); continue; }
    try {
      await run(page, shot);
      passed++;
      log(`PASS ${name}`);
    } catch (e) {
      failed++;
      log(`FAIL ${name}: ${e.message.split('\n')[0]}`);
      await shot('99-failure').catch(() => {});
    }
  }
  await close();
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
