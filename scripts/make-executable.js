// tsc writes files without the executable bit; the `kinesis-lint` bin (run by npx and by npm's bin links) needs it.
const fs = require('fs');
const path = require('path');

for (const bin of Object.values(require('../package.json').bin)) {
  const file = path.join(__dirname, '..', bin);
  fs.chmodSync(file, fs.statSync(file).mode | 0o111);
}
