// The shape of a rule. Stream rules look at one evaluated stream instance; the other rules (syntax-error,
// invalid-annotation, invalid-config) turn a pipeline stage's problems into findings.
import type { Fix, Location, RuleMeta, Severity } from '../types';
import type { StreamFacts } from '../model/streamFacts';
import { REPOSITORY_URL, VERSION } from '../version';

export interface Report {
  /** The fact and its number, one short sentence without the resource address (Finding.message). */
  message: string;
  /** The arithmetic and the advice (Finding.detail). */
  detail?: string;
  at: Location;
  fixes?: Fix[];
  /** The monthly amount (USD, this instance) the message quotes, when known: a finding merged over several
   *  instances adds them up into a total. */
  monthlyUsd?: number;
}

export interface StreamRule {
  meta: RuleMeta;
  check(stream: StreamFacts): Report[];
}

export interface PipelineRule {
  meta: RuleMeta;
}

/** Docs pages are pinned to the release, as tflint does, so a link never describes another version's rule. */
export function docsUrl(id: string): string {
  return `${REPOSITORY_URL}/blob/v${VERSION}/docs/rules/${id}.md`;
}

export function meta(id: string, defaultSeverity: Severity, fixable: boolean, description: string): RuleMeta {
  return { id, defaultSeverity, fixable, description, docsUrl: docsUrl(id) };
}
