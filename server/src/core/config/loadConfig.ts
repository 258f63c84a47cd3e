// Loads .kinesis-lint.json and the price table it names. Never throws on user input: whatever is wrong
// becomes a problem at its place, and defaults (or the built-in prices) stand in for it.
import * as path from 'path';
import { MAX_CONFIG_BYTES, type Host, type Range } from '../types';
import { ConfigProblem, LoadedConfig, VarFileSetting } from './config';
import { BUNDLED, type DefaultPrices } from './defaultPrices';
import { loadPriceTableFile } from './loadPriceTableFile';
import { parseConfig, type ParsedConfig } from './parseConfig';

export { findConfigFile } from './findConfigFile';

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** `defaults`: the table used when the file names none (the bundled table, or a newer price cache). */
export async function loadConfig(file: string | undefined, host: Host, defaults: DefaultPrices = BUNDLED): Promise<LoadedConfig> {
  if (file === undefined) {
    return { config: parseConfig('{}').config, file: null, keys: [], ...defaults, problems: [] };
  }
  const text = await host.readFile(file, MAX_CONFIG_BYTES);
  if (text === undefined) {
    const { config } = parseConfig('{}');
    const why = host.readProblem?.(file);
    const message = why ? `${why}; defaults used` : 'cannot read the configuration file; defaults used';
    const problems = [{ file, range: FILE_START, message }];
    return { config, file, keys: [], ...defaults, problems };
  }
  const parsed = parseConfig(text);
  if (parsed.config.metrics.file !== undefined) parsed.config.metrics.file = path.resolve(path.dirname(file), parsed.config.metrics.file);
  const problems: ConfigProblem[] = parsed.problems.map((p) => ({ file, range: p.range, message: p.message, ...(p.jsonSyntax ? { jsonSyntax: true as const } : {}) }));
  const loaded = await withPrices(file, parsed, problems, host, defaults);
  if (parsed.varFiles) loaded.varFiles = varFileSettings(file, parsed);
  return loaded;
}

/** var_files entries resolved against the config file's folder, each located at its string in the file. */
function varFileSettings(file: string, parsed: ParsedConfig): VarFileSetting[] {
  return (parsed.varFiles ?? []).map((entry) => ({
    path: path.resolve(path.dirname(file), entry.path),
    label: `var_files ${entry.path}`,
    named: { file, range: parsed.locate?.(entry.pointer) ?? FILE_START },
  }));
}

async function withPrices(file: string, parsed: ParsedConfig, problems: ConfigProblem[], host: Host, defaults: DefaultPrices): Promise<LoadedConfig> {
  if (parsed.pricesPath === undefined) return { config: parsed.config, file, keys: parsed.keys, ...defaults, problems };

  const pricesFile = path.resolve(path.dirname(file), parsed.pricesPath);
  const pricesRange = parsed.locate?.('/prices') ?? FILE_START;
  const table = await loadPriceTableFile(pricesFile, host);
  if (table.status === 'ok') return { config: parsed.config, file, keys: parsed.keys, prices: table.table, pricesFile, problems };
  if (table.status === 'missing') {
    const why = table.problem ? `: ${table.problem}` : ' not found';
    problems.push({ file, range: pricesRange, message: `price table "${parsed.pricesPath}"${why}; built-in prices used` });
  } else {
    const count = table.problems.length;
    problems.push(
      { file, range: pricesRange, message: `price table "${parsed.pricesPath}" is invalid (${count} problem${count === 1 ? '' : 's'}); built-in prices used` },
      ...table.problems,
    );
  }
  return { config: parsed.config, file, keys: parsed.keys, prices: defaults.prices, pricesFile, problems };
}
