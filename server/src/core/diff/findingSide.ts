// One side of a diff, per finding, with a key that survives edits elsewhere in the file: line numbers move when
// lines are inserted above, and numbers in a message change while the problem stays ("2 shards, load needs 4" →
// "3 shards, load needs 4" is the same undersized stream, not one fixed and one introduced).
import type { Finding, Range, Severity } from '../types';

export interface FindingSide {
  /** Module dir relative to the repo/cwd, as StreamSide.root. */
  root: string;
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  range: Range;
  resource: string | null;
  /** findingKey(): location-independent. */
  key: string;
}

/**
 * rule id + resource address (or, for a finding on no resource, its file) + the message with every number replaced
 * by `#` and the plural `s` after a number dropped ("1 shard"/"2 shards"): no line, no column, no amount.
 */
export function findingKey(ruleId: string, resource: string | null, file: string, message: string): string {
  return [ruleId, resource ?? `file:${file}`, messageShape(message)].join('|');
}

/** "2 shards, load needs 4 (write bytes at 150 %)" → "# shard, load needs # (write bytes at # %)". */
export function messageShape(message: string): string {
  return message.replace(/\d(?:[\d,]*\d)?(?:\.\d+)?/g, '#').replace(/# ([A-Za-z]+?)s\b/g, '# $1');
}

export function findingSide(f: Finding, root: string, relativeFile: (absolute: string) => string = (p) => p): FindingSide {
  const file = relativeFile(f.file);
  return { root, ruleId: f.ruleId, severity: f.severity, message: f.message, file, range: f.range, resource: f.resource, key: findingKey(f.ruleId, f.resource, file, f.message) };
}
