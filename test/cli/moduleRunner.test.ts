// runModules (cli/parallel/moduleRunner.ts): the root modules chosen from plans made in several places (worker
// shares, the cache) are the ones Analyzer.analyzeModules chooses, and only what is not known is planned or analysed.
import { strict as assert } from 'assert';
import { runModules, type KnownModule, type ModuleRunner, type PlannedRoot } from '../../server/src/cli/parallel/moduleRunner';
import { VariableInputError } from '../../server/src/core/inputs/variableInputs';
import type { ModuleAnalysis } from '../../server/src/core/results';

function fakeRunner(plans: PlannedRoot[]) {
  const calls = { planned: [] as string[][], analysed: [] as { dirs: string[]; declaredProblem?: string }[] };
  const runner: ModuleRunner = {
    async plan(dirs) {
      calls.planned.push(dirs);
      return plans.filter((p) => dirs.includes(p.dir));
    },
    async analyze(dirs, declaredProblem) {
      calls.analysed.push({ dirs, ...(declaredProblem !== undefined ? { declaredProblem } : {}) });
      return dirs.map((dir) => analysis(dir));
    },
    dispose: async () => undefined,
  };
  return { runner, calls };
}

const analysis = (dir: string): ModuleAnalysis => ({ dir, files: [`${dir}/main.tf`], findings: [], streams: [] });
const root = (dir: string, calls: string[] = [], variables: string[] = []): PlannedRoot => ({ dir, calls, variables });

describe('runModules: roots chosen over every plan', () => {
  it('a directory another one calls is analysed only through its caller; results in directory order', async () => {
    const { runner, calls } = fakeRunner([root('/a', ['/b']), root('/b'), root('/c')]);
    const run = await runModules(runner, ['/a', '/b', '/c', '/unreadable'], undefined);
    assert.deepEqual(run.analyses.map((a) => a.dir), ['/a', '/c']);
    assert.deepEqual(calls.analysed, [{ dirs: ['/a', '/c'] }]);
    assert.deepEqual([...run.planned.keys()].sort(), ['/a', '/b', '/c']);
  });

  it('when every directory is called (a cycle), all of them are analysed', async () => {
    const { runner } = fakeRunner([root('/a', ['/b']), root('/b', ['/a'])]);
    assert.deepEqual((await runModules(runner, ['/a', '/b'], undefined)).analyses.map((a) => a.dir), ['/a', '/b']);
  });

  it('known directories are neither planned nor analysed again; a known plan still decides the roots', async () => {
    const { runner, calls } = fakeRunner([root('/c')]);
    const known = new Map<string, KnownModule>([
      ['/a', { planned: root('/a', ['/b']), analysis: { ...analysis('/a'), files: ['cached'] } }],
      ['/b', { planned: root('/b') }],
    ]);
    const run = await runModules(runner, ['/a', '/b', '/c'], undefined, known);
    assert.deepEqual(calls.planned, [['/c']]);
    assert.deepEqual(calls.analysed, [{ dirs: ['/c'] }]);
    assert.deepEqual(run.analyses.map((a) => [a.dir, a.files[0]]), [['/a', 'cached'], ['/c', '/c/main.tf']]);
    assert.deepEqual([...run.analysed], ['/c']);
  });

  it('--var is checked against every chosen root: the problem goes to the analysis, or is thrown when all is known', async () => {
    const variables = { args: [{ kind: 'var' as const, name: 'shards', text: '2' }] };
    const { runner, calls } = fakeRunner([root('/a', [], ['other']), root('/b', [], ['shards'])]);
    await runModules(runner, ['/a', '/b'], variables);
    assert.deepEqual(calls.analysed, [{ dirs: ['/a', '/b'] }], 'one root declares it: no problem');
    await runModules(runner, ['/a'], variables);
    assert.match(calls.analysed[1].declaredProblem ?? '', /--var shards: the root module does not declare a variable "shards"/);
    const known = new Map<string, KnownModule>([['/a', { planned: root('/a', [], ['other']), analysis: analysis('/a') }]]);
    await assert.rejects(runModules(runner, ['/a'], variables, known), (e: unknown) => e instanceof VariableInputError && /does not declare/.test(e.message));
  });
});
