// The plan front end: the same analysis as for the source (analyzeRoot), with the stream instances, their values and
// their readers taken from a Terraform plan. Findings are placed in the configuration directory when it is given and
// declares the resource, else in the plan file; fixes are offered only on the source (never on the plan file).
import { ANNOTATION_ADVICE } from '../rules/throughput-undeclared';
import type { Finding } from '../types';
import type { LoadedConfig } from '../config/config';
import type { ModuleAnalysis } from '../results';
import { emptyModuleSource, type ModuleSource } from '../model/moduleSource';
import type { ModuleLoader } from '../model/moduleTree';
import { analyzeRoot, type RootOptions, type StreamFrontEnd } from '../pipeline/analyzeRoot';
import type { PlanFile } from './planFile';
import { PlanModel } from './planModel';
import { planStreams } from './planStreams';
import { planConsumers } from './planConsumers';
import { baseName } from '../model/paths';

export async function analyzePlanRoot(
  plan: PlanFile,
  root: ModuleSource,
  loader: ModuleLoader,
  loaded: LoadedConfig,
  options: RootOptions,
): Promise<ModuleAnalysis> {
  let model: PlanModel | undefined;
  const front: StreamFrontEnd = {
    streams: (modules, fromSource) => planStreams((model ??= new PlanModel(plan, modules)), fromSource, emptyModuleSource(root.dir)),
    consumers: (modules, streams) => planConsumers((model ??= new PlanModel(plan, modules)), streams),
  };
  const analysis = await analyzeRoot(root, loader, loaded, { ...options, cache: undefined, streams: front });
  const notes = [provenanceNote(plan), ...incompleteNote(plan)];
  for (const stream of analysis.streams) stream.estimate.assumptions.push(...notes);
  return {
    ...analysis,
    files: [...analysis.files, plan.path],
    findings: analysis.findings.map((f) => withoutPlanFixes(f, plan.path)),
  };
}

function provenanceNote(plan: PlanFile): string {
  return `Values resolved by the Terraform plan ${baseName(plan.path)}${plan.terraformVersion ? ` (Terraform ${plan.terraformVersion})` : ''}.`;
}

/** A plan with deferred changes (complete: false) or one Terraform stopped (errored: true) lacks some instances. */
function incompleteNote(plan: PlanFile): string[] {
  if (plan.json.errored === true) return ['The plan errored: Terraform stopped planning, so streams and readers may be missing from it.'];
  if (plan.json.complete === false) return ['The plan is incomplete: Terraform deferred some changes, and what it deferred is not analysed.'];
  return [];
}


/** A fix edits the configuration; the plan file is Terraform's output, never edited. */
function withoutPlanFixes(finding: Finding, planPath: string): Finding {
  if (finding.file === planPath) {
    // throughput-undeclared's advice, a comment above the block, cannot be followed in a plan file.
    const detail = finding.ruleId === 'throughput-undeclared' && finding.resource && finding.detail
      ? finding.detail.replace(ANNOTATION_ADVICE, `Declare it in .kinesis-lint.json under "streams" → "${finding.resource}".`)
      : finding.detail;
    return { ...finding, ...(detail ? { detail } : {}), fixes: [] };
  }
  const fixes = finding.fixes.filter((fix) => fix.edits.every((e) => e.file !== planPath));
  return fixes.length === finding.fixes.length ? finding : { ...finding, fixes };
}
