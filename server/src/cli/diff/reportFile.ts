// `diff --compare-to FILE`: a report saved by `kinesis-lint --format json` (docs/json-output.md) read back as one
// side of the diff. Everything the diff uses is checked; a file that is not such a report is refused with the first
// thing wrong, by JSON path, so the user can tell a truncated artefact from a foreign file.
import type { DiffSide, FindingSide, SideComponent, StreamSide } from '../../core/diff';
import { findingKey } from '../../core/diff';
import type { Bound } from '../../core/partial';
import type { Range, Severity } from '../../core/types';

export type ReportRead = { ok: true; side: DiffSide } | { ok: false; error: string };

class Invalid extends Error {}

export function readReport(text: string, name: string): ReportRead {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, error: `${name} is not JSON (${(error as Error).message}); --compare-to needs a report saved by 'kinesis-lint --format json'` };
  }
  try {
    const doc = object(json, '');
    const tool = object(doc.tool, 'tool');
    if (tool.name !== 'kinesis-lint') throw new Invalid(`tool.name is ${JSON.stringify(tool.name)}, not "kinesis-lint": not a kinesis-lint report`);
    const streams = array(doc.streams, 'streams').map((s, i) => stream(s, `streams[${i}]`));
    const findings = array(doc.findings, 'findings').map((f, i) => finding(f, `findings[${i}]`));
    return { ok: true, side: { streams, findings } };
  } catch (error) {
    if (!(error instanceof Invalid)) throw error;
    return { ok: false, error: `${name} is not a usable kinesis-lint JSON report: ${error.message}` };
  }
}

function stream(value: unknown, at: string): StreamSide {
  const s = object(value, at);
  const consumers = object(s.consumers, `${at}.consumers`);
  return {
    root: root(s.root, at),
    address: string(s.resource, `${at}.resource`),
    file: string(s.file, `${at}.file`),
    monthlyCost: bound(s.monthlyCostUsd, `${at}.monthlyCostUsd`),
    mode: oneOf(s.mode, ['PROVISIONED', 'ON_DEMAND'], `${at}.mode`),
    shardCount: numberOrNull(s.shardCount, `${at}.shardCount`),
    instances: numberOrNull(s.instances, `${at}.instances`),
    retentionHours: numberOrNull(s.retentionHours, `${at}.retentionHours`),
    consumers: { standard: bound(consumers.standard, `${at}.consumers.standard`), efo: bound(consumers.efo, `${at}.consumers.efo`) },
    region: string(s.region, `${at}.region`),
    partial: boolean(s.partial, `${at}.partial`),
    range: range(s.range, `${at}.range`),
    components: array(s.costComponents, `${at}.costComponents`).map((c, i) => component(c, `${at}.costComponents[${i}]`)),
    assumptions: array(s.assumptions, `${at}.assumptions`).map((a, i) => string(a, `${at}.assumptions[${i}]`)),
    unknowns: array(s.unknowns, `${at}.unknowns`).map((u, i) => {
      const o = object(u, `${at}.unknowns[${i}]`);
      return `${string(o.what, `${at}.unknowns[${i}].what`)}: ${string(o.why, `${at}.unknowns[${i}].why`)}`;
    }),
  };
}

function finding(value: unknown, at: string): FindingSide {
  const f = object(value, at);
  const ruleId = string(f.ruleId, `${at}.ruleId`);
  const file = string(f.file, `${at}.file`);
  const message = string(f.message, `${at}.message`);
  const resource = f.resource === null ? null : string(f.resource, `${at}.resource`);
  return {
    root: root(f.root, at), ruleId, message, file, resource,
    severity: oneOf(f.severity, ['error', 'warning', 'info', 'hint'], `${at}.severity`, false) as Severity,
    range: range(f.range, `${at}.range`),
    // The key is recomputed, not trusted: a report from a version with another key shape still matches.
    key: findingKey(ruleId, resource, file, message),
  };
}

function component(value: unknown, at: string): SideComponent {
  const c = object(value, at);
  return {
    id: string(c.id, `${at}.id`), label: string(c.label, `${at}.label`), unit: string(c.unit, `${at}.unit`),
    quantity: numberOrNull(c.quantity, `${at}.quantity`), unitPriceUsd: numberOrNull(c.unitPriceUsd, `${at}.unitPriceUsd`),
    monthlyUsd: numberOrNull(c.monthlyUsd, `${at}.monthlyUsd`),
  };
}

function root(value: unknown, at: string): string {
  if (value === undefined) throw new Invalid(`${at}.root is missing: the report was written by a kinesis-lint older than 'diff' (re-run --format json with this version)`);
  return string(value, `${at}.root`);
}

function range(value: unknown, at: string): Range {
  const r = object(value, at);
  const pos = (p: unknown, where: string) => {
    const o = object(p, where);
    return { line: count(o.line, `${where}.line`), character: count(o.character, `${where}.character`) };
  };
  return { start: pos(r.start, `${at}.start`), end: pos(r.end, `${at}.end`) };
}

/** A number, {"atLeast": n} or null (docs/json-output.md). */
function bound(value: unknown, at: string): Bound {
  if (value === null || isNumber(value)) return value;
  if (typeof value === 'object' && !Array.isArray(value) && isNumber((value as { atLeast?: unknown }).atLeast) && Object.keys(value).length === 1) {
    return { atLeast: (value as { atLeast: number }).atLeast };
  }
  throw new Invalid(`${at}: expected a number, {"atLeast": n} or null, found ${describe(value)}`);
}

function object(value: unknown, at: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  throw new Invalid(`${at || 'the document'}: expected an object, found ${describe(value)}`);
}

function array(value: unknown, at: string): unknown[] {
  if (Array.isArray(value)) return value;
  throw new Invalid(`${at}: expected an array, found ${describe(value)}`);
}

function string(value: unknown, at: string): string {
  if (typeof value === 'string') return value;
  throw new Invalid(`${at}: expected a string, found ${describe(value)}`);
}

function boolean(value: unknown, at: string): boolean {
  if (typeof value === 'boolean') return value;
  throw new Invalid(`${at}: expected true or false, found ${describe(value)}`);
}

function numberOrNull(value: unknown, at: string): number | null {
  if (value === null || isNumber(value)) return value;
  throw new Invalid(`${at}: expected a number or null, found ${describe(value)}`);
}

function count(value: unknown, at: string): number {
  if (isNumber(value) && Number.isInteger(value) && value >= 0) return value;
  throw new Invalid(`${at}: expected a whole number, found ${describe(value)}`);
}

function oneOf<T extends string>(value: unknown, choices: readonly T[], at: string, nullable = true): T | null {
  if ((nullable && value === null) || (choices as readonly unknown[]).includes(value)) return value as T | null;
  throw new Invalid(`${at}: expected one of ${choices.join(', ')}${nullable ? ' or null' : ''}, found ${describe(value)}`);
}

function isNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}
