// The Host the base analysis reads through: the module files (.tf, .tfvars, local modules) as committed, and the
// settings the live analysis uses (.kinesis-lint.json, price tables) from disk, so the delta is what the change to
// the Terraform costs, not a change of region or price table.
import type { Host } from '../../core/types';
import { isSettingsJson } from '../watchedFiles';

export function baseHost(tree: Host, disk: Host): Host {
  const fromDisk = new Set<string>();
  return {
    async readFile(file, maxBytes) {
      if (isSettingsJson(file)) {
        fromDisk.add(file);
        return disk.readFile(file, maxBytes);
      }
      return tree.readFile(file, maxBytes);
    },
    readProblem: (file) => (fromDisk.has(file) ? disk.readProblem?.(file) : tree.readProblem?.(file)),
    readDir: (dir) => tree.readDir(dir),
    realPath: tree.realPath && ((p) => tree.realPath!(p)),
  };
}
