// The cache key of a whole run (cacheFile.ts `settings`): what changes results besides the modules' own files. The
// output format, --fail-on and --verbose only change how results are printed, so they are not part of it.
import { createHash } from 'node:crypto';
import { resolve, sep } from 'node:path';
import { BUILTIN_PRICES } from '../../core/pricing/priceTable';
import { MAX_CONFIG_BYTES, MAX_PRICE_TABLE_BYTES, type Host } from '../../core/types';
import type { ReadScope } from '../../node/workspaceBoundHost';
import type { AnalyzerOptions } from '../run';
import { digest } from './fingerprints';
import { MAX_METRICS_BYTES } from '../../core/metrics/loadMetrics';

/** ESLint's default is .eslintcache in the current directory. */
export const DEFAULT_CACHE_FILE = '.kinesis-lint-cache';

export async function cacheSettings(options: AnalyzerOptions, scope: ReadScope | undefined, host: Host): Promise<string> {
  const text = async (file: string | undefined, maxBytes?: number) => (file === undefined ? undefined : digest((await host.readFile(file, maxBytes)) ?? '\u0000missing'));
  const variables = options.variables;
  const args = await Promise.all((variables?.args ?? []).map(async (a) => (a.kind === 'file' ? { ...a, text: await text(a.path) } : a)));
  return digest(JSON.stringify({
    region: options.region ?? null,
    cost: options.cost ?? true,
    config: options.configFile === undefined ? null : [options.configFile, await text(options.configFile, MAX_CONFIG_BYTES)],
    env: variables?.env ?? null,
    args,
    metrics: options.metricsFile === undefined ? null : [options.metricsFile, await text(options.metricsFile, MAX_METRICS_BYTES)],
    priceCache: options.priceCacheFile === undefined ? null : [options.priceCacheFile, await text(options.priceCacheFile, MAX_PRICE_TABLE_BYTES)],
    bundledPrices: digest(JSON.stringify(BUILTIN_PRICES)),
    scope: scope ?? null,
  }));
}

/**
 * --cache-location, as ESLint: a file, or a directory (one that exists, or a path ending in a separator) that holds
 * `.kinesis-lint-cache_<hash of the current directory>`. Default: .kinesis-lint-cache in the current directory.
 */
export async function cacheFilePath(location: string | undefined, cwd: string, host: Host): Promise<string> {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  const isDir = location.endsWith('/') || location.endsWith(sep) || (await host.readDir(path)) !== undefined;
  return isDir ? resolve(path, `${DEFAULT_CACHE_FILE}_${createHash('sha256').update(cwd).digest('hex').slice(0, 12)}`) : path;
}
