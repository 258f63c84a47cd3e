// One Terraform file, parsed twice and joined: the scanner gives exact positions, hcl2json gives values and judges
// syntax. Values are attached to the scanner's blocks only where both agree on the block's names, so a value is
// never shown at the wrong place. When hcl2json rejects the file, each top-level block that no error touches is
// parsed on its own, so one half-typed block does not silence the rest of the file.
import type { Range } from '../types';
import type { LineIndex } from '../text/lineIndex';
import { scan, type ScanResult, type ScannedAttribute, type ScannedBlock, type ScannedBody } from './scanner';
import type { HclDiagnostic } from './hcl2json';
import type { TextParser } from './parseCache';
import { isBlockwise, parseBlocks } from './blockwise';
import { tick } from '../timeSlice';
import { flatten } from '../text/flatten';

export interface HclAttribute {
  name: string;
  file: SourceFile;
  scanned: ScannedAttribute;
  /** hcl2json's value, or undefined when values are not available (syntax error, failed join). */
  json: unknown;
}

export interface HclBlock {
  type: string;
  labels: string[];
  scanned: ScannedBlock;
  file: SourceFile;
  attributes: Map<string, HclAttribute>;
  blocks: HclBlock[];
  /** False when hcl2json gave no values for this block; its attributes then carry only positions. */
  hasValues: boolean;
  /** Blocks of override files merged into this one (model/overrides.ts), in the order they were applied. */
  overriddenBy?: HclBlock[];
}

export interface SourceFile {
  path: string;
  text: string;
  scan: ScanResult;
  lines: LineIndex;
  /** The line ending new text should use: the file's first one. */
  eol: '\n' | '\r\n';
  blocks: HclBlock[];
  /** Top-level arguments (the content of .tfvars files). */
  attributes: Map<string, HclAttribute>;
  syntaxErrors: HclDiagnostic[];
  /** 'json' for Terraform JSON syntax (.tf.json, .tofu.json): no comments, and fixes must keep it valid JSON. */
  syntax?: 'json';
}

export async function parseSourceFile(path: string, text: string, parser: TextParser): Promise<SourceFile> {
  flatten(text);
  await tick();
  const scanned = scan(text);
  await tick();
  const file: SourceFile = {
    path,
    text,
    scan: scanned,
    lines: scanned.lineIndex,
    eol: text[text.indexOf('\n') - 1] === '\r' ? '\r\n' : '\n',
    blocks: [],
    attributes: new Map(),
    syntaxErrors: [],
  };
  if (isBlockwise(scanned, text)) {
    joinBody(file, scanned.body, undefined, file.blocks, file.attributes);
    const { values, ok, diagnostics } = await parseBlocks(text, file.blocks, file.lines, parser);
    file.syntaxErrors = diagnostics;
    for (const [i, block] of file.blocks.entries()) {
      parsedAlone.set(block, ok[i]);
      if (values[i]) applyValues(block, values[i]);
      await tick();
    }
    return file;
  }
  const whole = await parser.parse(text);
  if (whole.ok) {
    joinBody(file, scanned.body, whole.json, file.blocks, file.attributes);
    return file;
  }
  file.syntaxErrors = whole.diagnostics;
  joinBody(file, scanned.body, undefined, file.blocks, file.attributes);
  await Promise.all(file.blocks.map((block) => recoverBlockValues(file, block, parser)));
  return file;
}

/**
 * Top-level blocks of a file judged block by block: whether the block's text parses on its own (its values, if any,
 * came from that parse). An incremental update keeps these blocks' values and verdicts (updateSourceFile.ts).
 */
export const parsedAlone = new WeakMap<HclBlock, boolean>();

/** Parse one top-level block on its own when no syntax error lies inside it. */
export async function recoverBlockValues(file: SourceFile, block: HclBlock, parser: TextParser): Promise<void> {
  const s = block.scanned;
  if (s.closeBrace === null) return;
  const range = file.lines.rangeOf(s.span);
  if (file.syntaxErrors.some((d) => overlaps(d.range, range))) return;
  const alone = await parser.parse(file.text.slice(s.span.start, s.span.end));
  if (alone.ok) applyValues(block, blockJson(alone.json, block));
}

/** Attach a block's values (its hcl2json object) to it and its nested blocks. */
export function applyValues(block: HclBlock, json: unknown): void {
  const values = fillBlock(block, json);
  joinBody(block.file, block.scanned.body, values, block.blocks, block.attributes);
}

/** The object of the `occurrence`-th block with this type and labels in hcl2json's output. */
export function blockJson(json: Record<string, unknown>, block: { type: string; labels: string[] }, occurrence = 0): unknown {
  return dig(json[block.type], block.labels)?.[occurrence];
}

function overlaps(a: Range, b: Range): boolean {
  return !(a.end.line < b.start.line || a.start.line > b.end.line);
}

/** hcl2json nests blocks by type then by each label: {type: {label1: {label2: [obj, ...]}}}. */
export function dig(node: unknown, labels: string[]): unknown[] | undefined {
  let cur = node;
  for (const label of labels) {
    if (!isObject(cur)) return undefined;
    cur = cur[label];
  }
  return Array.isArray(cur) ? cur : undefined;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

interface JoinJob {
  body: ScannedBody;
  json: Record<string, unknown> | undefined;
  blocksOut: HclBlock[];
  attrsOut: Map<string, HclAttribute>;
}

/** Join a body and everything nested in it. A work list, not recursion: pasted or half-typed text can nest blocks
 *  thousands deep, which would overflow the call stack. */
export function joinBody(
  file: SourceFile,
  body: ScannedBody,
  json: Record<string, unknown> | undefined,
  blocksOut: HclBlock[],
  attrsOut: Map<string, HclAttribute>,
): void {
  const work: JoinJob[] = [{ body, json, blocksOut, attrsOut }];
  for (let job = work.pop(); job; job = work.pop()) {
    const seen = new Map<string, number>();
    for (const item of job.body.items) {
      if (item.kind === 'attribute') {
        job.attrsOut.set(item.name, { name: item.name, file, scanned: item, json: job.json?.[item.name] });
        continue;
      }
      const labels = item.labels.map((l) => l.value);
      const key = [item.type, ...labels].join('\u0000');
      const index = seen.get(key) ?? 0;
      seen.set(key, index + 1);
      const block: HclBlock = {
        type: item.type,
        labels,
        scanned: item,
        file,
        attributes: new Map(),
        blocks: [],
        hasValues: false,
      };
      job.blocksOut.push(block);
      const values = fillBlock(block, job.json ? dig(job.json[item.type], labels)?.[index] : undefined);
      work.push({ body: item.body, json: values, blocksOut: block.blocks, attrsOut: block.attributes });
    }
  }
}

/** Reset a block for new values, after checking both parsers saw the same names; returns the values to join. */
function fillBlock(block: HclBlock, json: unknown): Record<string, unknown> | undefined {
  const values = isObject(json) && namesAgree(block.scanned.body, json) ? json : undefined;
  block.hasValues = values !== undefined;
  block.attributes.clear();
  block.blocks.length = 0;
  return values;
}

function namesAgree(body: ScannedBody, json: Record<string, unknown>): boolean {
  const scannedNames = new Set(body.items.map((i) => (i.kind === 'attribute' ? i.name : i.type)));
  const jsonNames = Object.keys(json);
  return jsonNames.length === scannedNames.size && jsonNames.every((n) => scannedNames.has(n));
}
