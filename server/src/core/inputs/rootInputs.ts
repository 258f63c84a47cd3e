// Applies VariableInputs to a root module: the result is the same ModuleSource with `tfvars` holding every
// variable's winning value in Terraform's precedence (see variableInputs.ts), so the model, the fixes' origins and
// the result cache read one map whatever the source. A value with no text of its own (-var, TF_VAR_, a typed value)
// has no `attr`, so no fix ever edits the default or the tfvars entry it overrides.
import type { Host } from '../types';
import type { ConfigProblem } from '../config/config';
import type { TextParser } from '../syntax/parseCache';
import type { SourceFile } from '../syntax/sourceFile';
import type { ModuleSource, TfvarsValue } from '../model/moduleSource';
import { parseExpressionText, parsingMode } from './parseMode';
import { readVarFile } from './varFile';
import { shortText, VariableInputError, type VariableArg, type VariableInputs } from './variableInputs';

export interface AppliedInputs {
  source: ModuleSource;
  /** Var files named by a config file or the editor that cannot be read, at the place that names them. */
  configProblems: ConfigProblem[];
}

// A variable whose `type` cannot be read (a broken block): how Terraform would read a -var text is unknown, so the
// value is too. An unresolvable reference is the model's way of saying so.
const UNKNOWN_JSON = '${unreadable_variable_type}';

export async function applyVariableInputs(root: ModuleSource, inputs: VariableInputs, host: Host, parser: TextParser): Promise<AppliedInputs> {
  const values = new Map<string, TfvarsValue>();
  const declared = (name: string) => root.variables.get(name);
  const fromText = async (name: string, text: string, from: string): Promise<TfvarsValue | undefined> => {
    const variable = declared(name);
    if (!variable) return undefined; // undeclared: TF_VAR_ is ignored, as Terraform does; -var is checked by the caller
    const mode = parsingMode(variable);
    if (mode === 'literal') return { json: text, literalJson: true, from };
    if (mode === undefined) return { json: UNKNOWN_JSON, literalJson: false, from };
    const parsed = await parseExpressionText(name, text, parser);
    if (!parsed.ok) throw new VariableInputError(`invalid value in ${from.replace(/=.*/s, '')}: ${parsed.message}`);
    return { json: parsed.json, literalJson: false, from };
  };

  for (const [name, text] of Object.entries(inputs.env ?? {})) {
    const value = await fromText(name, text, `TF_VAR_${name}=${shortText(text)}`);
    if (value) values.set(name, value);
  }
  for (const [name, value] of root.tfvars) values.set(name, value);

  const files: SourceFile[] = [];
  const jsonFiles: string[] = [];
  const problems = [...root.tfvarsProblems];
  const configProblems: ConfigProblem[] = [];
  for (const arg of inputs.args ?? []) {
    if (arg.kind === 'var') {
      const value = await fromText(arg.name, arg.text, `--var ${arg.name}=${shortText(arg.text)}`);
      if (value) values.set(arg.name, value);
    } else if (arg.kind === 'value') {
      if (declared(arg.name)) values.set(arg.name, { json: arg.json, literalJson: true, from: arg.label });
    } else {
      await applyFile(arg, { values, files, jsonFiles, problems, configProblems }, root, host, parser);
    }
  }
  const known = new Set(root.files.map((f) => f.path));
  const source: ModuleSource = {
    ...root,
    files: [...root.files, ...files.filter((f) => !known.has(f.path))],
    tfvarsJsonFiles: [...new Set([...root.tfvarsJsonFiles, ...jsonFiles])],
    tfvarsProblems: problems,
    tfvars: values,
  };
  return { source, configProblems };
}

interface Collected {
  values: Map<string, TfvarsValue>;
  files: SourceFile[];
  jsonFiles: string[];
  problems: ModuleSource['tfvarsProblems'];
  configProblems: ConfigProblem[];
}

async function applyFile(arg: Extract<VariableArg, { kind: 'file' }>, out: Collected, root: ModuleSource, host: Host, parser: TextParser): Promise<void> {
  const file = await readVarFile(arg.path, arg.label, host, parser);
  if (file.status === 'missing') {
    // The host's reason when it refused the file (too large, outside the workspace folders in an untrusted one).
    const message = `${arg.label}: ${file.problem && !file.problem.endsWith(': ENOENT') ? file.problem : 'the file does not exist or cannot be read'}`;
    if (arg.strict || !arg.named) throw new VariableInputError(message);
    out.configProblems.push({ file: arg.named.file, range: arg.named.range, message: `${message}; its values are not used` });
    return;
  }
  const errors = [...(file.hcl?.syntaxErrors ?? []).map((d) => ({ range: d.range, message: d.detail ? `${d.summary}; ${d.detail}` : d.summary })), ...file.problems];
  if (arg.strict && errors.length > 0) {
    const [first] = errors;
    const { line, character } = first.range.start;
    throw new VariableInputError(`${arg.label.replace(/^\S+ /, '')}:${line + 1}:${character + 1}: ${first.message}`);
  }
  // Outside the CLI a broken file is reported in place (syntax errors by the file's own findings) and the rest used.
  out.problems.push(...file.problems);
  if (file.hcl) out.files.push(file.hcl);
  else out.jsonFiles.push(arg.path);
  // Undeclared names in a file are ignored: Terraform only warns about them (backendrun/unparsed_value.go).
  for (const [name, value] of file.values) if (root.variables.has(name)) out.values.set(name, value);
}
