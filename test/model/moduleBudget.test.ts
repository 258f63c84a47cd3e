// Module trees that would never end or never fit (issue #9 item 5): cycles, found by real path (a `loop -> .`
// symbolic link included), are reported at the call; module instances past the instance budget are not expanded,
// and the run says its totals are a lower bound. Bounded by counts, never by time.
import { strict as assert } from 'assert';
import { analyze, hcl, r } from './kit';
import { ROOT, abs, sharedParser } from '../support/analyze';
import { memoryHost } from '../support/memoryHost';
import { loadModuleSource, type ModuleSource } from '../../server/src/core/model/moduleSource';
import { instantiateTree, type ModuleLoader, type UnresolvedCall } from '../../server/src/core/model/moduleTree';
import { MAX_EXPANDED_INSTANCES } from '../../server/src/core/model/iterations';
import { costSummary } from '../../server/src/core/pipeline/costSummary';

const STREAM = hcl('resource "aws_kinesis_stream" "s" {', '  name        = "s"', '  shard_count = 1', '}');
const TWO_CALLS = (target: string) => hcl(`module "a" {`, `  source = "${target}"`, '}', `module "b" {`, `  source = "${target}"`, '}');

/** 1 + `depth` tiny modules, each calling the next twice: 2^(depth+1) - 2 module instances if expanded whole. */
function doublingTree(depth: number): Record<string, string> {
  const files: Record<string, string> = { 'main.tf': TWO_CALLS('./m1') };
  for (let i = 1; i <= depth; i++) files[`m${i}/main.tf`] = i < depth ? TWO_CALLS(`../m${i + 1}`) : STREAM;
  return files;
}

function loaderOf(files: Record<string, string>, links: Record<string, string> = {}): ModuleLoader {
  const host = memoryHost(Object.fromEntries(Object.entries(files).map(([k, v]) => [abs(k), v])), [], links);
  const cache = new Map<string, Promise<ModuleSource | undefined>>();
  return {
    load: (dir) => cache.get(dir) ?? cache.set(dir, loadModuleSource(dir, host, sharedParser(), { withTfvars: false })).get(dir)!,
    realPath: (dir) => host.realPath!(dir),
  };
}

describe('model: module cycles and the module instance budget', () => {
  it('a module calling itself is reported at its source; the stream beside it is still analysed', async () => {
    const res = await analyze({ 'main.tf': hcl('module "me" {', '  source = "./"', '}') + STREAM });
    assert.deepEqual(res.of('module-not-analysed').map((f) => [f.message, f.range]), [['Module not analysed (local source): module cycle', r(1, 11, 1, 15)]]);
    assert.equal(res.of('module-not-analysed')[0].detail, 'module.me: module cycle: it calls a module it is already inside; terraform init cannot install it.');
    assert.deepEqual(res.streams.map((s) => s.resource), ['aws_kinesis_stream.s']);
    assert.deepEqual(res.analyses[0].unknowns?.map((u) => [u.resource, u.what]), [['module.me', 'module']]);
  });

  it('two modules calling each other: the inner call is the cycle, the streams on the way are analysed', async () => {
    const res = await analyze({
      'main.tf': hcl('module "a" {', '  source = "./a"', '}'),
      'a/main.tf': hcl('module "b" {', '  source = "../b"', '}'),
      'b/main.tf': hcl('module "a" {', '  source = "../a"', '}') + STREAM,
    });
    assert.deepEqual(res.of('module-not-analysed').map((f) => [f.file, f.range.start.line]), [[abs('b/main.tf'), 1]]);
    assert.match(res.of('module-not-analysed')[0].detail ?? '', /^module\.a\.module\.b\.module\.a: module cycle/);
    assert.deepEqual(res.streams.map((s) => s.resource), ['module.a.module.b.aws_kinesis_stream.s']);
  });

  it('a `loop -> .` symbolic link called twice is one directory: 2 cycles reported, 1 stream, not 131,071 instances', async () => {
    const files = { 'main.tf': TWO_CALLS('./loop') + STREAM };
    const res = await analyze(files, { links: { loop: '.' } });
    const cycles = res.of('module-not-analysed');
    assert.deepEqual(cycles.map((f) => [f.range.start.line, (f.detail ?? '').replace(/^(module\.\w+): .*(is a link to .*?)\).*$/, '$1 $2')]), [
      [1, `module.a is a link to ${ROOT}`],
      [4, `module.b is a link to ${ROOT}`],
    ]);
    assert.deepEqual(res.streams.map((s) => [s.resource, s.instances]), [['aws_kinesis_stream.s', 1]]);
    // The run's total is a lower bound, with the reason, never an exact figure that silently left modules out.
    const summary = costSummary(res.streams, res.analyses[0].unknowns);
    assert.equal(summary.partial, true);
    assert.deepEqual(summary.unknowns.filter((u) => u.what === 'module').map((u) => u.resource), ['module.a', 'module.b']);
    assert.match(summary.unknowns.find((u) => u.what === 'module')!.why, /^local source not read: module cycle: /);
    const loader = loaderOf(files, { [abs('loop')]: ROOT });
    assert.equal((await instantiateTree((await loader.load(ROOT, true))!, loader)).length, 1, 'the root only');
  });

  it('without a real path (a host that cannot resolve links), the depth limit still stops the walk and says so', async () => {
    const files = { 'main.tf': hcl('module "a" {', '  source = "./loop"', '}') + STREAM };
    const loader = loaderOf(files, { [abs('loop')]: ROOT });
    const unresolved: UnresolvedCall[] = [];
    const modules = await instantiateTree((await loader.load(ROOT, true))!, { load: loader.load }, unresolved);
    assert.equal(modules.length, 17);
    assert.deepEqual(unresolved.map((u) => u.reason), ['module calls nest deeper than 16 levels']);
  });

  it('13 modules each calling the next twice (8,190 instances): capped at the budget, the rest reported, the total partial', async () => {
    const files = doublingTree(12);
    const loader = loaderOf(files);
    const unresolved: UnresolvedCall[] = [];
    const modules = await instantiateTree((await loader.load(ROOT, true))!, loader, unresolved);
    assert.equal(modules.length, 1 + MAX_EXPANDED_INSTANCES, 'the root and the budget');
    assert.ok(unresolved.length > 0 && unresolved.every((u) => /^more module instances than kinesis-lint expands \(1,000 per analysis\)$/.test(u.reason)));

    const res = await analyze(files);
    const streamInstances = res.streams.reduce((n, s) => n + (typeof s.instances === 'number' ? s.instances : 0), 0);
    assert.ok(streamInstances > 0 && streamInstances < MAX_EXPANDED_INSTANCES, `${streamInstances} stream instances`);
    assert.equal(res.of('module-not-analysed').length, unresolved.length);
    const summary = costSummary(res.streams, res.analyses[0].unknowns);
    assert.equal(summary.partial, true);
    assert.ok(summary.monthlyCost !== null && typeof summary.monthlyCost === 'object', 'a lower bound, not an exact total');
  });

  it('a tree within the budget is expanded whole and exact (the known case beside the capped one)', async () => {
    const res = await analyze(doublingTree(4));
    assert.deepEqual(res.of('module-not-analysed'), []);
    assert.equal(res.streams.reduce((n, s) => n + (s.instances as number), 0), 16);
    assert.equal(costSummary(res.streams, res.analyses[0].unknowns).unknowns.some((u) => u.what === 'module'), false);
  });

  it('the tree walk takes turns with the event loop (core/timeSlice tick): a cancelled analysis stops inside it', async () => {
    const loader = loaderOf(doublingTree(12));
    const root = (await loader.load(ROOT, true))!;
    const aborted = new AbortController();
    aborted.abort();
    await assert.rejects(instantiateTree(root, loader, [], aborted.signal), { name: 'AbortError' });
  });
});

describe('resource blocks without count or for_each are not charged to the instance budget', () => {
  it('1,200 streams, each read by its own Lambda mapping: every stream is one known instance with its reader', async () => {
    const n = MAX_EXPANDED_INSTANCES + 200;
    const blocks: string[] = [];
    for (let i = 0; i < n; i++) {
      blocks.push(
        hcl(`resource "aws_kinesis_stream" "s${i}" {`, `  name        = "s${i}"`, '  shard_count = 1', '}'),
        hcl(`resource "aws_lambda_event_source_mapping" "m${i}" {`, `  event_source_arn = aws_kinesis_stream.s${i}.arn`, '  function_name    = "f"', '}'),
      );
    }
    const res = await analyze({ 'main.tf': blocks.join('') });
    assert.equal(res.streams.length, n);
    assert.deepEqual(res.streams.filter((s) => s.instances !== 1).map((s) => s.resource), []);
    assert.deepEqual(res.streams.filter((s) => s.consumers.standard !== 1 || s.unknowns.some((u) => u.what !== 'load')).map((s) => [s.resource, s.unknowns]), []);
  });

  it('count still is: two resources of count = 600 exceed the 1,000 expanded instances, the second is unknown', async () => {
    const counted = (name: string) => hcl(`resource "aws_kinesis_stream" "${name}" {`, '  count       = 600', `  name        = "${name}-\${count.index}"`, '  shard_count = 1', '}');
    const res = await analyze({ 'main.tf': counted('a') + counted('b') });
    assert.deepEqual(res.streams.map((s) => [s.resource, s.instances]), [['aws_kinesis_stream.a', 600], ['aws_kinesis_stream.b', null]]);
  });
});
