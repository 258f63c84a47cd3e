// A base revision's analysis (`diff --base`, the editor's kinesisLint.compareTo) reads the Terraform at that revision
// but the configuration of today: the delta must be the Terraform change's, not a price-table update's or a config
// edit's (docs/diff.md). JSON files that are not Terraform or tfvars (.kinesis-lint.json, price tables, the metrics
// snapshot) are read from the disk for both sides, and so is the snapshot's folder (.kinesis-lint/), which the
// snapshot lookup lists: both sides are sized from the same observed traffic.
import { basename, dirname } from 'path';
import { DEFAULT_SNAPSHOT_PATH } from '../core/metrics/snapshot';
import type { Host } from '../core/types';

const SNAPSHOT_DIR = dirname(DEFAULT_SNAPSHOT_PATH);
const TERRAFORM_JSON = /\.(tf|tofu|tfvars)\.json$/;

export function isConfigJson(path: string): boolean {
  const name = basename(path);
  return name.endsWith('.json') && !TERRAFORM_JSON.test(name);
}

export function sameConfigHost(commit: Host, disk: Host): Host {
  const pick = (path: string) => (isConfigJson(path) ? disk : commit);
  return {
    readFile: (path, maxBytes) => pick(path).readFile(path, maxBytes),
    readProblem: (path) => pick(path).readProblem?.(path),
    readDir: (path) => (basename(path) === SNAPSHOT_DIR ? disk : commit).readDir(path),
    ...(commit.realPath ? { realPath: (path: string) => commit.realPath!(path) } : {}),
  };
}
