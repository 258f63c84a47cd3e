// From rule reports to findings: severity from the config (or "off"), suppression comments, and one finding per
// place even when a module or a count/for_each makes the same stream several times.
import type { Finding, Fix, Location, Severity } from '../types';
import { titleWithDelta } from '../rules/costDelta';
import type { RuleSetting } from '../config/config';
import { ruleMeta } from '../rules/registry';
import type { Suppressions } from '../model/suppressions';
import { formatUsd } from '../pricing/format';
import { tick } from '../timeSlice';

export type Draft = Omit<Finding, 'severity'>;

export interface Placed {
  draft: Draft;
  /** Instance address the finding was made for (groups several instances into one finding). */
  instance: string | null;
  /** Extra places where an ignore comment silences it (the resource header). */
  anchors: Location[];
  /** The amount the message quotes for this instance (rules/rule.ts Report.monthlyUsd). */
  monthlyUsd?: number;
}

/** Work finalize did, for tests (counts, never time): group keys computed, groups merged, Finding objects made. */
export const finalizeStats = { keys: 0, merges: 0, made: 0 };

/** A draft's group key, once per Placed object (cached stream results keep theirs from pass to pass). */
const groupKeys = new WeakMap<Placed, string>();

function groupKey(p: Placed): string {
  let key = groupKeys.get(p);
  if (key === undefined) {
    const { ruleId, file, range } = p.draft;
    key = JSON.stringify([ruleId, file, range]);
    groupKeys.set(p, key);
    finalizeStats.keys++;
  }
  return key;
}

/** A finding made for one Placed alone (most are), once per Placed object. */
const merged = new WeakMap<Placed, Draft>();

function mergeGroup(group: Placed[]): Draft {
  if (group.length > 1) {
    finalizeStats.merges++;
    return merge(group);
  }
  let draft = merged.get(group[0]);
  if (draft === undefined) {
    finalizeStats.merges++;
    merged.set(group[0], (draft = merge(group)));
  }
  return draft;
}

/** Whether an ignore comment silences the group: at the finding's place or at one of its anchors. */
function suppressed(suppressions: Suppressions, ruleId: string, first: Placed, group: Placed[] | undefined): boolean {
  const at = (l: Location) => suppressions.isSuppressedAt(ruleId, l.file, l.range.start.line);
  if (at(first.draft)) return true;
  for (const p of group ?? [first]) for (const a of p.anchors) if (at(a)) return true;
  return false;
}

/** The finding of a one-member group, once per Placed object and severity: a cached stream result's findings are the
 *  same objects from pass to pass (findings are never changed after they are made). */
const findingOfPlaced = new WeakMap<Placed, Finding>();

function findingOf(p: Placed, severity: Severity): Finding {
  let finding = findingOfPlaced.get(p);
  if (finding === undefined || finding.severity !== severity) {
    finding = { ...mergeGroup([p]), severity };
    findingOfPlaced.set(p, finding);
    finalizeStats.made++;
  }
  return finding;
}

export async function finalize(
  placed: Placed[],
  rules: Record<string, RuleSetting>,
  suppressions: Suppressions,
  signal?: AbortSignal,
): Promise<Finding[]> {
  // Most groups have one member: it stands for itself until a second one comes (no array per finding per pass).
  const groups = new Map<string, Placed | Placed[]>();
  for (let i = 0; i < placed.length; i++) {
    if (i % 256 === 0) await tick(signal);
    const p = placed[i];
    const key = groupKey(p);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, p);
    else if (Array.isArray(group)) group.push(p);
    else groups.set(key, [group, p]);
  }
  const out: Finding[] = [];
  let n = 0;
  for (const entry of groups.values()) {
    if (n++ % 256 === 0) await tick(signal);
    const group = Array.isArray(entry) ? entry : undefined;
    const first = group ? group[0] : (entry as Placed);
    const { ruleId } = first.draft;
    const setting = rules[ruleId];
    if (setting === 'off') continue;
    if (suppressed(suppressions, ruleId, first, group)) continue;
    const severity: Severity = setting ?? ruleMeta(ruleId)?.defaultSeverity ?? 'warning';
    if (group) finalizeStats.made++;
    out.push(group ? { ...mergeGroup(group), severity } : findingOf(first, severity));
  }
  await tick(signal);
  return out.sort(compareFindings);
}

/** Instances named in the detail of a merged finding; the rest are counted. */
const MAX_NAMED = 3;

/**
 * One finding for several instances. Rules quote each instance's own amounts. When the messages agree, the message
 * says how many instances and the total of the amounts; when they differ (other amounts, other values), the first
 * one is kept with a count, and the detail gives each instance's message.
 */
function merge(group: Placed[]): Draft {
  const first = group[0].draft;
  const instances = [...new Set(group.map((p) => p.instance).filter((i): i is string => i !== null))];
  if (instances.length === 0) return first;
  // One instance of a count/for_each resource: the message does not name it, the detail does.
  if (instances.length === 1) {
    return instances[0] === first.resource ? first : { ...first, detail: [first.detail, `Instance: ${instances[0]}.`].filter(Boolean).join(' ') };
  }
  const fixes = mergedFixes(group.map((p) => p.draft.fixes));
  const amounts = group.map((p) => p.monthlyUsd);
  const total = amounts.every((a): a is number => a !== undefined) ? amounts.reduce((sum, a) => sum + a, 0) : null;
  const sum = total === null ? '' : `, ${formatUsd(total)}/mo in all`;
  const n = instances.length;
  const distinct = [...new Set(group.map((p) => p.draft.message))];
  const details = [...new Set(group.map((p) => p.draft.detail ?? ''))];
  if (distinct.length === 1 && details.length === 1) {
    const shown = instances.slice(0, MAX_NAMED).join(', ') + (n > MAX_NAMED ? ', …' : '');
    const detail = [first.detail, `Instances: ${shown}.`].filter(Boolean).join(' ');
    return { ...first, message: `${first.message} (${n} instances${sum})`, detail, fixes };
  }
  // Each instance's own words, once per distinct message and detail.
  const seen = new Set<string>();
  const own: string[] = [];
  for (const p of group) {
    const words = [p.draft.message, p.draft.detail].filter(Boolean).join('. ');
    if (seen.has(words)) continue;
    seen.add(words);
    own.push(`${p.instance ?? first.resource}: ${words}`);
  }
  const more = own.length - MAX_NAMED;
  const detail = [...own.slice(0, MAX_NAMED), ...(more > 0 ? [`(${more} more instance${more === 1 ? ' differs' : 's differ'}.)`] : [])].join('\n');
  const differ = distinct.length > 1 ? ', figures differ' : '';
  return { ...first, message: `${first.message} (${n} instances${differ}${sum})`, detail, fixes };
}

/**
 * The instances' fixes when they make the same edits (a literal all of them share), else none. A fix that changes
 * the bill states the change for all of them: the sum when every instance's is known, else no amount.
 */
function mergedFixes(all: Fix[][]): Fix[] {
  const edits = (fixes: Fix[]) => JSON.stringify(fixes.map((f) => [f.delta?.title ?? f.title, f.edits]));
  const [first] = all;
  if (!all.every((fixes) => edits(fixes) === edits(first))) return [];
  return first.map((fix, i) => {
    if (!fix.delta) return fix;
    const amounts = all.map((fixes) => fixes[i].delta?.usd);
    const sum = amounts.every((a): a is number => a !== undefined) ? amounts.reduce((t, a) => t + a, 0) : undefined;
    return { ...fix, title: titleWithDelta(fix.delta.title, sum), delta: { title: fix.delta.title, ...(sum === undefined ? {} : { usd: sum }) } };
  });
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    // Equal strings first: localeCompare is slow, and most findings share their file and rule with a neighbour.
    (a.file === b.file ? 0 : a.file.localeCompare(b.file)) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.ruleId === b.ruleId ? 0 : a.ruleId.localeCompare(b.ruleId))
  );
}
