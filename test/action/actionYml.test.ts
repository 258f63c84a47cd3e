// action.yml (the composite GitHub Action) read with js-yaml: its structure, what it references, and its verdict
// step's logic run in bash with the outputs the earlier steps can give.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { load } from 'js-yaml';
import { join } from 'path';

const ROOT = join(__dirname, '..', '..');

interface Step { name: string; id?: string; if?: string; uses?: string; run?: string; shell?: string; env?: Record<string, string>; with?: Record<string, string>; 'working-directory'?: string }
interface Action { name: string; description: string; inputs: Record<string, { description: string; default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] } }

const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;
const steps = action.runs.steps;
const step = (name: string) => {
  const found = steps.find((s) => s.name === name);
  assert.ok(found, `step ${name}`);
  return found;
};
const expressions = (value: unknown): string[] => Array.from(JSON.stringify(value).matchAll(/\$\{\{\s*([^}]*?)\s*\}\}/g), (m) => m[1]);

describe('action.yml', () => {
  it('is a composite action with a name, a description and described inputs', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    for (const [name, input] of Object.entries(action.inputs)) assert.ok(input.description, `input ${name} has a description`);
    assert.deepEqual(Object.keys(action.inputs).sort(), [
      'base', 'comment', 'comment-author', 'fail-on', 'fail-on-increase', 'github-token', 'only-new', 'paths', 'sarif', 'working-directory',
    ]);
    assert.equal(action.inputs['github-token'].default, '${{ github.token }}');
    assert.equal(action.inputs['fail-on'].default, 'error');
  });

  it('every run step sets its shell and passes inputs through env, never as ${{ }} inside the script', () => {
    for (const s of steps.filter((x) => x.run !== undefined)) {
      assert.equal(s.shell, 'bash', `${s.name}: shell`);
      assert.doesNotMatch(s.run as string, /\$\{\{/, `${s.name}: no expression inside the script`);
      const syntax = spawnSync('bash', ['-n'], { input: s.run, encoding: 'utf8' });
      assert.equal(syntax.status, 0, `${s.name}: ${syntax.stderr}`);
    }
  });

  it('uses only inputs that exist, uses every input, and reads outputs of steps declared before', () => {
    const used = new Set<string>();
    const ids: string[] = [];
    for (const s of steps) {
      // An `if:` is an expression whether or not it is written in ${{ }}.
      for (const e of [...expressions(s), ...(s.if ? [s.if] : [])]) {
        for (const m of e.matchAll(/inputs\.([\w-]+)/g)) {
          assert.ok(m[1] in action.inputs, `${s.name}: input ${m[1]} exists`);
          used.add(m[1]);
        }
        for (const m of e.matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(ids.includes(m[1]), `${s.name}: step ${m[1]} runs before`);
      }
      if (s.id) ids.push(s.id);
    }
    for (const o of Object.values(action.outputs)) for (const m of o.value.matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(ids.includes(m[1]));
    assert.deepEqual(Object.keys(action.inputs).filter((i) => !used.has(i)), []);
  });

  it('the scripts and files it names under the action path exist', () => {
    const named = steps.flatMap((s) => Object.values({ ...s.env, ...s.with })).flatMap((v) => Array.from(String(v).matchAll(/\$\{\{ github\.action_path \}\}\/(\S+)/g), (m) => m[1]));
    assert.deepEqual(named.filter((p) => p.startsWith('scripts/')).sort(), ['scripts/action/comment.js']);
    for (const path of named.filter((p) => !p.startsWith('server/out/'))) assert.ok(existsSync(join(ROOT, path)), path);
    // The CLI is compiled by the build step (server/out is not committed): it compiles the server project.
    assert.match(step('Build kinesis-lint').run as string, /npm ci .*--ignore-scripts[\s\S]*npx tsc -b server/);
    assert.ok(existsSync(join(ROOT, 'server', 'tsconfig.json')) && existsSync(join(ROOT, 'scripts', 'make-executable.js')));
  });

  it('lints to SARIF, uploads it when asked, fetches the base shallowly, comments, annotates, and decides last', () => {
    assert.deepEqual(steps.map((s) => s.name), [
      'Set up Node.js', 'Build kinesis-lint', 'Lint (SARIF)', 'Upload SARIF to code scanning', 'Fetch the base commit',
      'Cost diff (Markdown)', 'Comment on the pull request', 'Annotations', 'Verdict',
    ]);
    assert.match(step('Lint (SARIF)').run as string, /--format sarif/);
    const upload = step('Upload SARIF to code scanning');
    assert.equal(upload.uses, 'github/codeql-action/upload-sarif@v3');
    assert.match(upload.if as string, /^inputs\.sarif == 'true' && \(github\.event\.pull_request\.head\.repo\.full_name == github\.repository \|\| /, 'not on a fork\'s pull request');
    assert.match(step('Fetch the base commit').run as string, /git fetch --no-tags --depth=1 origin "\$base"/);
    assert.equal(step('Fetch the base commit').env?.PR_BASE_SHA, '${{ github.event.pull_request.base.sha }}');
    assert.match(step('Cost diff (Markdown)').run as string, /diff --base "\$BASE_SHA" --format markdown/);
    assert.match(step('Comment on the pull request').if as string, /inputs\.comment == 'true'/);
    assert.match(step('Annotations').run as string, /--format github/);
  });

  describe('the verdict step', () => {
    const verdict = (env: Record<string, string>) => {
      const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step('Verdict').run as string], {
        env: { PATH: process.env.PATH ?? '', FAIL_ON: 'error', ONLY_NEW: 'false', LINT_RC: '0', DIFF_RC: '', ...env }, encoding: 'utf8',
      });
      return { code: r.status, out: r.stdout };
    };

    it('passes when neither the lint nor the diff fails', () => {
      assert.equal(verdict({}).code, 0);
      assert.equal(verdict({ DIFF_RC: '0' }).code, 0);
    });

    it('fails for findings in the tree, unless only-new is set on a pull request', () => {
      assert.equal(verdict({ LINT_RC: '1' }).code, 1);
      assert.match(verdict({ LINT_RC: '1' }).out, /^::error::kinesis-lint: findings at or above 'error'/m);
      assert.equal(verdict({ LINT_RC: '1', DIFF_RC: '0' }).code, 1);
      assert.equal(verdict({ LINT_RC: '1', DIFF_RC: '0', ONLY_NEW: 'true' }).code, 0);
      assert.equal(verdict({ LINT_RC: '1', ONLY_NEW: 'true' }).code, 1, 'no diff (not a pull request): the tree decides');
    });

    it('fails when the diff does (new findings, or a cost increase over fail-on-increase)', () => {
      assert.equal(verdict({ DIFF_RC: '1', ONLY_NEW: 'true' }).code, 1);
      assert.match(verdict({ DIFF_RC: '1' }).out, /^::error::kinesis-lint: the change adds findings/m);
    });
  });
});
