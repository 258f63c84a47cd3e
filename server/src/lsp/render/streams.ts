// The `kinesisLint/streams` request (docs/streams-view.md): every stream of the latest analysis, for the editor's
// "Kinesis streams" view. Each item is a StreamReport and its findings as the core produced them; nothing here
// prices or counts anew, it only picks fields and turns paths into URIs.
import * as path from 'node:path';
import type { ModuleAnalysis, StreamReport } from '../../core/results';
import type { Bound } from '../../core/partial';
import type { CapacityMode } from '../../core/pricing/estimate';
import type { Finding, Range, Severity } from '../../core/types';
import { formatStreamCost } from '../../core/pricing/format';
import { pathToUri } from '../convert';

export const STREAMS_REQUEST = 'kinesisLint/streams';

/** One stream on the wire (client/src/protocol.ts repeats it). */
export interface StreamItem {
  /** Full address, e.g. module.ingest.aws_kinesis_stream.events. */
  resource: string;
  /** The module calls that create it, outermost first ("module.a.module.b"); '' in a root module. */
  caller: string;
  /** The address inside its module, e.g. aws_kinesis_stream.events. */
  local: string;
  /** The file that declares it, and its resource header there. */
  uri: string;
  range: Range;
  /** The folder of that file: the module. */
  moduleUri: string;
  /** The root module whose analysis created it. */
  rootUri: string;
  /** Exact, a lower bound (`{ atLeast }`), or unknown (null): the core's StreamReport.monthlyCost. */
  monthlyCost: Bound;
  /** The core's wording of that cost ("$21.90/mo", "unknown ($21.90/mo per instance)"). */
  costText: string;
  mode: CapacityMode | null;
  /** Per instance; null when unknown or on-demand. */
  shards: number | null;
  /** count / for_each multiplicity; null when unknown. */
  instances: number | null;
  /** Findings on the stream, by severity. */
  findings: Record<Severity, number>;
}

export interface StreamsResult {
  streams: StreamItem[];
}

export function streamsPayload(analyses: readonly ModuleAnalysis[]): StreamsResult {
  return {
    streams: analyses.flatMap((a) => {
      const candidates = findingsByStream(a.findings);
      return a.streams.map((s) => streamItem(s, a.dir, candidates(s)));
    }),
  };
}

/**
 * The findings that may concern each stream: those under its address and those in its file under the same local
 * address (another caller's report of a shared block), so the payload is linear in streams + findings, not their
 * product (a 20,000-line module took 0.2 s).
 */
function findingsByStream(findings: readonly Finding[]): (s: StreamReport) => Finding[] {
  const byResource = new Map<string, Finding[]>();
  const byLocal = new Map<string, Finding[]>();
  const add = (map: Map<string, Finding[]>, key: string, f: Finding) => {
    const list = map.get(key);
    if (list) list.push(f);
    else map.set(key, [f]);
  };
  for (const f of findings) {
    if (f.resource === null) continue;
    add(byResource, f.resource, f);
    add(byLocal, `${f.file}\n${localAddress(f.resource)}`, f);
  }
  return (s) => [...new Set([...(byResource.get(s.resource) ?? []), ...(byLocal.get(`${s.file}\n${localAddress(s.resource)}`) ?? [])])];
}

/** The address inside its module: the tail from the last `aws_kinesis_stream.` (the whole address otherwise). */
function localAddress(resource: string): string {
  const at = resource.lastIndexOf('aws_kinesis_stream.');
  return at >= 0 ? resource.slice(at) : resource;
}

function streamItem(s: StreamReport, root: string, findings: readonly Finding[]): StreamItem {
  const at = s.resource.lastIndexOf('aws_kinesis_stream.');
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) if (concerns(f, s)) counts[f.severity]++;
  return {
    resource: s.resource,
    caller: at > 0 ? s.resource.slice(0, at - 1) : '',
    local: at >= 0 ? s.resource.slice(at) : s.resource,
    uri: pathToUri(s.file),
    range: s.range,
    moduleUri: pathToUri(path.dirname(s.file)),
    rootUri: pathToUri(root),
    monthlyCost: s.monthlyCost,
    costText: formatStreamCost(s, '/mo'),
    mode: s.mode,
    shards: s.shardCount,
    instances: s.instances,
    findings: counts,
  };
}

/**
 * A finding of this stream: its address, or inside its block. The core reports a finding that every caller of a
 * module shares once, under the first caller's address; the block test counts it for the other callers too.
 */
function concerns(f: Finding, s: StreamReport): boolean {
  return f.resource === s.resource || (f.file === s.file && f.resource !== null && inside(f.range, s.targets.block)
    && f.resource.endsWith(s.resource.slice(s.resource.lastIndexOf('aws_kinesis_stream.'))));
}

function inside(r: Range, outer: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, r.start) && before(r.end, outer.end);
}
