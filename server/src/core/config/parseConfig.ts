// Text of a .kinesis-lint.json → Config plus problems. An invalid part is reported and dropped, and the rest
// still applies: a misspelt rule severity must not throw away the region.
// `import = require` works with and without esModuleInterop (the tests' ts-node runs without it).
import schema = require('./kinesis-lint.schema.json');
import { joinPointer, parseJsonDocument, type JsonDocument } from '../json/positions';
import { removeAt } from '../json/prune';
import { compileSchema, JsonProblem, offendingPointer, schemaProblems } from '../json/schemaProblems';
import { Config, DEFAULT_CONFIG, DeclaredLoadConfig, RuleSetting } from './config';

/** The file's own shape, after validation. */
interface RawStream {
  write_mib_per_sec?: number;
  records_per_sec?: number;
  avg_record_kib?: number;
  consumers?: number;
  efo_consumers?: number;
  avg_utilization?: number;
  replay_gib_per_month?: number;
  max_key_share?: number;
}
interface RawConfig {
  region?: string;
  target_utilization?: number;
  account?: { on_demand_advantage?: boolean };
  streams?: Record<string, RawStream>;
  rules?: Record<string, RuleSetting>;
  prices?: string;
  var_files?: string[];
  thresholds?: {
    oversized_factor?: number;
    mode_switch_min_savings_percent?: number;
    mode_switch_min_savings_usd?: number;
    efo_recommended_min_consumers?: number;
    load_drift_tolerance?: number;
    load_drift_below_factor?: number;
    hot_shard_factor?: number;
    hot_shard_min_utilization?: number;
  };
  metrics?: { file?: string; max_age_days?: number };
}

export interface ParsedConfig {
  config: Config;
  /** The top-level keys written in the file (valid or not): editor settings fill only the others. */
  keys: string[];
  /** The "prices" setting as written (relative to the config file), if valid. */
  pricesPath?: string;
  /** The valid "var_files" entries as written (relative to the config file) with their JSON pointers. */
  varFiles?: { path: string; pointer: string }[];
  problems: JsonProblem[];
  /** Where a JSON pointer is in the text, for problems found later (e.g. the price table is missing). */
  locate?: (pointer: string) => JsonProblem['range'];
}

const validate = compileSchema(schema);
// Each pass removes at least one offending value, so a few passes always suffice; the bound guards against bugs.
const MAX_PRUNE_PASSES = 10;

export function parseConfig(text: string): ParsedConfig {
  const parsed = parseJsonDocument(text);
  if (!parsed.ok) {
    return { config: defaults(), keys: [], problems: [{ path: '', message: `${parsed.message} (the whole file is ignored until this is fixed)`, range: parsed.range, jsonSyntax: true }] };
  }
  const { doc } = parsed;
  const problems = schemaProblems(validate, doc.value, (p, part) => doc.rangeOf(p, part));
  // Read before pruning, which edits the document and, removing array items one by one, shifts their indexes.
  const varFiles = varFileEntries(doc.value);
  let value: unknown = doc.value;
  for (let pass = 0; pass < MAX_PRUNE_PASSES && value !== undefined && !validate(value); pass++) {
    for (const error of validate.errors ?? []) value = value === undefined ? value : removeAt(value, offendingPointer(error));
  }
  const raw = (value !== undefined && validate(value) ? value : {}) as RawConfig;
  const keys = typeof doc.value === 'object' && doc.value !== null && !Array.isArray(doc.value) ? Object.keys(doc.value) : [];
  const config = toConfig(raw);
  const streamRanges = streamValueRanges(raw, doc);
  if (streamRanges) config.streamRanges = streamRanges;
  return { config, keys, pricesPath: raw.prices, varFiles, problems, locate: (p) => doc.rangeOf(p) };
}

/** The non-empty strings of a var_files array, each with its own pointer; undefined when var_files is not an array. */
function varFileEntries(document: unknown): { path: string; pointer: string }[] | undefined {
  const list = typeof document === 'object' && document !== null ? (document as { var_files?: unknown }).var_files : undefined;
  if (!Array.isArray(list)) return undefined;
  return list.flatMap((p, i) => (typeof p === 'string' && p !== '' ? [{ path: p, pointer: `/var_files/${i}` }] : []));
}

function defaults(): Config {
  return toConfig({});
}

function toConfig(raw: RawConfig): Config {
  const t = raw.thresholds ?? {};
  const d = DEFAULT_CONFIG.thresholds;
  const config: Config = {
    targetUtilization: raw.target_utilization ?? DEFAULT_CONFIG.targetUtilization,
    account: { onDemandAdvantage: raw.account?.on_demand_advantage ?? DEFAULT_CONFIG.account.onDemandAdvantage },
    streams: Object.fromEntries(Object.entries(raw.streams ?? {}).map(([address, s]) => [address, toStream(s)])),
    rules: { ...raw.rules },
    thresholds: {
      oversizedFactor: t.oversized_factor ?? d.oversizedFactor,
      modeSwitchMinSavingsPercent: t.mode_switch_min_savings_percent ?? d.modeSwitchMinSavingsPercent,
      modeSwitchMinSavingsUsd: t.mode_switch_min_savings_usd ?? d.modeSwitchMinSavingsUsd,
      efoRecommendedMinConsumers: t.efo_recommended_min_consumers ?? d.efoRecommendedMinConsumers,
      loadDriftTolerance: t.load_drift_tolerance ?? d.loadDriftTolerance,
      loadDriftBelowFactor: t.load_drift_below_factor ?? d.loadDriftBelowFactor,
      hotShardFactor: t.hot_shard_factor ?? d.hotShardFactor,
      hotShardMinUtilization: t.hot_shard_min_utilization ?? d.hotShardMinUtilization,
    },
    // metrics.file stays relative here; loadConfig resolves it against the config file's folder.
    metrics: { ...(raw.metrics?.file !== undefined ? { file: raw.metrics.file } : {}), maxAgeDays: raw.metrics?.max_age_days ?? DEFAULT_CONFIG.metrics.maxAgeDays },
  };
  if (raw.region !== undefined) config.region = raw.region;
  return config;
}

/** The range of every valid value of the "streams" entries (what a fix rewrites); undefined when there is none. */
function streamValueRanges(raw: RawConfig, doc: JsonDocument): Config['streamRanges'] {
  const out: NonNullable<Config['streamRanges']> = {};
  for (const [address, entry] of Object.entries(raw.streams ?? {})) {
    const base = joinPointer('/streams', address);
    const keys = Object.keys(entry).filter((k) => typeof (entry as Record<string, unknown>)[k] === 'number');
    if (keys.length) out[address] = Object.fromEntries(keys.map((k) => [k, doc.rangeOf(joinPointer(base, k))]));
  }
  return Object.keys(out).length ? out : undefined;
}

function toStream(s: RawStream): DeclaredLoadConfig {
  const entries: [keyof DeclaredLoadConfig, number | undefined][] = [
    ['writeMiBPerSec', s.write_mib_per_sec],
    ['recordsPerSec', s.records_per_sec],
    ['avgRecordKiB', s.avg_record_kib],
    ['consumers', s.consumers],
    ['efoConsumers', s.efo_consumers],
    ['avgUtilization', s.avg_utilization],
    ['replayGiBPerMonth', s.replay_gib_per_month],
    ['maxKeyShare', s.max_key_share],
  ];
  // Absent keys stay absent (not undefined-valued) so callers can tell "not declared" with `in` as well as `??`.
  return Object.fromEntries(entries.filter(([, v]) => v !== undefined)) as DeclaredLoadConfig;
}
