// Run the whole core on in-memory files, sharing one warm hcl2json parser across the suite.
import * as path from 'path';
import { Analyzer, type AnalyzeOptions } from '../../server/src/core/analyze';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
import type { Finding, Range } from '../../server/src/core/types';
import type { ModuleAnalysis } from '../../server/src/core/results';
import { memoryHost } from './memoryHost';

let shared: HclParser | undefined;
export function sharedParser(): HclParser {
  shared ??= new HclParser();
  return shared;
}

/** Test files live under this fake root; keys of `files` are paths relative to it. */
export const ROOT = '/ws';

export function abs(rel: string): string {
  return path.join(ROOT, rel);
}

export interface Result {
  analyses: ModuleAnalysis[];
  findings: Finding[];
  streams: ModuleAnalysis['streams'];
  /** Findings of one rule. */
  of(ruleId: string): Finding[];
  text(rel: string): string;
}

/** `links`: symbolic links to directories, relative to the test root (e.g. { loop: '.' }). */
export async function analyze(files: Record<string, string>, options: AnalyzeOptions & { dirs?: string[]; links?: Record<string, string> } = {}): Promise<Result> {
  const absFiles = Object.fromEntries(Object.entries(files).map(([k, v]) => [abs(k), v]));
  const links = Object.fromEntries(Object.entries(options.links ?? {}).map(([k, v]) => [abs(k), abs(v)]));
  const analyzer = new Analyzer(memoryHost(absFiles, [], links), { ...options, parser: sharedParser() });
  const dirs = options.dirs?.map(abs) ?? [ROOT];
  const analyses = await analyzer.analyzeModules(dirs);
  const findings = analyses.flatMap((a) => a.findings);
  return {
    analyses,
    findings,
    streams: analyses.flatMap((a) => a.streams),
    of: (id) => findings.filter((f) => f.ruleId === id),
    text: (rel) => absFiles[abs(rel)],
  };
}

/** Range from 0-based [line, char, line, char]. */
export function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

/** Apply a fix's edits (same file) from the end so earlier offsets stay valid. */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const off = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => off(b.range.start) - off(a.range.start))
    .reduce((t, e) => t.slice(0, off(e.range.start)) + e.newText + t.slice(off(e.range.end)), text);
}
