// `--format sarif`: SARIF 2.1.0 in the subset GitHub code scanning ingests (docs.github.com, "SARIF support for
// code scanning"): every rule carries id, short/full description, help and defaultConfiguration.level; every
// result a ruleId, level, message.text and one physical location with a 1-based region.
import type { Finding, Range, RuleMeta, Severity, TextEdit } from '../../core/types';
import { displayPath, type RunReport } from '../report';
import type { ToolInfo } from '../toolInfo';
import { moneyJson, reportedUnknownJson } from './json';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
/** Base id the relative URIs hang from; GitHub resolves it to the checkout root. */
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'error' | 'warning' | 'note';

// SARIF has no "hint"; "note" is its lowest level that still shows a result.
const LEVEL: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(report: RunReport, tool: ToolInfo, rules: readonly RuleMeta[]): string {
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const uri = (file: string) => displayPath(file, report.cwd);
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: tool.name,
            version: tool.version,
            informationUri: tool.informationUri,
            rules: rules.map(ruleDescriptor),
          },
        },
        // Core ranges count UTF-16 code units, which is also SARIF's default; said explicitly for readers.
        columnKind: 'utf16CodeUnits',
        results: report.findings.map((f) => result(f, ruleIndex.get(f.ruleId), uri)),
        // SARIF has no place for costs: the run's property bag carries the total and what it could not know, as
        // --format json's summary does (null total with --no-cost).
        properties: {
          monthlyCostUsd: report.cost ? moneyJson(report.summary.monthlyCost) : null,
          partial: report.summary.partial,
          unknowns: report.summary.unknowns.map(reportedUnknownJson),
        },
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: RuleMeta) {
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    help: { text: `${rule.description} See ${rule.docsUrl}` },
    helpUri: rule.docsUrl,
    defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
  };
}

function result(f: Finding, index: number | undefined, uri: (file: string) => string) {
  // The fixes --fix would apply; SARIF viewers may offer them. Suggestions are left out as in --fix.
  const fixes = f.fixes.filter((fix) => !fix.isSuggestion && fix.edits.length > 0).map((fix) => ({
    description: { text: fix.title },
    artifactChanges: groupByFile(fix.edits).map(([file, edits]) => ({
      artifactLocation: { uri: uri(file), uriBaseId: SRCROOT },
      replacements: edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
    })),
  }));
  return {
    ruleId: f.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ physicalLocation: { artifactLocation: { uri: uri(f.file), uriBaseId: SRCROOT }, region: region(f.range) } }],
    ...(fixes.length > 0 ? { fixes } : {}),
    // The arithmetic and advice behind the short message (Finding.detail).
    ...(f.detail ? { properties: { detail: f.detail } } : {}),
  };
}

/** LSP's 0-based, end-exclusive range → SARIF's 1-based lines and columns (endColumn is also exclusive). */
export function region(r: Range) {
  return {
    startLine: r.start.line + 1,
    startColumn: r.start.character + 1,
    endLine: r.end.line + 1,
    endColumn: r.end.character + 1,
  };
}

function groupByFile(edits: readonly TextEdit[]): [string, TextEdit[]][] {
  const groups = new Map<string, TextEdit[]>();
  for (const edit of edits) groups.set(edit.file, [...(groups.get(edit.file) ?? []), edit]);
  return Array.from(groups);
}
