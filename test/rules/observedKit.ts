// Rule checks on facts built with an observation set directly (buildFacts' `observed` input), the way the pipeline
// builds them once a snapshot matches the stream: the rules can be tested without a snapshot file.
import * as path from 'path';
import { ROOT, abs, applyEdits, sharedParser } from '../support/analyze';
import { memoryHost } from '../support/memoryHost';
import { loadModuleSource } from '../../server/src/core/model/moduleSource';
import { instantiateTree } from '../../server/src/core/model/moduleTree';
import { streamInstances } from '../../server/src/core/model/streams';
import { indexConsumers } from '../../server/src/core/model/consumers';
import { annotationsOf, mergeDeclarations } from '../../server/src/core/model/annotations';
import { buildFacts, type StreamFacts } from '../../server/src/core/model/streamFacts';
import { parseConfig } from '../../server/src/core/config/parseConfig';
import { BUILTIN_PRICES } from '../../server/src/core/pricing/priceTable';
import { STREAM_RULES } from '../../server/src/core/rules/registry';
import type { Report } from '../../server/src/core/rules/rule';
import type { ObservedStream, SnapshotInfo, Stats, StreamMetrics } from '../../server/src/core/metrics/snapshot';
import { hcl } from './ruleKit';

/** The stream the rule tests check: `events`, with an optional annotation line, shard_count (or an on-demand mode). */
export function observedStreamHcl(annotation: string, shards = '2', mode = ''): string {
  return hcl([
    ...(annotation ? [`# kinesis-lint: ${annotation}`] : []),
    'resource "aws_kinesis_stream" "events" {',
    '  name            = "events"',
    ...(mode ? [`  stream_mode_details {`, `    stream_mode = "${mode}"`, '  }'] : [`  shard_count     = ${shards}`]),
    '  encryption_type = "KMS"',
    '  kms_key_id      = "alias/my-key"',
    '}',
  ]);
}


export const SNAPSHOT: SnapshotInfo = {
  file: abs('.kinesis-lint/metrics.json'),
  start: '2026-11-12T00:00:00.000Z',
  end: '2026-11-26T00:00:00.000Z',
  pulledAt: '2026-11-26T00:05:00.000Z',
  tool: 'kinesis-lint metrics pull',
  ageDays: 3,
  stale: false,
  maxAgeDays: 30,
};

export const MiB = 1024 * 1024;

export function stats(peak: number, p99: number, mean: number): Stats {
  return { peak, p99, mean };
}

/** A stream's metrics with data in every minute of the 14 days. */
export function metrics(stream: string, m: Partial<StreamMetrics>): StreamMetrics {
  return { stream, region: 'us-east-1', minutes: 20160, ...m };
}

/** The facts of every stream instance, the one named `name` (its `name` argument) observed with `observed`. */
export async function factsWith(files: Record<string, string>, observed: Record<string, StreamMetrics>): Promise<StreamFacts[]> {
  const absFiles = Object.fromEntries(Object.entries(files).map(([k, v]) => [abs(k), v]));
  const host = memoryHost(absFiles);
  const root = (await loadModuleSource(ROOT, host, sharedParser(), { withTfvars: true }))!;
  const modules = await instantiateTree(root, { load: async () => undefined });
  const streams = streamInstances(modules);
  const consumers = indexConsumers(modules, streams);
  const configText = files['.kinesis-lint.json'];
  const config = parseConfig(configText ?? '{}').config;
  return streams.map((stream) => {
    const annotations = annotationsOf(stream.block);
    const linked = consumers.of(stream);
    return buildFacts({
      stream,
      consumers: { ...linked, complete: consumers.complete, why: [...linked.unknownCounts, ...consumers.unresolved] },
      annotations,
      declaration: mergeDeclarations(annotations, config.streams[stream.resource]),
      observe: (name): ObservedStream | null => (name !== null && observed[name] ? { snapshot: SNAPSHOT, metrics: observed[name] } : null),
      region: { region: 'us-east-1', assumption: null },
      settings: { config, prices: BUILTIN_PRICES, defaultRegion: 'us-east-1', ...(configText ? { configFile: abs('.kinesis-lint.json') } : {}) },
    });
  });
}

/** Every rule's reports on the first stream, by rule id. */
export async function check(files: Record<string, string>, observed: Record<string, StreamMetrics>): Promise<{ facts: StreamFacts; of(id: string): Report[] }> {
  const [facts] = await factsWith(files, observed);
  const byRule = new Map(STREAM_RULES.map((r) => [r.meta.id, r.check(facts)]));
  return { facts, of: (id) => byRule.get(id) ?? [] };
}

/** The files with a report's fix `index` applied. */
export function applied(files: Record<string, string>, report: Report, index = 0): Record<string, string> {
  const fix = report.fixes![index];
  const out = { ...files };
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    const rel = path.relative(ROOT, file);
    if (!(rel in out)) throw new Error(`fix edits a file outside the test: ${file}`);
    out[rel] = applyEdits(out[rel], fix.edits.filter((e) => e.file === file));
  }
  return out;
}
