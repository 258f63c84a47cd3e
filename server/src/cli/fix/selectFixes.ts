// Which edits one `--fix` pass applies: the first fix of every finding that is not a mere suggestion, skipping
// any fix whose edits touch an edit already accepted in this pass (those wait for the next pass, as in ESLint).
import type { Finding, Fix, Range, TextEdit } from '../../core/types';
import { comparePositions } from '../report';

export interface FixPlan {
  /** Accepted edits per absolute file path, in the order their fixes were accepted. */
  editsByFile: Map<string, TextEdit[]>;
  accepted: Fix[];
  /** Fixes left for the next pass because they overlap an accepted one. */
  deferred: Fix[];
}

/** The fix --fix applies for a finding, if any: its first one that is not `isSuggestion` and edits something. */
export function applicableFix(finding: Finding): Fix | undefined {
  return finding.fixes.find((fix) => !fix.isSuggestion && fix.edits.length > 0);
}

/** Greedy, in finding order (the caller sorts findings by file and position), so the outcome is deterministic. */
export function planFixes(findings: readonly Finding[]): FixPlan {
  const plan: FixPlan = { editsByFile: new Map(), accepted: [], deferred: [] };
  for (const finding of findings) {
    const fix = applicableFix(finding);
    if (!fix || selfOverlapping(fix.edits)) continue; // a fix that contradicts itself can never be applied
    const clashes = fix.edits.some((edit) => (plan.editsByFile.get(edit.file) ?? []).some((other) => touches(edit.range, other.range)));
    if (clashes) {
      plan.deferred.push(fix);
      continue;
    }
    plan.accepted.push(fix);
    for (const edit of fix.edits) plan.editsByFile.set(edit.file, [...(plan.editsByFile.get(edit.file) ?? []), edit]);
  }
  return plan;
}

/**
 * Ranges that overlap or merely meet clash. Meeting is conservative (two insertions at one point have no
 * defined order); re-analysis gives the deferred fix fresh positions in the next pass.
 */
export function touches(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.end) <= 0 && comparePositions(b.start, a.end) <= 0;
}

/** Edits of one fix may meet (insert before and after a value) but must not overlap. */
function selfOverlapping(edits: readonly TextEdit[]): boolean {
  const sorted = [...edits].sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0)
    || comparePositions(x.range.start, y.range.start) || comparePositions(x.range.end, y.range.end));
  return sorted.some((edit, i) => {
    const next = sorted[i + 1];
    return next !== undefined && next.file === edit.file && comparePositions(next.range.start, edit.range.end) < 0;
  });
}
