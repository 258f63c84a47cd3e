'use strict';
// Tests run from TypeScript source through ts-node, compiled with the test project's options (ES2022, strict),
// not the root solution file's (which has none and would make ts-node fall back to ES5).
process.env.TS_NODE_PROJECT = require('path').join(__dirname, 'test', 'tsconfig.json');
process.env.TS_NODE_TRANSPILE_ONLY = 'true';

module.exports = {
  require: ['ts-node/register'],
  extension: ['ts'],
  spec: ['test/**/*.test.ts'],
  ignore: ['test/e2e/**'],
  reporter: 'test/support/summary-reporter.js',
  timeout: 20000,
};
