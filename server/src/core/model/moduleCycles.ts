// Module calls that would never end: a directory that calls itself, directly, through other modules or through a
// symbolic link (`loop -> .` makes ./loop, ./loop/loop, … the same directory under ever longer paths), and trees
// with more module instances than an analysis expands. Terraform has no such check: `terraform init` on a module
// cycle recurses until the path is too long (hashicorp/terraform#22648, #27159), so kinesis-lint reports the call.
import { MAX_EXPANDED_INSTANCES } from './iterations';
import type { ModuleLoader } from './moduleTree';

/** Why a call past the instance budget is not expanded. */
export const MODULE_LIMIT = `more module instances than kinesis-lint expands (${MAX_EXPANDED_INSTANCES.toLocaleString('en-US')} per analysis)`;

/** The directory with its symbolic links resolved, so two paths to one directory compare equal. */
export async function realDir(loader: ModuleLoader, dir: string): Promise<string> {
  return (await loader.realPath?.(dir)) ?? dir;
}

/** Why a call into a directory that is already one of its callers is not followed. */
export function cycleReason(dir: string, real: string): string {
  const via = dir === real ? '' : ` (${dir} is a link to ${real})`;
  return `module cycle: it calls a module it is already inside${via}; terraform init cannot install it`;
}
