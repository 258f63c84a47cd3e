// Runs a composite action's steps (action.yml) locally the way the GitHub Actions runner does, for tests: `if:`
// evaluated with the small expression subset action.yml uses, `${{ }}` substituted in env/with/working-directory,
// `run:` scripts run by bash as `shell: bash` means on the runner (`bash --noprofile --norc -eo pipefail {0}`:
// https://docs.github.com/en/actions/writing-workflows/workflow-syntax-for-github-actions#jobsjob_idstepsshell,
// the table of shell keywords), GITHUB_OUTPUT/GITHUB_ENV
// files parsed into steps.<id>.outputs and the next steps' environment (docs.github.com "Workflow commands":
// `name=value` and `name<<DELIMITER`). `uses:` steps are recorded, not run. A step fails → the later steps are
// skipped (every `if:` here carries the implicit success()).
import { spawn } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { load } from 'js-yaml';
import { join, resolve } from 'path';

export interface ActionStep {
  name: string; id?: string; if?: string; uses?: string; run?: string; shell?: string;
  env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string;
}
export interface ActionFile { inputs: Record<string, { default?: string }>; runs: { using: string; steps: ActionStep[] } }

type Value = string | number | boolean | null | Record<string, unknown> | unknown[];
export interface Contexts { inputs: Record<string, string>; github: Record<string, unknown>; steps: Record<string, { outputs: Record<string, string> }> }

export interface StepResult {
  name: string;
  /** ran: a run step that ran; uses: a uses step that would run (recorded); skipped: its `if:` was false or an
   *  earlier step failed; omitted: left out by the test (`omit`). */
  status: 'ran' | 'uses' | 'skipped' | 'omitted';
  exitCode?: number; stdout?: string; stderr?: string;
  with?: Record<string, string>; outputs?: Record<string, string>; summary?: string;
}

// ---- expressions ----------------------------------------------------------------------------------------------

type Token = { kind: 'op'; op: string } | { kind: 'str'; value: string } | { kind: 'path'; path: string[] };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(==|!=|&&|\|\||\(|\))|'((?:[^']|'')*)'|([A-Za-z_][\w-]*(?:\.[A-Za-z_][\w-]*)*))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new Error(`expression: unsupported construct at '${text.slice(at)}' in '${text}'`);
    at = re.lastIndex;
    if (m[1]) tokens.push({ kind: 'op', op: m[1] });
    else if (m[2] !== undefined) tokens.push({ kind: 'str', value: m[2].replace(/''/g, "'") });
    else tokens.push({ kind: 'path', path: m[3].split('.') });
  }
  return tokens;
}

/** GitHub's loose equality: same types compare directly (strings ignoring case), else both are coerced to numbers
 *  (null → 0, '' → 0, 'abc' → NaN) — docs.github.com "Evaluate expressions", Operators. */
function equal(a: Value, b: Value): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  if (typeof a === typeof b && a !== null && b !== null && typeof a !== 'object') return a === b;
  const num = (v: Value): number => (v === null ? 0 : typeof v === 'boolean' ? Number(v) : typeof v === 'number' ? v : typeof v === 'string' ? (v.trim() === '' ? 0 : Number(v)) : NaN);
  if ((a === null && b === null)) return true;
  return num(a) === num(b);
}

const truthy = (v: Value): boolean => !(v === false || v === null || v === '' || v === 0 || (typeof v === 'number' && Number.isNaN(v)));

export function evaluate(text: string, ctx: Contexts): Value {
  const tokens = tokenize(text);
  let i = 0;
  const peekOp = (op: string) => tokens[i]?.kind === 'op' && (tokens[i] as { op: string }).op === op;
  const or = (): Value => { let v = and(); while (peekOp('||')) { i++; const r = and(); v = truthy(v) ? v : r; } return v; };
  const and = (): Value => { let v = cmp(); while (peekOp('&&')) { i++; const r = cmp(); v = truthy(v) ? r : v; } return v; };
  const cmp = (): Value => {
    const v = primary();
    if (peekOp('==') || peekOp('!=')) {
      const negate = peekOp('!='); i++;
      const eq = equal(v, primary());
      return negate ? !eq : eq;
    }
    return v;
  };
  const primary = (): Value => {
    const t = tokens[i++];
    if (!t) throw new Error(`expression: unexpected end of '${text}'`);
    if (t.kind === 'str') return t.value;
    if (t.kind === 'path') return lookup(t.path, ctx, text);
    if (t.op === '(') { const v = or(); if (!peekOp(')')) throw new Error(`expression: missing ')' in '${text}'`); i++; return v; }
    throw new Error(`expression: unexpected '${t.op}' in '${text}'`);
  };
  const value = or();
  if (i !== tokens.length) throw new Error(`expression: unsupported construct in '${text}'`);
  return value;
}

function lookup(path: string[], ctx: Contexts, text: string): Value {
  const [root, ...rest] = path;
  if (root !== 'inputs' && root !== 'github' && root !== 'steps') throw new Error(`expression: unsupported context '${root}' in '${text}'`);
  if (root === 'steps' && rest[1] !== 'outputs') throw new Error(`expression: only steps.<id>.outputs.<name> is supported ('${text}')`);
  let v: unknown = ctx[root];
  for (const key of rest) v = v !== null && typeof v === 'object' && key in (v as object) ? (v as Record<string, unknown>)[key] : null;
  return (v ?? null) as Value;
}

/** `${{ expr }}` inside a string, each replaced by its value as a string (null → ''). */
export function substitute(text: string, ctx: Contexts): string {
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => {
    const v = evaluate(e, ctx);
    return v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  });
}

// ---- files the runner gives a step ------------------------------------------------------------------------------

/** GITHUB_OUTPUT / GITHUB_ENV: `name=value` lines and `name<<DELIM` … `DELIM` blocks. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      if (end < 0) throw new Error(`command file: no closing delimiter '${heredoc[2]}'`);
      out[heredoc[1]] = lines.slice(i + 1, end).join('\n');
      i = end;
      continue;
    }
    const eq = line.indexOf('=');
    if (eq <= 0) throw new Error(`command file: malformed line '${line}'`);
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

function bash(script: string, cwd: string, env: Record<string, string>, dir: string): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const file = join(dir, `step-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  return new Promise((done, fail) => {
    // Asynchronous: the test's loopback API server answers in this same process.
    const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
    child.on('error', fail);
    child.on('close', (code) => { clearTimeout(timer); done({ exitCode: code ?? -1, stdout, stderr }); });
  });
}

// ---- the run -----------------------------------------------------------------------------------------------------

export interface RunOptions {
  actionFile: string;
  /** with: of the calling workflow step; unset inputs take their defaults (evaluated). */
  with: Record<string, string>;
  /** github context (event, repository, action_path, token, …). */
  github: Record<string, unknown>;
  /** Runner environment (GITHUB_*, RUNNER_TEMP, PATH, …) given to every run step. */
  env: Record<string, string>;
  workspace: string;
  runnerTemp: string;
  /** Step names not run, each with the reason. */
  omit: Record<string, string>;
}

export async function runComposite(o: RunOptions): Promise<{ steps: StepResult[]; contexts: Contexts; summary: string }> {
  const action = load(readFileSync(o.actionFile, 'utf8')) as ActionFile;
  if (action.runs.using !== 'composite') throw new Error('not a composite action');
  const ctx: Contexts = { inputs: {}, github: o.github, steps: {} };
  for (const [name, input] of Object.entries(action.inputs)) ctx.inputs[name] = o.with[name] ?? substitute(input.default ?? '', ctx);
  for (const name of Object.keys(o.with)) if (!(name in action.inputs)) throw new Error(`unknown input ${name}`);
  const scratch = mkdtempSync(join(o.runnerTemp, 'runner-'));
  const results: StepResult[] = [];
  let extraEnv: Record<string, string> = {};
  let failed = false;
  let summary = '';
  for (const [n, step] of action.runs.steps.entries()) {
    if (step.run !== undefined && step.run.includes('${{')) throw new Error(`${step.name}: an expression inside run:`);
    if (failed || (step.if !== undefined && !truthy(evaluate(step.if.replace(/^\s*\$\{\{(.*)\}\}\s*$/, '$1'), ctx)))) {
      results.push({ name: step.name, status: 'skipped' });
      continue;
    }
    if (step.name in o.omit) { results.push({ name: step.name, status: 'omitted' }); continue; }
    const withs = Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
    if (step.uses) { results.push({ name: step.name, status: 'uses', with: withs }); continue; }
    if (step.shell !== 'bash') throw new Error(`${step.name}: shell '${step.shell}' not supported`);
    const files = { GITHUB_OUTPUT: join(scratch, `output-${n}`), GITHUB_ENV: join(scratch, `env-${n}`), GITHUB_PATH: join(scratch, `path-${n}`), GITHUB_STEP_SUMMARY: join(scratch, `summary-${n}`) };
    for (const f of Object.values(files)) writeFileSync(f, '');
    const stepEnv = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, substitute(String(v), ctx)]));
    const cwd = resolve(o.workspace, substitute(step['working-directory'] ?? '.', ctx));
    const r = await bash(step.run ?? '', cwd, { ...o.env, RUNNER_TEMP: o.runnerTemp, GITHUB_WORKSPACE: o.workspace, ...extraEnv, ...files, ...stepEnv }, scratch);
    const outputs = parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
    const stepSummary = readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8');
    summary += stepSummary;
    extraEnv = { ...extraEnv, ...parseCommandFile(readFileSync(files.GITHUB_ENV, 'utf8')) };
    if (step.id) ctx.steps[step.id] = { outputs };
    results.push({ name: step.name, status: 'ran', ...r, outputs, summary: stepSummary });
    failed = r.exitCode !== 0;
  }
  return { steps: results, contexts: ctx, summary };
}
