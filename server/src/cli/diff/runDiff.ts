// `kinesis-lint diff`: the working tree's analysis against a base (a git revision or a saved JSON report), as a
// diff (core/diff) in one of four formats, with its exit code. main.ts dispatches here; tests inject fakes.
import { resolve } from 'path';
import { diffSides, type DiffSide } from '../../core/diff';
import type { ModuleAnalysis } from '../../core/results';
import type { Host } from '../../core/types';
import { findModuleDirs } from '../../node/findModules';
import { GitError } from '../../node/git/gitError';
import { workspaceBoundHost } from '../../node/workspaceBoundHost';
import { EXIT_OK, EXIT_USAGE } from '../exitCode';
import { ANSI, PLAIN, useColor } from '../format/colors';
import { analyzerOptions, untrustedScope, type CliDeps, type CliIO } from '../run';
import { analysisSide } from './analysisSide';
import { parseDiffArgs, type DiffOptions } from './diffArgs';
import { diffVerdict } from './diffExit';
import { diffHelpText } from './diffHelp';
import type { BaseInfo, DiffView } from './diffView';
import { formatDiffGithub } from './format/github';
import { formatDiffJson } from './format/json';
import { formatDiffMarkdown } from './format/markdown';
import { formatDiffText } from './format/text';
import { gitBaseSide } from './gitBase';
import { headRenames } from './headRenames';
import { readReport } from './reportFile';

/** A saved report can list thousands of streams; far above any real one, still bounded. */
const MAX_REPORT_BYTES = 64 * 1024 * 1024;

/** `argv` is what follows `diff`. */
export async function runDiff(argv: readonly string[], io: CliIO, deps: CliDeps): Promise<number> {
  const parsed = parseDiffArgs(argv);
  if (!parsed.ok) return usageError(io, `${parsed.error}\nRun 'kinesis-lint diff --help' for usage.`);
  const options = parsed.options;
  if (options.help) {
    io.stdout.write(diffHelpText(deps.tool));
    return EXIT_OK;
  }
  try {
    const scope = options.lint.untrusted ? await untrustedScope(options.lint, io, deps.host) : undefined;
    const bind = (host: Host) => (scope ? workspaceBoundHost(host, () => scope) : host);
    const disk = bind(deps.host);
    const analyze = (host: Host, dirs: string[]) => analyzeDirs(host, dirs, options, io, deps);

    const search = await findModuleDirs(options.lint.paths, io.cwd, disk);
    if (!search.ok) return usageError(io, search.error);
    const base = await baseSide(options, io, deps, disk, bind, analyze);
    if (!base.ok) return usageError(io, base.error);
    const head = { ...analysisSide(await analyze(disk, search.dirs), io.cwd), renames: await headRenames(search.dirs, io.cwd, disk) };

    const view: DiffView = { diff: diffSides(base.side, head), base: base.info, tool: deps.tool };
    io.stdout.write(render(view, options, io));
    const verdict = diffVerdict(view.diff, options.lint.failOn, options.failOnIncrease);
    for (const note of verdict.notes) io.stderr.write(`kinesis-lint: ${note}\n`);
    return verdict.code;
  } catch (error) {
    if (deps.isConfigFileError(error)) return usageError(io, (error as Error).message);
    // A corrupt pack, a missing object: the git reader's sentence, not a stack trace.
    if (error instanceof GitError) return usageError(io, `--base: ${error.message}`);
    io.stderr.write(`kinesis-lint: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return EXIT_USAGE;
  }
}

type BaseResult = { ok: true; side: DiffSide; info: BaseInfo } | { ok: false; error: string };

async function baseSide(
  options: DiffOptions, io: CliIO, deps: CliDeps, disk: Host, bind: (host: Host) => Host,
  analyze: (host: Host, dirs: string[]) => Promise<ModuleAnalysis[]>,
): Promise<BaseResult> {
  if (options.base.kind === 'report') {
    const file = options.base.file;
    // Named on the command line: read like --config, also with --untrusted.
    const text = await deps.host.readFile(resolve(io.cwd, file), MAX_REPORT_BYTES);
    if (text === undefined) return { ok: false, error: `cannot read --compare-to '${file}': ${deps.host.readProblem?.(resolve(io.cwd, file)) ?? 'no such file'}` };
    const read = readReport(text, file);
    return read.ok ? { ok: true, side: read.side, info: { kind: 'report', file } } : read;
  }
  const git = await gitBaseSide({ ref: options.base.ref, paths: options.lint.paths, cwd: io.cwd, disk, bind, analyze });
  return git.ok ? { ok: true, side: git.side, info: { kind: 'git', ...git.base } } : git;
}

/** Both sides with the same analyzer options: config, region, variables, price table. */
async function analyzeDirs(host: Host, dirs: string[], options: DiffOptions, io: CliIO, deps: CliDeps): Promise<ModuleAnalysis[]> {
  if (dirs.length === 0) return [];
  const analyzer = deps.createAnalyzer(host, analyzerOptions(options.lint, io, dirs.length));
  try {
    return await analyzer.analyzeModules(dirs);
  } finally {
    await analyzer.dispose();
  }
}

function render(view: DiffView, options: DiffOptions, io: CliIO): string {
  if (options.format === 'json') return formatDiffJson(view);
  if (options.format === 'markdown') return formatDiffMarkdown(view);
  if (options.format === 'github') return formatDiffGithub(view);
  const color = !options.noColor && useColor(io.env, io.stdout.isTTY);
  return formatDiffText(view, color ? ANSI : PLAIN);
}

function usageError(io: CliIO, message: string): number {
  io.stderr.write(`kinesis-lint: ${message}\n`);
  return EXIT_USAGE;
}
