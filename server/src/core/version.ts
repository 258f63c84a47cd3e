// The release this build is; test/registry.test.ts checks it equals package.json's version.
export const VERSION = '0.1.0';
export const TOOL_NAME = 'kinesis-lint';
export const REPOSITORY_URL = 'https://github.com/kinesis-lint/kinesis-lint';
