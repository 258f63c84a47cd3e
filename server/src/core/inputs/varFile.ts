// One variables file named by -var-file, var_files or kinesisLint.varFiles, read through the Host. Like Terraform
// (internal/command/arguments/vars.go addVarsFromFile): a name ending in .json is JSON (its strings are literals),
// anything else is HCL holding only `name = value` arguments; a block (a `variable "x" {}` put there by mistake) is
// an error.
import type { Host, Range } from '../types';
import type { TextParser } from '../syntax/parseCache';
import { parseSourceFile, type SourceFile } from '../syntax/sourceFile';
import { jsonSyntaxProblem, type TfvarsValue } from '../model/moduleSource';
import { LineIndex } from '../text/lineIndex';

export interface VarFileProblem {
  file: string;
  range: Range;
  message: string;
}

export type VarFile =
  | { status: 'missing'; problem?: string }
  | {
      status: 'read';
      values: Map<string, TfvarsValue>;
      /** The parsed HCL file (its syntax errors become findings); undefined for JSON. */
      hcl?: SourceFile;
      /** Problems that are not HCL syntax errors: invalid JSON, a block in the file. */
      problems: VarFileProblem[];
    };

export async function readVarFile(path: string, from: string, host: Host, parser: TextParser): Promise<VarFile> {
  const text = await host.readFile(path);
  if (text === undefined) return { status: 'missing', problem: host.readProblem?.(path) };
  const values = new Map<string, TfvarsValue>();
  const problems: VarFileProblem[] = [];
  if (path.endsWith('.json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      return { status: 'read', values, problems: [{ file: path, ...jsonSyntaxProblem(text, (e as Error).message) }] };
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      const start = text.length - text.trimStart().length;
      const range = new LineIndex(text).rangeOf({ start, end: text.trimEnd().length });
      return { status: 'read', values, problems: [{ file: path, range, message: 'a variables file in JSON must hold one JSON object' }] };
    }
    for (const [name, value] of Object.entries(json)) values.set(name, { file: path, json: value, literalJson: true, from });
    return { status: 'read', values, problems };
  }
  const hcl = await parseSourceFile(path, text, parser);
  for (const block of hcl.blocks) {
    const range = hcl.lines.rangeOf(block.scanned.typeSpan);
    const what = block.type === 'variable' ? `variable "${block.labels[0] ?? ''}" block` : `${block.type} block`;
    problems.push({ file: path, range, message: `a ${what} does not belong in a variables file, which only assigns values (name = value); declare variables in .tf files` });
  }
  for (const [name, attr] of hcl.attributes) values.set(name, { file: path, attr, json: attr.json, literalJson: false, from });
  return { status: 'read', values, hcl, problems };
}
