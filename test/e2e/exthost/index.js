// extensionTestsPath module (the run() contract of @vscode/test-electron): the extension host
// requires this file and awaits run(); a rejection means failure. Mocha comes from the repo's own
// node_modules by absolute path, because the extension host resolves modules from this file's
// location and the packaged extension does not ship mocha.
'use strict';
const fs = require('fs');
const path = require('path');

const REPO = path.resolve(__dirname, '..', '..', '..');
const Mocha = require(path.join(REPO, 'node_modules', 'mocha'));

exports.run = function run() {
  // Timeouts are per test; the waits inside poll and give up well before this.
  const mocha = new Mocha({ ui: 'bdd', color: false, reporter: 'spec', timeout: 90000 });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The launcher reads this line to report the count; keep the exact wording.
      console.log(`${runner.stats.passes} passed, ${failures} failed`);
      if (failures) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
};
