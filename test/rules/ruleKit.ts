// Shared steps of the rule tests: pick one rule's finding, apply its fix and re-analyse, ask terraform fmt.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as path from 'path';
import { analyze, applyEdits, ROOT, type Result } from '../support/analyze';
import type { Finding } from '../../server/src/core/types';

export { analyze, r } from '../support/analyze';

/** The only finding of `ruleId`; fails when there are none or several. */
export function one(res: Result, ruleId: string): Finding {
  const found = res.of(ruleId);
  assert.equal(found.length, 1, `expected one ${ruleId} finding, got ${found.length}: ${found.map((f) => f.message).join(' | ')}`);
  return found[0];
}

/** Lines joined with `eol`, ending with one. */
export function hcl(lines: string[], eol = '\n'): string {
  return lines.join(eol) + eol;
}

export interface FixOutcome {
  /** Every file, with the fix applied to those it edits (keys relative to the test root). */
  files: Record<string, string>;
  /** The analysis of the fixed files. */
  after: Result;
}

/**
 * Apply fix `index` of the only `ruleId` finding, then check what every fix must keep: the finding is gone (so
 * applying again changes nothing), and the files still parse (no syntax-error).
 */
export async function applyFix(files: Record<string, string>, ruleId: string, index = 0): Promise<FixOutcome> {
  const finding = one(await analyze(files), ruleId);
  const fix = finding.fixes[index];
  assert.ok(fix, `${ruleId} offers no fix #${index}`);
  const fixed = { ...files };
  for (const file of new Set(fix.edits.map((e) => e.file))) {
    const rel = path.relative(ROOT, file);
    assert.ok(rel in fixed, `fix edits a file outside the test: ${file}`);
    fixed[rel] = applyEdits(fixed[rel], fix.edits.filter((e) => e.file === file));
  }
  const after = await analyze(fixed);
  assert.deepEqual(after.of('syntax-error').map((f) => f.message), [], 'the fixed file must parse');
  assert.deepEqual(after.of(ruleId).map((f) => f.message), [], 'the fix must remove the finding (and so be idempotent)');
  return { files: fixed, after };
}

let terraform: boolean | undefined;

/** Whether `terraform` is on PATH (the fmt checks need it). */
export function hasTerraform(): boolean {
  terraform ??= spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
  return terraform;
}

/** `terraform fmt -check` on a file's text: true when it would not change it. */
export function fmtClean(text: string): boolean {
  const run = spawnSync('terraform', ['fmt', '-check', '-'], { input: text, encoding: 'utf8' });
  if (run.error) throw run.error;
  return run.status === 0;
}

/**
 * For an `it` that runs terraform fmt: skipped (with the reason in the title) when terraform is absent. Checks that
 * the original is fmt-clean, so the assertion means "the fix keeps a clean file clean".
 */
export function assertFmtKeptClean(ctx: Mocha.Context, before: string, after: string): void {
  if (!hasTerraform()) {
    if (ctx.test) ctx.test.title += ' (skipped: terraform is not on PATH)';
    ctx.skip();
  }
  assert.ok(fmtClean(before), 'the original must be fmt-clean for this check to mean anything');
  assert.ok(fmtClean(after), `terraform fmt would change the fixed file:\n${after}`);
}

/** A `.kinesis-lint.json` with only `rules`. */
export function rulesConfig(rules: Record<string, string>): string {
  return JSON.stringify({ rules });
}

/** The same text in another style: each 2-space indentation level as a tab, CRLF line endings. */
export function crlfTabs(text: string): string {
  return text.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)).replace(/\n/g, '\r\n');
}

/** A fix keeps the file's style: applied to the CRLF + tab version of `before`, it gives that version of `after`. */
export async function assertFixKeepsStyle(ruleId: string, before: string, after: string): Promise<void> {
  assert.equal((await applyFix({ 'main.tf': crlfTabs(before) }, ruleId)).files['main.tf'], crlfTabs(after));
}
