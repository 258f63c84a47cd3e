// A directory analysed on its own (its file opened before its caller's analysis was in, or a caller written later)
// stops being a root once another root reads its Terraform files as a module: otherwise its streams would show twice,
// once per caller and once more as a root with unknown inputs (the core does the same within one run).
import * as path from 'node:path';
import type { AnalysisStore } from './store';

const TERRAFORM_FILE = /\.(tf|tofu)(\.json)?$/;

export function dropCalledRoots(store: AnalysisStore): void {
  const analyses = store.analyses();
  const reads = (a: { dir: string; files: string[] }, root: string) => a.dir !== root && a.files.some((f) => TERRAFORM_FILE.test(f) && path.dirname(f) === root);
  const called = new Set(store.roots().filter((root) => analyses.some((a) => reads(a, root))));
  // Dropped only for a caller that stays a root: directories calling each other (a cycle) all stay.
  for (const root of called) if (analyses.some((a) => !called.has(a.dir) && reads(a, root))) store.delete(root);
}
