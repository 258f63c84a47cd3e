// `kinesis-lint diff` command line: its own options (--base, --compare-to, --format, --fail-on-increase,
// --no-color), then everything else through the main parser, so --region, --config, --var, --var-file,
// --untrusted and --fail-on are spelled and checked exactly as for the lint run.
import { parseArgs, type CliOptions } from '../args';

export const DIFF_FORMATS = ['text', 'json', 'markdown', 'github'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface DiffOptions {
  /** The main command's options (paths, variables, region, config, failOn, untrusted). */
  lint: CliOptions;
  base: { kind: 'git'; ref: string } | { kind: 'report'; file: string };
  format: DiffFormat;
  /** --fail-on-increase USD: exit 1 when the known monthly increase is larger. */
  failOnIncrease?: number;
  noColor: boolean;
  help: boolean;
}

export type DiffParse = { ok: true; options: DiffOptions } | { ok: false; error: string };

const OWN_VALUES = ['--base', '--compare-to', '--format', '--fail-on-increase'];
/** Main-command options that make no sense for a comparison. */
const REFUSED: [keyof CliOptions, string][] = [['fix', '--fix'], ['planFile', '--plan'], ['cache', '--cache'], ['cacheLocation', '--cache-location'], ['jobs', '--jobs'], ['verbose', '--verbose']];

export function parseDiffArgs(argv: readonly string[]): DiffParse {
  const own = new Map<string, string>();
  const rest: string[] = [];
  let noColor = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (arg === '--no-color') noColor = true;
    else if (arg === '--help' || arg === '-h') help = true;
    else if (OWN_VALUES.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : i + 1 < argv.length && !argv[i + 1].startsWith('--') ? argv[++i] : undefined;
      if (value === undefined || value === '') return { ok: false, error: `option ${name} needs a value` };
      if (own.has(name)) return { ok: false, error: `option ${name} is given twice` };
      own.set(name, value);
    } else rest.push(arg);
  }
  const parsed = parseArgs(rest);
  if (!parsed.ok) return parsed;
  const lint = parsed.options;
  const refused = REFUSED.find(([key]) => lint[key] !== undefined && lint[key] !== false);
  if (refused) return { ok: false, error: `${refused[1]} cannot be used with diff` };
  if (!lint.cost) return { ok: false, error: '--no-cost cannot be used with diff: the diff is about cost' };
  const placeholder: DiffOptions['base'] = { kind: 'git', ref: 'HEAD' };
  if (help) return { ok: true, options: { lint, base: placeholder, format: 'text', noColor, help } };
  const format = own.get('--format') ?? 'text';
  if (!(DIFF_FORMATS as readonly string[]).includes(format)) return { ok: false, error: `invalid value '${format}' for --format: expected one of ${DIFF_FORMATS.join(', ')}` };
  const ref = own.get('--base');
  const file = own.get('--compare-to');
  if ((ref === undefined) === (file === undefined)) return { ok: false, error: 'diff needs exactly one of --base REF (a git revision) or --compare-to FILE (a report saved by --format json)' };
  const increase = own.get('--fail-on-increase');
  if (increase !== undefined && !/^\d+(\.\d+)?$/.test(increase)) return { ok: false, error: `invalid value '${increase}' for --fail-on-increase: expected an amount in USD per month, like 50 or 12.5` };
  return {
    ok: true,
    options: {
      lint, format: format as DiffFormat, noColor, help,
      base: ref !== undefined ? { kind: 'git', ref } : { kind: 'report', file: file! },
      ...(increase !== undefined ? { failOnIncrease: Number(increase) } : {}),
    },
  };
}
