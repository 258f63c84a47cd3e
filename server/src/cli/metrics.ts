// `kinesis-lint metrics pull [PATH...]`: the last N days of CloudWatch metrics of every stream the analysed Terraform
// names, written as the metrics snapshot (docs/metrics.md), whole or not at all; and `kinesis-lint metrics queries
// [PATH...]`: the same GetMetricData queries as an `aws cloudwatch get-metric-data` command, for users who fetch the
// metrics themselves. Besides `prices update`, the only command that opens a socket.
import { resolve } from 'node:path';
import { findConfigFile, loadConfig } from '../core/config/loadConfig';
import { rangeWords } from '../core/metrics/describe';
import { metricDataQueries } from '../core/metrics/queryIds';
import { DEFAULT_SNAPSHOT_PATH, MAX_DAYS, PERIOD_SECONDS } from '../core/metrics/snapshot';
import type { ModuleAnalysis } from '../core/results';
import type { Host } from '../core/types';
import { findModuleDirs } from '../node/findModules';
import { proxySettings } from '../node/httpsProxy';
import type { CloudWatchOptions, MetricDataSource } from '../metrics/cloudWatch';
import { batches, pullMetrics, unique, type PullStream } from '../metrics/pull';
import { addVariable, isVariableOption, optionName, optionValue, type VarOption } from './args';
import { EXIT_OK, EXIT_USAGE } from './exitCode';
import { variableInputs, type AnalyzerLike, type AnalyzerOptions, type CliIO } from './run';

/** Some streams could not be read (denied, throttled, failed); the snapshot holds the others and says why. */
export const EXIT_METRICS_PARTIAL = 1;
/** Nothing was written: no credentials, no stream with a known name, every stream failed, or the file could not be written. */
export const EXIT_METRICS_FAILED = 3;

export const DEFAULT_DAYS = 14;

export interface MetricsDeps {
  createAnalyzer(host: Host, options: AnalyzerOptions): AnalyzerLike;
  host: Host;
  /** GetMetricData (cloudWatchSource, or a test's); called only by `pull`. */
  source(options: CloudWatchOptions): MetricDataSource;
  writeFile(file: string, text: string): Promise<void>;
  sleep(ms: number): Promise<void>;
  now(): Date;
  version: string;
  /** True for ConfigFileError / VariableInputError: a usage error. */
  isConfigFileError(error: unknown): boolean;
}

export const METRICS_HELP = `Usage:
  kinesis-lint metrics pull [PATH...] [--days N] [--profile P] [--region R] [--out FILE]
                            [--config FILE] [--endpoint URL] [--var NAME=VALUE] [--var-file FILE]
      read the last N days (1-${MAX_DAYS}, default ${DEFAULT_DAYS}) of 1-minute CloudWatch metrics of every
      aws_kinesis_stream in PATH (default: the current directory) whose name is known, and write
      them as the metrics snapshot: FILE, else the "metrics.file" of .kinesis-lint.json, else
      ${DEFAULT_SNAPSHOT_PATH} in the current directory. The analysis then uses the observed load
      of streams without a declared one. Credentials: the AWS SDK's default chain (AWS_PROFILE or
      --profile, environment, SSO, roles); the only permission needed is cloudwatch:GetMetricData.
      --region is the region of streams whose aws provider sets none (as for the analysis).
      --var and --var-file (repeatable; -var, -var-file too) and TF_VAR_NAME give root variables
      their values as for the lint command, so a name built from a variable is found.
      --endpoint sends the requests to another CloudWatch endpoint (AWS_ENDPOINT_URL_CLOUDWATCH
      works too). HTTPS_PROXY (or https_proxy) sends them through that proxy's CONNECT tunnel,
      except to hosts in NO_PROXY, as for prices update.
  kinesis-lint metrics queries [PATH...] [--days N] [--region R] [--config FILE]
                               [--var NAME=VALUE] [--var-file FILE]
      print the same GetMetricData queries as aws cloudwatch get-metric-data commands, for
      fetching the metrics yourself; --metrics FILE (or "metrics.file") then reads their output
Exit codes of pull: 0 the snapshot was written with every stream; 1 written, but some streams
could not be read (each one's reason is in the file's "errors" and on stderr); 2 usage error;
3 nothing was written (no credentials, no stream with a known name, every stream failed).
See docs/metrics.md.
`;

interface MetricsOptions {
  paths: string[];
  /** --var NAME=VALUE and --var-file FILE in the order given, parsed as the lint command parses them. */
  variables: VarOption[];
  days: number;
  profile?: string;
  region?: string;
  out?: string;
  config?: string;
  endpoint?: string;
  help: boolean;
}

const VALUE_OPTIONS = ['--days', '--profile', '--region', '--out', '--config', '--endpoint'];

export async function runMetrics(argv: readonly string[], io: CliIO, deps: MetricsDeps): Promise<number> {
  const [verb, ...rest] = argv;
  if (verb === '--help' || verb === '-h') return write(io.stdout, METRICS_HELP, EXIT_OK);
  const parsed = parseOptions(rest);
  if (parsed.ok && parsed.help) return write(io.stdout, METRICS_HELP, EXIT_OK);
  if (!parsed.ok) return usage(io, parsed.error);
  if (verb !== 'pull' && verb !== 'queries') return usage(io, verb === undefined ? 'missing "pull" or "queries"' : `unknown metrics command "${verb}"`);
  if (verb === 'queries' && (parsed.profile !== undefined || parsed.out !== undefined || parsed.endpoint !== undefined)) {
    return usage(io, '"metrics queries" takes no --profile, --out or --endpoint');
  }
  try {
    const found = await discover(parsed, io, deps);
    if (!found.ok) return found.code;
    return verb === 'pull' ? await pull(parsed, found.streams, io, deps) : queries(parsed, found.streams, io, deps);
  } catch (error) {
    if (deps.isConfigFileError(error)) return usage(io, (error as Error).message);
    throw error;
  }
}

function parseOptions(argv: readonly string[]): ({ ok: true } & MetricsOptions) | { ok: false; error: string } {
  const options: MetricsOptions = { paths: [], variables: [], days: DEFAULT_DAYS, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') { options.help = true; continue; }
    if (arg === '--') { options.paths.push(...argv.slice(i + 1)); break; }
    if (!arg.startsWith('-')) { options.paths.push(arg); continue; }
    // Option names and values are read as the lint command reads them (cli/args.ts), -var / -var-file included.
    const name = optionName(arg);
    if (!isVariableOption(name) && !VALUE_OPTIONS.includes(name)) return { ok: false, error: `unknown option ${name}` };
    const taken = optionValue(argv, i);
    i = taken.last;
    if (isVariableOption(name)) {
      const error = addVariable(options.variables, name, taken.value);
      if (error) return { ok: false, error };
      continue;
    }
    const value = taken.value;
    if (value === undefined || value === '') return { ok: false, error: `option ${name} needs a value` };
    if (name === '--days') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_DAYS) {
        return { ok: false, error: `--days: "${value}" is not a whole number of days from 1 to ${MAX_DAYS} (CloudWatch keeps 1-minute data for ${MAX_DAYS} days)` };
      }
      options.days = Number(value);
    } else if (name === '--region') {
      if (!/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(value)) return { ok: false, error: `--region: "${value}" is not an AWS region name` };
      options.region = value;
    } else if (name === '--endpoint') {
      if (!/^https?:\/\/[^/\s]+\/?$/.test(value)) return { ok: false, error: `--endpoint: "${value}" is not http(s)://HOST[:PORT]` };
      options.endpoint = value;
    } else if (name === '--profile') options.profile = value;
    else if (name === '--out') options.out = value;
    else options.config = value;
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { ok: true, ...options };
}

type Discovery = { ok: true; streams: PullStream[] } | { ok: false; code: number };

/** The streams the analysis finds, by name and region; those whose name is unknown are listed and skipped. */
async function discover(options: MetricsOptions, io: CliIO, deps: MetricsDeps): Promise<Discovery> {
  const search = await findModuleDirs(options.paths, io.cwd, deps.host);
  if (!search.ok) return { ok: false, code: usage(io, search.error) };
  if (search.dirs.length === 0) {
    io.stderr.write(`kinesis-lint: no Terraform files (.tf, .tf.json, .tofu, .tofu.json) found in ${options.paths.join(', ')}; nothing to pull\n`);
    return { ok: false, code: EXIT_METRICS_FAILED };
  }
  const analyzer = deps.createAnalyzer(deps.host, {
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.config !== undefined ? { configFile: resolve(io.cwd, options.config) } : {}),
    cost: false,
    parserWorkers: 1,
    variables: variableInputs(options.variables, io),
    ...(io.priceCacheFile !== undefined ? { priceCacheFile: io.priceCacheFile } : {}),
  });
  let analyses: ModuleAnalysis[];
  try {
    analyses = await analyzer.analyzeModules(search.dirs);
  } finally {
    await analyzer.dispose();
  }
  const streams: PullStream[] = [];
  for (const report of analyses.flatMap((a) => a.streams)) {
    if (report.names === null) {
      io.stderr.write(`kinesis-lint: skipped ${report.resource}: its name is unknown, so its metrics cannot be found\n`);
      continue;
    }
    for (const name of report.names) streams.push({ stream: name, region: report.region, shardMetrics: report.shardLevelMetrics ?? [] });
  }
  if (streams.length === 0) {
    io.stderr.write('kinesis-lint: no aws_kinesis_stream with a known name; nothing to pull\n');
    return { ok: false, code: EXIT_METRICS_FAILED };
  }
  return { ok: true, streams };
}

async function pull(options: MetricsOptions, streams: PullStream[], io: CliIO, deps: MetricsDeps): Promise<number> {
  const out = await outFile(options, io, deps);
  const regions = [...new Set(streams.map((s) => s.region))];
  io.stderr.write(`kinesis-lint: pulling ${options.days} day${options.days === 1 ? '' : 's'} of CloudWatch metrics for ${streams.length} stream${streams.length === 1 ? '' : 's'} in ${regions.join(', ')}…\n`);
  const source = deps.source({
    ...(options.profile !== undefined ? { profile: options.profile } : {}),
    ...(options.endpoint !== undefined ? { endpoint: options.endpoint } : {}),
    ...proxySettings(io.env),
  });
  let result: Awaited<ReturnType<typeof pullMetrics>>;
  try {
    result = await pullMetrics({
      streams,
      days: options.days,
      now: deps.now(),
      source,
      sleep: deps.sleep,
      progress: (line) => io.stderr.write(`kinesis-lint: ${line}\n`),
      version: deps.version,
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
    });
  } finally {
    source.dispose();
  }
  if (result.fatal !== undefined) {
    io.stderr.write(`kinesis-lint metrics pull: ${result.fatal}\nNothing was written.\n`);
    return EXIT_METRICS_FAILED;
  }
  if (!result.snapshot) {
    io.stderr.write('kinesis-lint metrics pull: no stream could be read. Nothing was written.\n');
    return EXIT_METRICS_FAILED;
  }
  try {
    await deps.writeFile(out, `${JSON.stringify(result.snapshot, null, 2)}\n`);
  } catch (error) {
    io.stderr.write(`kinesis-lint metrics pull: cannot write ${out}: ${(error as Error).message}\nNothing was written.\n`);
    return EXIT_METRICS_FAILED;
  }
  const count = (kind: string) => result.outcomes.filter((o) => o.outcome.kind === kind).length;
  const failed = count('failed');
  const noData = count('no-data');
  const extra = [noData > 0 ? `${noData} without data points` : '', failed > 0 ? `${failed} could not be read` : ''].filter(Boolean).join(', ');
  const { start, end } = result.snapshot.range;
  io.stderr.write(`kinesis-lint: wrote ${result.snapshot.streams.length} stream${result.snapshot.streams.length === 1 ? '' : 's'}${extra ? ` (${extra})` : ''}, observed ${rangeWords(start, end)}, to ${out}\n`);
  return failed > 0 ? EXIT_METRICS_PARTIAL : EXIT_OK;
}

/** --out, else the config's metrics.file (absolute once loaded), else .kinesis-lint/metrics.json here. */
async function outFile(options: MetricsOptions, io: CliIO, deps: MetricsDeps): Promise<string> {
  if (options.out !== undefined) return resolve(io.cwd, options.out);
  const configFile = options.config !== undefined ? resolve(io.cwd, options.config) : await findConfigFile(io.cwd, deps.host);
  const loaded = await loadConfig(configFile, deps.host);
  return loaded.config.metrics.file ?? resolve(io.cwd, DEFAULT_SNAPSHOT_PATH);
}

/** One `aws cloudwatch get-metric-data` command per region (and per 500 queries), its queries in a file beside it. */
function queries(options: MetricsOptions, streams: PullStream[], io: CliIO, deps: MetricsDeps): number {
  const periodMs = PERIOD_SECONDS * 1000;
  const endMs = Math.floor(deps.now().getTime() / periodMs) * periodMs;
  const start = new Date(endMs - options.days * 86_400_000).toISOString().replace('.000Z', 'Z');
  const end = new Date(endMs).toISOString().replace('.000Z', 'Z');
  // Only the query count limits a request here: the AWS CLI fetches every page itself.
  const groups = batches(unique(streams), 0);
  const lines: string[] = [
    `# GetMetricData queries for ${streams.length} stream${streams.length === 1 ? '' : 's'}, ${options.days} day${options.days === 1 ? '' : 's'} of 1-minute sums (kinesis-lint metrics queries).`,
    '# Run these with credentials allowed cloudwatch:GetMetricData, then point --metrics (or "metrics.file" in',
    '# .kinesis-lint.json) at the output file. One output file per command: --metrics reads one.',
  ];
  const perRegion = new Map<string, number>();
  groups.forEach((group) => {
    const region = group[0].region;
    const n = (perRegion.get(region) ?? 0) + 1;
    perRegion.set(region, n);
    const tag = groups.filter((g) => g[0].region === region).length > 1 ? `${region}-${n}` : region;
    lines.push(
      '',
      `# ${region}: ${group.map((s) => s.stream).join(', ')}`,
      `cat > kinesis-lint-queries.${tag}.json <<'EOF'`,
      `[\n${metricDataQueries(group).map((q) => `  ${JSON.stringify(q)}`).join(',\n')}\n]`,
      'EOF',
      `aws cloudwatch get-metric-data --region ${region} \\`,
      `  --metric-data-queries file://kinesis-lint-queries.${tag}.json \\`,
      `  --start-time ${start} --end-time ${end} \\`,
      `  --scan-by TimestampAscending --output json > metrics-raw.${tag}.json`,
    );
  });
  return write(io.stdout, `${lines.join('\n')}\n`, EXIT_OK);
}

function usage(io: CliIO, message: string): number {
  return write(io.stderr, `kinesis-lint metrics: ${message}\nRun 'kinesis-lint metrics --help' for usage.\n`, EXIT_USAGE);
}

function write(stream: { write(text: string): unknown }, text: string, code: number): number {
  stream.write(text);
  return code;
}
