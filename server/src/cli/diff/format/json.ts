// `diff --format json`: the contract in docs/diff-json.md. Keys are written literally, in a fixed order; an unknown
// value is null, a lower bound {"atLeast": n}, never 0 for unknown.
import type { Driver, FindingSide, StreamDiff, StreamSide } from '../../../core/diff';
import type { Bound } from '../../../core/partial';
import { boundJson, moneyJson, rangeJson } from '../../format/json';
import { cleanOrNull, roundUsd } from '../../format/numbers';
import type { DiffView } from '../diffView';

export function formatDiffJson(view: DiffView): string {
  const { diff, base, tool } = view;
  const status = (s: StreamDiff['status']) => diff.streams.filter((x) => x.status === s).length;
  const output = {
    tool: { name: tool.name, version: tool.version },
    base: base.kind === 'git' ? { kind: 'git', ref: base.ref, commit: base.commit, file: null } : { kind: 'report', ref: null, commit: null, file: base.file },
    summary: {
      monthlyCostBeforeUsd: moneyJson(diff.total.before),
      monthlyCostAfterUsd: moneyJson(diff.total.after),
      deltaUsd: moneyJson(diff.total.delta),
      knownDeltaUsd: roundUsd(diff.total.knownDeltaUsd),
      unknownStreams: diff.total.unknownStreams,
      lowerBoundStreams: diff.total.lowerBoundStreams,
      streams: { added: status('added'), removed: status('removed'), changed: status('changed'), unchanged: status('unchanged') },
      findingsIntroduced: diff.introduced.length,
      findingsFixed: diff.fixed.length,
    },
    streams: diff.streams.map(streamJson),
    findings: { introduced: diff.introduced.map(findingJson), fixed: diff.fixed.map(findingJson) },
    assumptions: diff.assumptions,
  };
  return JSON.stringify(output, null, 2) + '\n';
}

function streamJson(s: StreamDiff) {
  return {
    root: s.root,
    resource: s.address,
    status: s.status,
    deltaUsd: moneyJson(s.delta),
    pricedLines: s.pricedLines ? { deltaUsd: roundUsd(s.pricedLines.deltaUsd), unknownLines: s.pricedLines.unknownLines } : null,
    drivers: s.drivers.map(driverJson),
    before: s.before ? sideJson(s.before) : null,
    after: s.after ? sideJson(s.after) : null,
    findingsIntroduced: s.introduced.map(findingJson),
    findingsFixed: s.fixed.map(findingJson),
  };
}

function sideJson(s: StreamSide) {
  return {
    file: s.file,
    range: s.range ? rangeJson(s.range) : null,
    mode: s.mode,
    shardCount: s.shardCount,
    instances: s.instances,
    retentionHours: s.retentionHours,
    consumers: { standard: boundJson(s.consumers.standard), efo: boundJson(s.consumers.efo) },
    region: s.region,
    monthlyCostUsd: moneyJson(s.monthlyCost),
    partial: s.partial,
    costComponents: (s.components ?? []).map((c) => ({
      id: c.id, label: c.label, quantity: cleanOrNull(c.quantity), unit: c.unit, unitPriceUsd: cleanOrNull(c.unitPriceUsd),
      monthlyUsd: c.monthlyUsd === null ? null : roundUsd(c.monthlyUsd),
    })),
    unknowns: s.unknowns ?? [],
  };
}

function driverJson(d: Driver) {
  return { kind: d.kind, before: driverValueJson(d.before as Bound | string), after: driverValueJson(d.after as Bound | string), text: d.text };
}

function findingJson(f: FindingSide) {
  return { root: f.root, ruleId: f.ruleId, severity: f.severity, message: f.message, file: f.file, range: rangeJson(f.range), resource: f.resource, key: f.key };
}

/** A driver's value: a mode or region (text), a number, a reader count's lower bound, or null (unknown). */
function driverValueJson(b: Bound | string) {
  return typeof b === 'string' ? b : boundJson(b);
}
