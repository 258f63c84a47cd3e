// The analysis of one root module and the local modules it calls: parse → model → rules → pricing.
import type { Finding, Location } from '../types';
import type { LoadedConfig } from '../config/config';
import type { ModuleAnalysis } from '../results';
import type { SourceFile } from '../syntax/sourceFile';
import type { ModuleSource } from '../model/moduleSource';
import { instantiateTree, type ModuleLoader } from '../model/moduleTree';
import { streamInstances, type StreamInstance } from '../model/streams';
import { indexConsumers } from '../model/consumers';
import { annotationsOf, mergeDeclarations, parseAnnotation } from '../model/annotations';
import { Suppressions } from '../model/suppressions';
import { resourceRegion } from '../model/region';
import { buildFacts, type StreamFacts, type StreamSettings } from '../model/streamFacts';
import { RULE_IDS, STREAM_RULES } from '../rules/registry';
import { syntaxErrorFindings } from '../rules/syntax-error';
import { invalidAnnotationFinding } from '../rules/invalid-annotation';
import { invalidConfigFinding } from '../rules/invalid-config';
import { finalize, type Placed } from './findings';
import { streamReport } from './streamReport';
import { TimeSlicer } from './timeSlice';

export interface RootOptions {
  /** --region: the region when Terraform does not say (before the config's region). */
  region?: string;
}

/** Region when neither Terraform, the command line nor the config says: AWS's default region. */
const FALLBACK_REGION = 'us-east-1';

export async function analyzeRoot(
  root: ModuleSource,
  loader: ModuleLoader,
  loaded: LoadedConfig,
  options: RootOptions,
): Promise<ModuleAnalysis> {
  const modules = await instantiateTree(root, loader);
  const sources = [...new Set(modules.map((m) => m.source))];
  const files = sources.flatMap((s) => s.files);
  const settings: StreamSettings = {
    config: loaded.config,
    prices: loaded.prices,
    defaultRegion: options.region ?? loaded.config.region ?? FALLBACK_REGION,
  };
  const suppressions = new Suppressions(RULE_IDS);
  for (const file of files) suppressions.addFile(file);

  const placed: Placed[] = [];
  const fileLevel = (draft: Placed['draft']) => placed.push({ draft, instance: null, anchors: [] });
  for (const file of files) {
    syntaxErrorFindings(file).forEach(fileLevel);
    annotationProblems(file).forEach(fileLevel);
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

  const streams = streamInstances(modules);
  const consumers = indexConsumers(modules, streams);
  const byResource = new Map<string, StreamFacts[]>();
  const slicer = new TimeSlicer();
  for (const stream of streams) {
    await slicer.tick();
    const facts = factsOf(stream, consumers, loaded, settings);
    const list = byResource.get(stream.resource) ?? [];
    list.push(facts);
    byResource.set(stream.resource, list);
    // A block hcl2json rejected has positions but no values: an argument it lacks may just not be typed yet.
    if (!stream.block.hasValues) continue;
    const anchors: Location[] = [facts.header];
    for (const rule of STREAM_RULES) {
      for (const report of rule.check(facts)) {
        placed.push({
          draft: { ruleId: rule.meta.id, message: report.message, file: report.at.file, range: report.at.range, resource: stream.resource, fixes: report.fixes ?? [] },
          instance: stream.resource + stream.suffix,
          anchors,
        });
      }
    }
  }
  const findings: Finding[] = finalize(placed, loaded.config.rules, suppressions);
  const extraFiles = [
    ...sources.flatMap((s) => s.tfvarsJsonFiles),
    ...[loaded.file, loaded.pricesFile].filter((f): f is string => f !== null),
  ];
  return {
    dir: root.dir,
    files: [...files.map((f) => f.path), ...extraFiles],
    findings,
    streams: [...byResource.values()].map(streamReport),
  };
}

function factsOf(
  stream: StreamInstance,
  consumers: ReturnType<typeof indexConsumers>,
  loaded: LoadedConfig,
  settings: StreamSettings,
): StreamFacts {
  const annotations = annotationsOf(stream.block);
  const linked = consumers.of(stream);
  const region = resourceRegion(stream.block, stream.module, stream.iteration);
  return buildFacts({
    stream,
    consumers: { ...linked, complete: consumers.complete },
    annotations,
    declaration: mergeDeclarations(annotations, loaded.config.streams[stream.resource]),
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

/** Every `kinesis-lint:` comment of a file is checked, wherever it stands. */
function annotationProblems(file: SourceFile): Placed['draft'][] {
  return file.scan.comments
    .map((c) => parseAnnotation(file, c))
    .flatMap((a) => a?.problems ?? [])
    .map((p) => invalidAnnotationFinding(file, p, null));
}
