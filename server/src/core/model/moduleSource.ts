// A Terraform module as written: the .tf files of one directory and, for a root module, its variable files.
// Nothing is evaluated here; instances (moduleInstance.ts) evaluate with their inputs.
import type { Host, Range } from '../types';
import type { TextParser } from '../syntax/parseCache';
import type { HclAttribute, HclBlock, SourceFile } from '../syntax/sourceFile';
import { isConsumed, reparseSourceFile } from '../syntax/updateSourceFile';
import { isParserFailure } from '../syntax/hcl2json/failureDiagnostics';
import { parseJsonDocument } from '../json/positions';
import { LineIndex } from '../text/lineIndex';
import { joinPath } from './paths';
import { configFileNames } from './configFiles';
import { applyOverrideFile } from './overrides';
import { parseJsonSourceFile } from '../syntax/terraformJson';

/** One value assigned to a variable by a .tfvars / .tfvars.json file. */
export interface TfvarsValue {
  /** The file the value is written in; absent for a value from -var, TF_VAR_ or a plan. */
  file?: string;
  /** Present for HCL .tfvars (positions known); a .tfvars.json value has only `json`. */
  attr?: HclAttribute;
  json: unknown;
  /** True for .tfvars.json, whose strings are literals, not templates. */
  literalJson: boolean;
  /** Where the value came from when that is not a variable file of the module ("--var shards=2"): findings say it. */
  from?: string;
}

export interface ModuleSource {
  dir: string;
  files: SourceFile[];
  /** Problems reading variable files that are not HCL syntax errors (bad JSON), at the offending token. */
  tfvarsProblems: { file: string; range: Range; message: string }[];
  /** The .tfvars.json files read (HCL files are in `files`). */
  tfvarsJsonFiles: string[];
  variables: Map<string, HclBlock>;
  /** Effective value per variable from variable files, after Terraform's precedence. */
  tfvars: Map<string, TfvarsValue>;
  locals: Map<string, HclAttribute>;
  outputs: Map<string, HclBlock>;
  providers: HclBlock[];
  moduleCalls: HclBlock[];
  resources: HclBlock[];
}

/**
 * Terraform's order for variable files, later wins: terraform.tfvars, terraform.tfvars.json, then *.auto.tfvars and
 * *.auto.tfvars.json in lexical order of their names (developer docs, "Variable Definition Precedence").
 */
export function tfvarsOrder(names: string[]): string[] {
  const auto = names.filter((n) => /\.auto\.tfvars(\.json)?$/.test(n)).sort();
  const fixed = ['terraform.tfvars', 'terraform.tfvars.json'].filter((n) => names.includes(n));
  return [...fixed, ...auto];
}

/** A module with no files (also what a plan's resources stand in when no configuration directory declares them). */
export function emptyModuleSource(dir: string): ModuleSource {
  return {
    dir,
    files: [],
    tfvarsProblems: [],
    tfvarsJsonFiles: [],
    variables: new Map(),
    tfvars: new Map(),
    locals: new Map(),
    outputs: new Map(),
    providers: [],
    moduleCalls: [],
    resources: [],
  };
}

const FILE_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export async function loadModuleSource(
  dir: string,
  host: Host,
  parser: TextParser,
  options: { withTfvars: boolean; files?: Map<string, SourceFile> },
): Promise<ModuleSource | undefined> {
  const entries = await host.readDir(dir);
  if (!entries) return undefined;
  const names = entries.filter((e) => !e.isDirectory).map((e) => e.name);
  const config = configFileNames(names);
  const tfNames = [...config.primary, ...config.override];
  const varNames = options.withTfvars ? tfvarsOrder(names) : [];
  const module = emptyModuleSource(dir);
  const parsed = await Promise.all(
    [...tfNames, ...varNames.filter((n) => !n.endsWith('.json'))].map(async (name) => {
      const path = joinPath(dir, name);
      const text = await host.readFile(path);
      if (text === undefined) {
        // Listed but unreadable (dangling or looping link, FIFO, too large, no permission): said at the file.
        const problem = host.readProblem?.(path);
        if (problem) module.tfvarsProblems.push({ file: path, range: FILE_START, message: problem });
        return undefined;
      }
      // A file whose text did not change since the last analysis is not scanned or parsed again; an edited one is
      // re-parsed only where the edit touched it (the previous SourceFile is consumed by that update).
      const known = options.files?.get(path);
      if (known && known.text === text && !isConsumed(known)) return known;
      const file = name.endsWith('.json') ? parseJsonSourceFile(path, text) : await reparseSourceFile(path, text, parser, known);
      // A crash or time-out of the parser says nothing about the text: parse it again next time.
      if (!file.syntaxErrors.some(isParserFailure)) options.files?.set(path, file);
      else if (known && isConsumed(known)) options.files?.delete(path);
      return file;
    }),
  );
  const byPath = new Map<string, SourceFile>();
  for (const file of parsed) if (file) byPath.set(file.path, file);
  for (const name of tfNames) {
    const file = byPath.get(joinPath(dir, name));
    if (!file) continue;
    module.files.push(file);
    if (config.override.includes(name)) applyOverrideFile(module, file);
    else collectBlocks(module, file);
  }
  for (const name of varNames) {
    const path = joinPath(dir, name);
    if (name.endsWith('.json')) await readJsonTfvars(module, path, host);
    else {
      const file = byPath.get(path);
      if (!file) continue;
      module.files.push(file);
      for (const [key, attr] of file.attributes) {
        module.tfvars.set(key, { file: path, attr, json: attr.json, literalJson: false });
      }
    }
  }
  return module;
}

async function readJsonTfvars(module: ModuleSource, path: string, host: Host): Promise<void> {
  const text = await host.readFile(path);
  if (text === undefined) {
    const problem = host.readProblem?.(path);
    if (problem) module.tfvarsProblems.push({ file: path, range: FILE_START, message: problem });
    return;
  }
  module.tfvarsJsonFiles.push(path);
  let json: unknown;
  try {
    // JSON.parse for the values: unlike the positioned parser it takes any nesting depth.
    json = JSON.parse(text);
  } catch (e) {
    module.tfvarsProblems.push({ file: path, ...jsonSyntaxProblem(text, (e as Error).message) });
    return;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const value = text.trim();
    const range = new LineIndex(text).rangeOf({ start: text.indexOf(value), end: text.indexOf(value) + value.length });
    module.tfvarsProblems.push({ file: path, range, message: 'a .tfvars.json file must hold one JSON object' });
    return;
  }
  for (const [key, value] of Object.entries(json)) {
    module.tfvars.set(key, { file: path, json: value, literalJson: true });
  }
}

/** Where invalid JSON breaks, from the positioned parser; the start of the file if even that cannot say. */
export function jsonSyntaxProblem(text: string, fallbackMessage: string): { range: Range; message: string } {
  try {
    const parsed = parseJsonDocument(text);
    if (!parsed.ok) return { range: parsed.range, message: `invalid JSON: ${parsed.message}` };
  } catch {
    // The positioned parser recurses: nesting thousands deep overflows its stack.
  }
  const start = { line: 0, character: 0 };
  return { range: { start, end: start }, message: `invalid JSON: ${fallbackMessage}` };
}

function collectBlocks(module: ModuleSource, file: SourceFile): void {
  for (const block of file.blocks) {
    const [first] = block.labels;
    switch (block.type) {
      case 'variable':
        if (first !== undefined && !module.variables.has(first)) module.variables.set(first, block);
        break;
      case 'locals':
        for (const [name, attr] of block.attributes) if (!module.locals.has(name)) module.locals.set(name, attr);
        break;
      case 'output':
        if (first !== undefined) module.outputs.set(first, block);
        break;
      case 'provider':
        module.providers.push(block);
        break;
      case 'module':
        if (first !== undefined) module.moduleCalls.push(block);
        break;
      case 'resource':
        if (block.labels.length === 2) module.resources.push(block);
        break;
    }
  }
}
