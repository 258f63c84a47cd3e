// Command-line parsing for `kinesis-lint`. Pure: argv in, options or a usage error out (the caller exits 2).

import { isRegionName, REGION_EXPECTED } from '../core/config/regionName';

export const OUTPUT_FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Lowest severity that fails the run; hints never fail (see docs/cli.md, "Exit codes"). */
export const FAIL_ON_LEVELS = ['error', 'warning', 'info', 'never'] as const;
export type FailOn = (typeof FAIL_ON_LEVELS)[number];

/** A --var or --var-file, in command-line order (a later one wins, as in Terraform). */
export type VarOption = { kind: 'var'; name: string; text: string } | { kind: 'file'; path: string };

export interface CliOptions {
  paths: string[];
  /** --var NAME=VALUE and --var-file FILE in the order given. */
  variables: VarOption[];
  format: OutputFormat;
  configFile?: string;
  /** --metrics FILE: the metrics snapshot (or raw get-metric-data output) instead of the config's or the lookup's. */
  metricsFile?: string;
  /** --plan: a Terraform plan (terraform show -json PLAN); PATH, if given, is its configuration directory. */
  planFile?: string;
  region?: string;
  failOn: FailOn;
  fix: boolean;
  cost: boolean;
  /** --untrusted: read nothing outside the PATHs except the files named on the command line (docs/security.md). */
  untrusted?: boolean;
  /** --jobs N: worker threads analysing module directories (1: in-process); default one per core for larger runs. */
  jobs?: number;
  /** --cache: reuse the results of unchanged root modules from the cache file (docs/cli-cache.md). */
  cache: boolean;
  /** --cache-location PATH: the cache file, or a directory to hold it (default .kinesis-lint-cache). */
  cacheLocation?: string;
  /** --verbose: the text format also prints each finding's detail (its arithmetic and advice). */
  verbose: boolean;
  help: boolean;
  version: boolean;
}

export type ParseResult = { ok: true; options: CliOptions } | { ok: false; error: string };


const VALUE_OPTIONS = ['--format', '--config', '--region', '--fail-on', '--var', '--var-file', '--plan', '--jobs', '--cache-location', '--metrics'] as const;
const FLAG_OPTIONS = ['--fix', '--no-cost', '--untrusted', '--cache', '--verbose', '--version', '--help'] as const;
const SHORT_FLAGS: Record<string, string> = { '-h': '--help' };
/** Terraform's single-dash spellings, so a `terraform plan` command line can be reused as it is. */
const TERRAFORM_SPELLINGS: Record<string, string> = { '-var': '--var', '-var-file': '--var-file' };

/** The options that give a root module's variables their values; `metrics pull` and `metrics queries` take them too. */
export const VARIABLE_OPTIONS = ['--var', '--var-file'] as const;
export type VariableOptionName = (typeof VARIABLE_OPTIONS)[number];

export function isVariableOption(name: string): name is VariableOptionName {
  return (VARIABLE_OPTIONS as readonly string[]).includes(name);
}

/** An option argument's name: the part before '=', with Terraform's -var / -var-file spelt --var / --var-file. */
export function optionName(arg: string): string {
  const eq = arg.indexOf('=');
  const written = eq > 0 ? arg.slice(0, eq) : arg;
  return TERRAFORM_SPELLINGS[written] ?? written;
}

/**
 * The value of the option at argv[i]: after its '=', else the next argument unless that is another --option
 * (undefined: missing). `last` is the index of the last argument used.
 */
export function optionValue(argv: readonly string[], i: number): { value: string | undefined; last: number } {
  const eq = argv[i].indexOf('=');
  if (eq > 0) return { value: argv[i].slice(eq + 1), last: i };
  if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) return { value: argv[i + 1], last: i + 1 };
  return { value: undefined, last: i };
}

/**
 * Appends one --var NAME=VALUE or --var-file FILE (value as optionValue gives it) to `variables`, in command-line
 * order; returns the usage error of a missing or malformed one. --var x= is a valid empty string.
 */
export function addVariable(variables: VarOption[], name: VariableOptionName, value: string | undefined): string | undefined {
  if (value === undefined || (value === '' && name === '--var-file')) return `option ${name} needs a value`;
  if (name === '--var-file') {
    variables.push({ kind: 'file', path: value });
    return undefined;
  }
  return addVar(variables, value);
}

export function parseArgs(argv: readonly string[]): ParseResult {
  const options: CliOptions = {
    paths: [], variables: [], format: 'text', failOn: 'error', fix: false, cost: true, cache: false, verbose: false, help: false, version: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      options.paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      options.paths.push(arg);
      continue;
    }
    const name = SHORT_FLAGS[arg] ?? optionName(arg);
    if ((FLAG_OPTIONS as readonly string[]).includes(name)) {
      if (arg.indexOf('=') > 0) return usage(`option ${name} does not take a value`);
      setFlag(options, name);
      continue;
    }
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) return usage(unknownOption(name));
    const taken = optionValue(argv, i);
    i = taken.last;
    if (isVariableOption(name)) {
      const error = addVariable(options.variables, name, taken.value);
      if (error) return usage(error);
      continue;
    }
    if (taken.value === undefined || taken.value === '') return usage(`option ${name} needs a value`);
    const error = setValue(options, name, taken.value);
    if (error) return usage(error);
  }
  if (options.planFile !== undefined) {
    if (options.paths.length > 1) return usage('--plan takes at most one PATH: the configuration directory of the plan');
    if (options.fix) return usage('--fix edits the configuration and cannot be combined with --plan (the plan would no longer match it)');
    if (options.variables.length > 0) return usage('--var and --var-file cannot be combined with --plan: the plan already holds the variable values');
    return { ok: true, options };
  }
  if (options.paths.length === 0) options.paths.push('.');
  return { ok: true, options };
}

function setFlag(options: CliOptions, name: string): void {
  if (name === '--fix') options.fix = true;
  else if (name === '--no-cost') options.cost = false;
  else if (name === '--untrusted') options.untrusted = true;
  else if (name === '--cache') options.cache = true;
  else if (name === '--verbose') options.verbose = true;
  else if (name === '--version') options.version = true;
  else options.help = true;
}

/** Applies one option value; returns an error message when the value is not allowed. */
function setValue(options: CliOptions, name: string, value: string): string | undefined {
  switch (name) {
    case '--format':
      if (!isOneOf(OUTPUT_FORMATS, value)) return badChoice(name, value, OUTPUT_FORMATS);
      options.format = value;
      return undefined;
    case '--fail-on':
      if (!isOneOf(FAIL_ON_LEVELS, value)) return badChoice(name, value, FAIL_ON_LEVELS);
      options.failOn = value;
      return undefined;
    case '--region':
      if (!isRegionName(value)) return `invalid value '${value}' for --region: expected ${REGION_EXPECTED}`;
      options.region = value;
      return undefined;
    case '--plan':
      options.planFile = value;
      return undefined;
    case '--jobs':
      if (!/^[1-9]\d{0,2}$/.test(value)) return `invalid value '${value}' for --jobs: expected a number of threads from 1 to 999`;
      options.jobs = Number(value);
      return undefined;
    case '--cache-location':
      options.cacheLocation = value;
      return undefined;
    case '--metrics':
      options.metricsFile = value;
      return undefined;
    default: // --config
      options.configFile = value;
      return undefined;
  }
}

/** NAME=VALUE, split at the first '=' like Terraform (internal/command/arguments/vars.go); VALUE may be empty. */
function addVar(variables: VarOption[], raw: string): string | undefined {
  const eq = raw.indexOf('=');
  if (eq < 0) return `invalid --var '${raw}': expected a variable name and a value separated by '=', like --var 'shards=2'`;
  const name = raw.slice(0, eq);
  const text = raw.slice(eq + 1);
  if (name.trim() === '') return `invalid --var '${raw}': the variable name is missing before '='`;
  if (name.endsWith(' ')) return `invalid --var '${raw}': the variable name ends with a space; did you mean --var '${name.trimEnd()}=${text.trimStart()}'?`;
  variables.push({ kind: 'var', name, text });
  return undefined;
}

function isOneOf<T extends string>(choices: readonly T[], value: string): value is T {
  return (choices as readonly string[]).includes(value);
}

function badChoice(name: string, value: string, choices: readonly string[]): string {
  return `invalid value '${value}' for ${name}: expected one of ${choices.join(', ')}`;
}

function unknownOption(name: string): string {
  const known = [...VALUE_OPTIONS, ...FLAG_OPTIONS];
  const close = known.find((k) => editDistance(k, name) <= 2);
  return `unknown option '${name}'` + (close ? ` (did you mean ${close}?)` : '');
}

function usage(error: string): ParseResult {
  return { ok: false, error };
}

/** Levenshtein distance; the option names are short, so the quadratic table is fine. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
