// The analysis of one root module and the local modules it calls: parse → model → rules → pricing.
import type { Finding, Location } from '../types';
import type { LoadedConfig } from '../config/config';
import type { MetricsReport, ModuleAnalysis, StreamReport } from '../results';
import type { LoadedMetrics } from '../metrics/loadMetrics';
import type { ReportedUnknown } from '../partial';
import type { SourceFile } from '../syntax/sourceFile';
import type { ModuleSource } from '../model/moduleSource';
import { instantiateTree, type ModuleLoader, type UnresolvedCall } from '../model/moduleTree';
import { streamInstances, type StreamInstance } from '../model/streams';
import { indexConsumers, type ConsumerIndex } from '../model/consumers';
import { annotationsOf, mergeDeclarations, parseAnnotation, type Annotation } from '../model/annotations';
import { Suppressions } from '../model/suppressions';
import { resourceRegion } from '../model/region';
import type { ModuleInstance } from '../model/moduleInstance';
import { buildFacts, type StreamFacts, type StreamSettings } from '../model/streamFacts';
import { inputNote } from '../model/inputNote';
import { RULE_IDS, STREAM_RULES } from '../rules/registry';
import { syntaxErrorFindings } from '../rules/syntax-error';
import { invalidAnnotationFinding } from '../rules/invalid-annotation';
import { invalidConfigFinding } from '../rules/invalid-config';
import { moduleNotAnalysedFinding, notAnalysedReason } from '../rules/module-not-analysed';
import { finalize, type Placed } from './findings';
import { guardPlaced } from './fixGuard';
import { streamReport } from './streamReport';
import { moduleCallReports } from './moduleCalls';
import { atFallbackRates } from './fallbackRates';
import { accountAdvantage } from '../model/accountSettings';
import { tick } from '../timeSlice';
import type { CachedResult, ResultCache } from './resultCache';
import { contextKey, streamKey } from './fingerprint';
import { observationFor } from '../metrics/match';
import { ageWords, observedWords } from '../metrics/describe';

export interface RootOptions {
  /** --region: the region when Terraform does not say (before the config's region). */
  region?: string;
  /** Results of earlier analyses (a language server's): unchanged streams are not analysed again. */
  cache?: ResultCache;
  /** Aborted when the result is no longer wanted (the files changed again): the analysis stops early. */
  signal?: AbortSignal;
  /** Another front end that knows the instances and their readers (a Terraform plan); the source's otherwise. */
  streams?: StreamFrontEnd;
}

export interface StreamFrontEnd {
  streams(modules: ModuleInstance[], fromSource: StreamInstance[]): StreamInstance[];
  consumers(modules: ModuleInstance[], streams: StreamInstance[]): ConsumerIndex;
}

/** Region when neither Terraform, the command line nor the config says: AWS's default region. */
const FALLBACK_REGION = 'us-east-1';

export async function analyzeRoot(
  root: ModuleSource,
  loader: ModuleLoader,
  loaded: LoadedConfig,
  options: RootOptions,
): Promise<ModuleAnalysis> {
  const unresolved: UnresolvedCall[] = [];
  const modules = await instantiateTree(root, loader, unresolved, options.signal);
  const sources = [...new Set(modules.map((m) => m.source))];
  const files = sources.flatMap((s) => s.files);
  const settings: StreamSettings = {
    config: loaded.config,
    prices: loaded.prices,
    defaultRegion: options.region ?? loaded.config.region ?? FALLBACK_REGION,
    ...(loaded.file ? { configFile: loaded.file } : {}),
  };
  settings.accountAdvantage = accountAdvantage(modules, settings.defaultRegion);
  const suppressions = new Suppressions(RULE_IDS);
  for (const file of files) {
    await tick(options.signal);
    suppressions.addFile(file);
  }

  const placed: Placed[] = [];
  const fileLevel = (draft: Placed['draft']) => placed.push({ draft, instance: null, anchors: [] });
  for (const file of files) {
    await tick(options.signal);
    placed.push(...fileFindings(file));
  }
  for (const source of sources) {
    for (const p of source.tfvarsProblems) {
      fileLevel({ ruleId: 'syntax-error', message: p.message, file: p.file, range: p.range, resource: null, fixes: [] });
    }
  }
  for (const p of suppressions.problems) {
    const file = files.find((f) => f.path === p.file);
    if (file) fileLevel(invalidAnnotationFinding(file, p, null));
  }
  loaded.problems.map(invalidConfigFinding).forEach(fileLevel);
  const front = options.streams;
  // Another front end (a plan) knows the resources of every module, whatever its source: nothing is left unread.
  // A module that was not read may hold streams: the run's total is then a lower bound at most, and says why.
  const notices: ReportedUnknown[] = [];
  for (const u of front ? [] : unresolved) {
    const finding = moduleNotAnalysedFinding(u);
    if (!finding) continue;
    fileLevel(finding);
    notices.push({ resource: u.address, what: 'module', why: notAnalysedReason(u) });
  }

  await tick(options.signal);
  const streams = front ? front.streams(modules, streamInstances(modules)) : streamInstances(modules);
  await tick(options.signal);
  const groups = new Map<string, StreamInstance[]>();
  for (const stream of streams) {
    const group = groups.get(stream.resource);
    if (group) group.push(stream);
    else groups.set(stream.resource, [stream]);
  }
  const cache = front ? undefined : options.cache;
  await tick(options.signal);
  const digests = cache?.digestsOf(root.dir);
  const context = cache && digests ? await contextKey(root.dir, modules, files, loaded, settings.defaultRegion, digests, options.signal) : '';
  cache?.begin(root.dir);
  let consumers: ConsumerIndex | undefined;
  const reports: StreamReport[] = [];
  for (const instances of groups.values()) {
    await tick(options.signal);
    const annotations = annotationsOf(instances[0].block);
    const key = cache && digests ? streamKey(context, instances[0], annotations.map((a) => a.comment.span), digests) : '';
    let result = cache?.get(key, root.dir);
    if (!result) {
      result = await analyzeResource(instances, annotations, (consumers ??= front ? front.consumers(modules, streams) : cache ? cache.consumers(root.dir, context, modules, streams) : indexConsumers(modules, streams)), loaded, settings, options.signal);
      cache?.set(key, root.dir, result);
    }
    placed.push(...result.placed);
    reports.push(result.report);
  }
  digests?.endPass(files);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const guarded: Placed[] = [];
  for (let i = 0; i < placed.length; i++) {
    if (i % 256 === 0) await tick(options.signal);
    guarded.push(guardPlaced(placed[i], byPath));
  }
  const findings: Finding[] = await finalize(guarded, loaded.config.rules, suppressions, options.signal);
  await tick(options.signal);
  const extraFiles = [
    ...sources.flatMap((s) => s.tfvarsJsonFiles),
    ...[loaded.file, loaded.pricesFile, loaded.metricsFile ?? null].filter((f): f is string => f !== null),
  ];
  return {
    dir: root.dir,
    files: [...files.map((f) => f.path), ...extraFiles],
    findings,
    streams: reports,
    ...(notices.length > 0 ? { unknowns: notices } : {}),
    moduleCalls: moduleCallReports(modules, reports, front ? [] : unresolved),
    ...(loaded.metrics ? { metrics: metricsReport(loaded.metrics, reports) } : {}),
  };
}

/** Rules whose findings rest on the load: where it is observed, their detail says so. */
const LOAD_RULES = new Set(['undersized-shards', 'oversized-shards', 'capacity-mode-cost', 'efo-unneeded', 'efo-recommended', 'shard-count-mode-conflict']);

function loadNote(f: StreamFacts, ruleId: string): string {
  if (f.loadSource !== 'observed' || !f.observed || !LOAD_RULES.has(ruleId)) return '';
  return ` The load is ${observedWords(f.observed.snapshot)}: the p99 of the 1-minute rates in the metrics snapshot (${ageWords(f.observed.snapshot)}).`;
}

/** The snapshot this root's analysis used, and how many of its stream resources it matched. */
function metricsReport(metrics: LoadedMetrics, reports: readonly StreamReport[]): MetricsReport {
  return { ...metrics.info, entries: metrics.snapshot.streams.length, matched: reports.filter((r) => r.observed !== null).length };
}

/** The detail with the note on where an input came from (" shard_count comes from --var shards=2."). */
function withDetail(detail: string | undefined, note: string): { detail?: string } {
  const text = `${detail ?? ''}${note}`.trim();
  return text ? { detail: text } : {};
}

/** Facts, rule reports and the cost report of one stream resource (all its instances, up to 1,000: the event loop
 *  gets a turn between them). */
async function analyzeResource(
  instances: StreamInstance[],
  annotations: readonly Annotation[],
  consumers: ConsumerIndex,
  loaded: LoadedConfig,
  settings: StreamSettings,
  signal: AbortSignal | undefined,
): Promise<CachedResult> {
  const placed: Placed[] = [];
  const facts: StreamFacts[] = [];
  for (const stream of instances) {
    await tick(signal);
    facts.push(factsOf(stream, annotations, consumers, loaded, settings));
  }
  facts.forEach((f, i) => {
    const stream = instances[i];
    // A block hcl2json rejected has positions but no values: an argument it lacks may just not be typed yet.
    if (!stream.block.hasValues) return;
    const anchors: Location[] = [f.header];
    for (const rule of STREAM_RULES) {
      for (const report of rule.check(f).map((r) => atFallbackRates(f, r))) {
        placed.push({
          draft: { ruleId: rule.meta.id, message: report.message, ...withDetail(report.detail, inputNote(f.evaluated(), report.at) + loadNote(f, rule.meta.id)), file: report.at.file, range: report.at.range, resource: stream.resource, fixes: report.fixes ?? [] },
          instance: stream.resource + stream.suffix,
          anchors,
          monthlyUsd: report.monthlyUsd,
        });
      }
    }
  });
  return { placed, report: streamReport(facts) };
}

function factsOf(
  stream: StreamInstance,
  annotations: readonly Annotation[],
  consumers: ConsumerIndex,
  loaded: LoadedConfig,
  settings: StreamSettings,
): StreamFacts {
  const linked = consumers.of(stream);
  const resolved = stream.resolved?.region;
  const region = resolved ? { known: true as const, region: resolved } : resourceRegion(stream.block, stream.module, stream.iteration);
  return buildFacts({
    stream,
    consumers: { ...linked, complete: consumers.complete, why: [...linked.unknownCounts, ...consumers.unresolved] },
    annotations,
    declaration: mergeDeclarations(annotations, loaded.config.streams[stream.resource]),
    observe: (name, region) => observationFor(loaded.metrics, name, region),
    region: region?.known
      ? { region: region.region, assumption: null }
      : {
          region: settings.defaultRegion,
          assumption: region
            ? `The aws provider's region cannot be resolved; prices for ${settings.defaultRegion} are used.`
            : null,
        },
    settings,
  });
}

/** A file's own findings (syntax errors, invalid annotations), once per SourceFile object: a file unchanged since
 *  the last pass is the same object. */
const ofFile = new WeakMap<SourceFile, readonly Placed[]>();

function fileFindings(file: SourceFile): readonly Placed[] {
  let known = ofFile.get(file);
  if (!known) {
    known = [...syntaxErrorFindings(file), ...annotationProblems(file)].map((draft) => ({ draft, instance: null, anchors: [] }));
    ofFile.set(file, known);
  }
  return known;
}

/** Every `kinesis-lint:` comment of a file is checked, wherever it stands. */
function annotationProblems(file: SourceFile): Placed['draft'][] {
  return file.scan.comments
    .map((c) => parseAnnotation(file, c))
    .flatMap((a) => a?.problems ?? [])
    .map((p) => invalidAnnotationFinding(file, p, null));
}
