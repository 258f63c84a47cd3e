#!/usr/bin/env node
// Entry point of the `kinesis-lint` command (package.json "bin"): wires the real analyzer, disk and terminal.
import { Analyzer, ConfigFileError } from '../core/analyze';
import { VariableInputError } from '../core/inputs/variableInputs';
import { PlanFileError } from '../core/plan/planFile';
import { RULES } from '../core/rules/registry';
import { nodeFixFiles } from './fix/fixFiles';
import { nodeHost } from '../node/nodeHost';
import { priceCachePath, writeFileAtomic } from '../node/priceCache';
import { httpGetter } from '../prices/httpGet';
import { proxySettings } from '../node/httpsProxy';
import { runPrices } from './prices';
import { runCli, type CliDeps } from './run';
import { runDiff } from './diff/runDiff';
import { WorkerRunner } from './parallel/workerRunner';
import { readFile } from 'node:fs/promises';
import { readToolInfo } from './toolInfo';

// Worker threads or the hcl2json runtime can outlive dispose() by a moment (reference/parsing.md §5 measured a
// 0.6 s exit lag); if anything still holds the event loop this long after the report is written, exit anyway.
const EXIT_GRACE_MS = 3000;

// `kinesis-lint --stdio` (or --node-ipc / --socket=N) is the language server, for editors other than VS Code.
const LSP_TRANSPORTS = /^--(stdio|node-ipc|socket=\d+)$/;

if (process.argv.slice(2).some((a) => LSP_TRANSPORTS.test(a))) require('../lsp/main');
else if (process.argv[2] === 'prices') void pricesCli();
else if (process.argv[2] === 'diff') void diffCli();
else if (process.argv[2] === 'metrics') void metricsCli();
else void cli();

/** `kinesis-lint prices …`: the only command that may open a socket (prices update). */
function pricesCli(): Promise<void> {
  const io = { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, priceCacheFile: priceCachePath() };
  const get = httpGetter({ timeoutMs: 30_000, attempts: 3, backoffMs: 1000, ...proxySettings(process.env) });
  return runPrices(process.argv.slice(3), io, { host: nodeHost, get, writeFile: writeFileAtomic }).then(
    (code) => exit(code),
    (error: unknown) => {
      process.stderr.write(`kinesis-lint: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      exit(2);
    },
  );
}

/** `kinesis-lint metrics …`: `pull` reads CloudWatch (the SDK is loaded only then); `queries` prints them. */
function metricsCli(): Promise<void> {
  const { runMetrics } = require('./metrics') as typeof import('./metrics');
  const { cloudWatchSource } = require('../metrics/cloudWatch') as typeof import('../metrics/cloudWatch');
  const deps = cliDeps();
  return settle(runMetrics(process.argv.slice(3), cliIO(), {
    createAnalyzer: deps.createAnalyzer,
    host: nodeHost,
    source: cloudWatchSource,
    writeFile: writeFileAtomic,
    sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
    now: () => new Date(),
    version: deps.tool.version,
    isConfigFileError: deps.isConfigFileError,
  }));
}

function cli(): Promise<void> {
  return settle(runCli(process.argv.slice(2), cliIO(), cliDeps()));
}

/** `kinesis-lint diff …`: the working tree against a git revision or a saved report (docs/diff.md). */
function diffCli(): Promise<void> {
  return settle(runDiff(process.argv.slice(3), cliIO(), cliDeps()));
}

function cliIO() {
  return { cwd: process.cwd(), env: process.env, stdout: process.stdout, stderr: process.stderr, priceCacheFile: priceCachePath(), now: new Date() };
}

function cliDeps(): CliDeps {
  return {
    createAnalyzer: (host, options) => new Analyzer(host, options),
    createWorkerRunner: (jobs, data) => new WorkerRunner(jobs, data),
    cacheStore: { read: (file) => readFile(file, 'utf8').catch(() => undefined), write: writeFileAtomic },
    isConfigFileError: (error) => error instanceof ConfigFileError || error instanceof VariableInputError || error instanceof PlanFileError,
    rules: RULES,
    host: nodeHost,
    fixFiles: nodeFixFiles,
    tool: readToolInfo(),
  };
}

function settle(run: Promise<number>): Promise<void> {
  return run.then(
    (code) => exit(code),
    (error: unknown) => {
      process.stderr.write(`kinesis-lint: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
      exit(2);
    },
  );
}

function exit(code: number): void {
  process.exitCode = code; // lets stdout drain, unlike process.exit()
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}
