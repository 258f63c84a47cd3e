// Which module directories are roots of their own after an incremental analysis, the way a full workspace analysis
// would decide it: a module directory that some analysis reads through its caller is not a root, and one that no
// analysis reads any more (its only call was deleted) is a root again. Found by the LSP fuzz test: deleting the
// `module` block and typing it again left the child's stream unanalysed, or analysed twice.
import * as path from 'node:path';
import type { ModuleAnalysis } from '../core/results';

/** A module's own source; a config or variable file read from another directory does not make it a module call. */
const MODULE_SOURCE = /\.(tf|tofu)(\.json)?$/;

/** Directories whose module sources `analyses` read, each with the roots that read them from outside. */
function readFromOutside(analyses: readonly ModuleAnalysis[]): Map<string, Set<string>> {
  const readers = new Map<string, Set<string>>();
  for (const a of analyses) {
    for (const file of a.files) {
      if (!MODULE_SOURCE.test(file)) continue;
      const dir = path.dirname(file);
      if (dir === a.dir) continue;
      readers.set(dir, (readers.get(dir) ?? new Set()).add(a.dir));
    }
  }
  return readers;
}

/**
 * `drop`: roots another root now reads (and that do not read it back, a cycle keeps both); `analyse`: workspace
 * module directories read through a caller before and by nothing now, to analyse as roots of their own.
 */
export function reconcileRoots(
  before: readonly ModuleAnalysis[], after: readonly ModuleAnalysis[], moduleDirs: readonly string[],
): { drop: string[]; analyse: string[] } {
  const readNow = readFromOutside(after);
  const roots = new Set(after.map((a) => a.dir));
  const drop = [...roots].filter((root) => [...(readNow.get(root) ?? [])].some((reader) => !readNow.get(reader)?.has(root)));
  const analyse = [...readFromOutside(before).keys()].filter((dir) => !readNow.has(dir) && !roots.has(dir) && moduleDirs.includes(dir));
  return { drop, analyse };
}
