// Fixes that must not be offered, whatever rule made them:
// - one that edits a module `terraform init` installed (under .terraform/): that code is not the user's, and the
//   next init overwrites it;
// - one that edits a Terraform JSON file unless the edited text is still valid JSON: fixes are written for HCL
//   first (fixes/edits.ts), and one with no JSON form (an annotation comment, an expression that is not a JSON
//   literal) must be absent rather than break the file.
import type { Fix } from '../types';
import type { SourceFile } from '../syntax/sourceFile';
import type { Placed } from './findings';
import { parseJsonTree } from '../json/tree';
import { applyEdits } from '../fixes/applyEdits';
import { isInstalledModuleFile } from '../model/moduleManifest';

export function allowedFixes(fixes: Fix[], files: Map<string, SourceFile>): Fix[] {
  return fixes.filter((fix) =>
    !fix.edits.some((e) => isInstalledModuleFile(e.file)) &&
    (fix.edits.every((e) => files.get(e.file)?.syntax !== 'json') || editsKeepJson(fix, files)));
}

function editsKeepJson(fix: Fix, files: Map<string, SourceFile>): boolean {
  const paths = new Set(fix.edits.map((e) => e.file));
  for (const path of paths) {
    const file = files.get(path);
    if (file?.syntax !== 'json') continue;
    const edits = fix.edits.filter((e) => e.file === path);
    // Overlapping edits cannot be applied together: no fix.
    const spans = edits.map((e) => [file.lines.offsetAt(e.range.start), file.lines.offsetAt(e.range.end)]).sort((a, b) => a[0] - b[0]);
    if (spans.some(([start], i) => i > 0 && start < spans[i - 1][1])) return false;
    const text = applyEdits(file.text, edits);
    try {
      parseJsonTree(text);
    } catch {
      return false;
    }
  }
  return true;
}

/** A Placed with its fixes guarded, once per Placed object when no fix edits a JSON file (the answer then depends on
 *  the edited paths alone); a cached stream result keeps its guarded copy from pass to pass. */
const guardedOf = new WeakMap<Placed, Placed>();

export function guardPlaced(p: Placed, files: Map<string, SourceFile>): Placed {
  const known = guardedOf.get(p);
  if (known) return known;
  const guarded = { ...p, draft: { ...p.draft, fixes: allowedFixes(p.draft.fixes, files) } };
  if (!p.draft.fixes.some((f) => f.edits.some((e) => files.get(e.file)?.syntax === 'json' || e.file.endsWith('.json')))) guardedOf.set(p, guarded);
  return guarded;
}
