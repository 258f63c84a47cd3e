import type { Finding } from '../types';
import type { PipelineRule } from './rule';
import { meta } from './rule';
import type { UnresolvedCall } from '../model/moduleTree';
import { locationOf } from '../model/streamFacts';

export const rule: PipelineRule = {
  meta: meta('module-not-analysed', 'warning', false, 'A module call whose code cannot be read (a registry, git or other remote source before terraform init): its streams are not analysed.'),
};

const KIND_NAMES: Record<UnresolvedCall['kind'], string> = {
  local: 'local', registry: 'registry', git: 'git', mercurial: 'Mercurial', http: 'HTTP', s3: 'S3', gcs: 'GCS', remote: 'remote',
  expression: 'computed',
};

/** Why the run's figures miss this module, for the list of unknown inputs: "registry source not read: run terraform init". */
export function notAnalysedReason(u: UnresolvedCall): string {
  return `${KIND_NAMES[u.kind]} source not read: ${u.reason}`;
}

/** One finding per call, on its `source` argument. */
export function moduleNotAnalysedFinding(u: UnresolvedCall): Omit<Finding, 'severity'> | undefined {
  const source = u.call.attributes.get('source');
  if (!source) return undefined;
  return {
    ruleId: rule.meta.id,
    message: short(`Module not analysed (${KIND_NAMES[u.kind]} source): `, u.reason),
    detail: `${u.address}: ${u.reason}.`,
    ...locationOf(source),
    resource: null,
    fixes: [],
  };
}

/** A message over this many characters keeps only what to do; the detail has the whole reason. */
const MAX_MESSAGE = 90;

function short(head: string, reason: string): string {
  return head.length + reason.length <= MAX_MESSAGE ? head + reason : head + action(reason);
}

/**
 * What to do, or the cause in a few words, from a long reason: "run terraform init" (from "it is not in
 * .terraform/modules/modules.json: run terraform init"), "module cycle", "outside the workspace folders (untrusted
 * workspace)"; the detail keeps the whole reason with its paths.
 */
function action(reason: string): string {
  if (reason.startsWith('module cycle')) return 'module cycle';
  if (reason.includes('in an untrusted workspace')) return 'outside the workspace folders (untrusted workspace)';
  if (reason.startsWith('more module instances')) return 'more module instances than kinesis-lint expands';
  const at = reason.lastIndexOf(': ');
  const last = at < 0 ? reason : reason.slice(at + 2);
  return last.startsWith('run ') ? last : 'its code cannot be read';
}
