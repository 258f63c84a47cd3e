// `--format json`: the output contract other tools rely on (docs/json-output.md).
// Objects are built literally, key by key, so the key order is part of the code and never depends on the core.
import type { StreamReport } from '../../core/results';
import type { Finding, Range, TextEdit } from '../../core/types';
import { displayPath, type RunReport } from '../report';
import type { ToolInfo } from '../toolInfo';
import type { Bound, ReportedUnknown, UnknownInput } from '../../core/partial';
import { cleanNumber, cleanOrNull, roundUsd } from './numbers';
import { findingKey } from '../../core/diff/findingSide';
import type { ObservedStream, Stats, ThrottleStats } from '../../core/metrics/snapshot';

export function formatJson(report: RunReport, tool: ToolInfo): string {
  const rel = (file: string) => displayPath(file, report.cwd);
  const streams = report.streams.map((s, i) => streamJson(s, rel, report.cost, rel(report.streamRoots[i])));
  const output = {
    tool: { name: tool.name, version: tool.version },
    findings: report.findings.map((f, i) => findingJson(f, rel, rel(report.findingRoots[i]))),
    streams,
    summary: {
      files: report.fileCount,
      streams: report.streams.length,
      errors: report.counts.errors,
      warnings: report.counts.warnings,
      infos: report.counts.infos,
      hints: report.counts.hints,
      monthlyCostUsd: report.cost ? moneyJson(report.summary.monthlyCost) : null,
      partial: report.summary.partial,
      unknowns: report.summary.unknowns.map(reportedUnknownJson),
    },
    // The metrics snapshots the run used (docs/metrics.md).
    metrics: report.metrics.map((m) => ({
      file: rel(m.file),
      start: m.start,
      end: m.end,
      pulledAt: m.pulledAt,
      tool: m.tool,
      ageDays: m.ageDays,
      stale: m.stale,
      maxAgeDays: m.maxAgeDays,
      entries: m.entries,
      matched: m.matched,
    })),
  };
  return JSON.stringify(output, null, 2) + '\n';
}

function findingJson(f: Finding, rel: (file: string) => string, root: string) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    detail: f.detail ?? null,
    file: rel(f.file),
    range: rangeJson(f.range),
    resource: f.resource,
    fixes: f.fixes.map((fix) => ({ title: fix.title, edits: fix.edits.map((e) => editJson(e, rel)) })),
    // For `kinesis-lint diff --compare-to` (docs/diff.md): the root module that reported it, and a key without line
    // numbers or amounts that matches the same finding in another run.
    root,
    key: findingKey(f.ruleId, f.resource, rel(f.file), f.message),
  };
}

function editJson(e: TextEdit, rel: (file: string) => string) {
  return { file: rel(e.file), range: rangeJson(e.range), newText: e.newText };
}

/** With --no-cost the estimate fields are null / empty rather than absent, so the shape never changes. */
function streamJson(s: StreamReport, rel: (file: string) => string, cost: boolean, root: string) {
  return {
    resource: s.resource,
    file: rel(s.file),
    range: rangeJson(s.range),
    instances: s.instances,
    mode: s.mode,
    shardCount: s.shardCount,
    region: s.region,
    retentionHours: s.retentionHours,
    consumers: { standard: boundJson(s.consumers.standard), efo: boundJson(s.consumers.efo) },
    declared: s.declared === null ? null : declaredJson(s.declared),
    loadSource: s.loadSource,
    observed: s.observed === null ? null : observedJson(s.observed, rel),
    requiredShards: s.requiredShards,
    monthlyCostUsd: cost ? moneyJson(s.monthlyCost) : null,
    costComponents: cost ? s.estimate.components.map((c) => ({
      id: c.id,
      label: c.label,
      quantity: cleanOrNull(c.quantity),
      unit: c.unit,
      unitPriceUsd: cleanOrNull(c.unitPriceUsd),
      monthlyUsd: c.monthlyUsd === null ? null : roundUsd(c.monthlyUsd),
    })) : [],
    assumptions: cost ? [...s.estimate.assumptions] : [],
    monthlyCostPerInstanceUsd: cost ? moneyJson(s.monthlyCostPerInstance) : null,
    partial: s.partial,
    unknowns: s.unknowns.map(unknownJson),
    // Only for a region without verified prices: the total at another region's rates, for reference only.
    // The root module that reported it (relative to the working directory, '.' for it): `diff` matches by it.
    root,
    ...(s.atFallbackRates ? { monthlyCostAtFallbackRates: { priceRegion: s.atFallbackRates.priceRegion, usd: moneyJson(s.atFallbackRates.usd) } } : {}),
  };
}

/** A count: a number, `{ "atLeast": n }` when it may be larger, or null. */
export function boundJson(b: Bound) {
  return b === null || typeof b === 'number' ? b : { atLeast: b.atLeast };
}

/** An amount in USD: a number, `{ "atLeast": n }` (a lower bound), or null; rounded like every amount. */
export function moneyJson(b: Bound) {
  return b === null ? null : typeof b === 'number' ? roundUsd(b) : { atLeast: roundUsd(b.atLeast) };
}

function unknownJson(u: UnknownInput) {
  return { what: u.what, why: u.why };
}

export function reportedUnknownJson(u: ReportedUnknown) {
  return { resource: u.resource, what: u.what, why: u.why };
}

// The declared load's known keys first in a fixed order, then anything newer the core adds, sorted.
const DECLARED_ORDER = ['writeMiBPerSec', 'recordsPerSec', 'avgRecordKiB', 'avgUtilization'];

function declaredJson(declared: object): Record<string, unknown> {
  const source = declared as Record<string, unknown>;
  const keys = Object.keys(source).filter((k) => source[k] !== undefined);
  const ordered = [
    ...DECLARED_ORDER.filter((k) => keys.includes(k)),
    ...keys.filter((k) => !DECLARED_ORDER.includes(k)).sort(),
  ];
  return Object.fromEntries(ordered.map((k) => [k, typeof source[k] === 'number' ? cleanNumber(source[k] as number) : source[k]]));
}

/** The snapshot (its file relative) and the stream's statistics, keys in a fixed order. */
function observedJson(o: ObservedStream, rel: (file: string) => string) {
  const m = o.metrics;
  const stats = (x: Stats | undefined) => (x === undefined ? null : { peak: cleanNumber(x.peak), p99: cleanNumber(x.p99), mean: cleanNumber(x.mean) });
  const throttle = (x: ThrottleStats | undefined) => (x === undefined ? null : { ...stats(x), total: cleanNumber(x.total), minutes: x.minutes });
  const byKey = <T>(record: Record<string, T> | undefined, f: (v: T) => unknown) =>
    record === undefined ? null : Object.fromEntries(Object.keys(record).sort().map((k) => [k, f(record[k])]));
  return {
    snapshot: { file: rel(o.snapshot.file), start: o.snapshot.start, end: o.snapshot.end, pulledAt: o.snapshot.pulledAt, ageDays: o.snapshot.ageDays, stale: o.snapshot.stale },
    stream: m.stream,
    region: m.region,
    minutes: m.minutes,
    incomingBytes: stats(m.incomingBytes),
    incomingRecords: stats(m.incomingRecords),
    getRecordsBytes: stats(m.getRecordsBytes),
    writeThrottled: throttle(m.writeThrottled),
    readThrottled: throttle(m.readThrottled),
    efoConsumers: byKey(m.efoConsumers, stats),
    shards: byKey(m.shards, (sh) => ({ incomingBytes: stats(sh.incomingBytes), incomingRecords: stats(sh.incomingRecords) })),
  };
}

export function rangeJson(r: Range) {
  return {
    start: { line: r.start.line, character: r.start.character },
    end: { line: r.end.line, character: r.end.character },
  };
}
