// From rule reports to findings: severity from the config (or "off"), suppression comments, and one finding per
// place even when a module or a count/for_each makes the same stream several times.
import type { Finding, Location, Severity } from '../types';
import type { RuleSetting } from '../config/config';
import { ruleMeta } from '../rules/registry';
import type { Suppressions } from '../model/suppressions';

export type Draft = Omit<Finding, 'severity'>;

export interface Placed {
  draft: Draft;
  /** Instance address the finding was made for (groups several instances into one finding). */
  instance: string | null;
  /** Extra places where an ignore comment silences it (the resource header). */
  anchors: Location[];
}

export function finalize(
  placed: Placed[],
  rules: Record<string, RuleSetting>,
  suppressions: Suppressions,
): Finding[] {
  const groups = new Map<string, Placed[]>();
  for (const p of placed) {
    const { ruleId, file, range } = p.draft;
    const key = JSON.stringify([ruleId, file, range]);
    const group = groups.get(key);
    if (group) group.push(p);
    else groups.set(key, [p]);
  }
  const out: Finding[] = [];
  for (const group of groups.values()) {
    const [first] = group;
    const { ruleId } = first.draft;
    const setting = rules[ruleId];
    if (setting === 'off') continue;
    const places = [first.draft, ...group.flatMap((p) => p.anchors)].map((l) => ({ file: l.file, line: l.range.start.line }));
    if (suppressions.isSuppressed(ruleId, places)) continue;
    const severity: Severity = setting ?? ruleMeta(ruleId)?.defaultSeverity ?? 'warning';
    out.push({ ...merge(group), severity });
  }
  return out.sort(compareFindings);
}

/** One finding for several instances: the first one's message, naming how many instances it applies to. */
function merge(group: Placed[]): Draft {
  const first = group[0].draft;
  const instances = [...new Set(group.map((p) => p.instance).filter((i): i is string => i !== null))];
  if (instances.length <= 1) return first;
  const sameFixes = group.every((p) => JSON.stringify(p.draft.fixes) === JSON.stringify(first.fixes));
  const shown = instances.slice(0, 3).join(', ') + (instances.length > 3 ? ', …' : '');
  return {
    ...first,
    message: `${first.message} (${instances.length} instances: ${shown})`,
    fixes: sameFixes ? first.fixes : [],
  };
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    a.file.localeCompare(b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
