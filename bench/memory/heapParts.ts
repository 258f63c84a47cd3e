// Where the main thread's heap goes after a typing session on a generated module, core only (no LSP): the
// retained bytes of each cache, found by dropping it and collecting. TS_NODE_PROJECT=test/tsconfig.json TS_NODE_TRANSPILE_ONLY=true node --expose-gc -r ts-node/register bench/memory/heapParts.ts LINES EDITS [SNAPSHOT=file]
import { Analyzer } from '../../server/src/core/analyze';
import { HclParser } from '../../server/src/core/syntax/hcl2json';
import { CachedParser } from '../../server/src/core/syntax/parseCache';
import { ResultCache } from '../../server/src/core/pipeline/resultCache';
import type { SourceFile } from '../../server/src/core/syntax/sourceFile';
import { jsonCache, sourceCache } from '../../server/src/core/expr/evaluate';
import { typeCache } from '../../server/src/core/model/declaredType';
import { memoryHost } from '../../test/support/memoryHost';
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { moduleText } = require('../../bench/generate.js');

const gc = (global as unknown as { gc: () => void }).gc;
const heapMB = () => (gc(), gc(), process.memoryUsage().heapUsed / 1e6);
(async () => {
  const lines = Number(process.argv[2] ?? 20000);
  const edits = Number(process.argv[3] ?? 10);
  const m = moduleText(lines, 7);
  const lineStarts = [0];
  for (let i = 0; i < m.text.length; i++) if (m.text[i] === '\n') lineStarts.push(i + 1);
  const at = lineStarts[m.targets.shardCount.line] + m.targets.shardCount.character;
  const parser = new HclParser();
  let parseCache: CachedParser | undefined = new CachedParser(parser);
  let resultCache: ResultCache | undefined = new ResultCache();
  let sourceFiles: Map<string, SourceFile> | undefined = new Map();
  const base = heapMB();
  let text = m.text as string;
  const files: Record<string, string> = { '/w/m/main.tf': text };
  const run = async () => new Analyzer(memoryHost(files), { parser, parseCache, resultCache, sourceFiles }).analyzeModules(['/w/m']);
  let analysis = await run();
  const open = heapMB() - base;
  for (let i = 0; i < edits; i++) {
    text = i % 2 === 0 ? text.slice(0, at) + '7' + text.slice(at) : m.text;
    files['/w/m/main.tf'] = text;
    analysis = await run();
  }
  const typed = heapMB() - base;
  const memo = (c: { size: number; bytes: number; stats: unknown }) => ({ size: c.size, MB: +(c.bytes / 1e6).toFixed(1), stats: c.stats });
  console.log(JSON.stringify({ json: memo(jsonCache), source: memo(sourceCache), type: memo(typeCache), parse: memo(parseCache!) }));
  const parts: Record<string, number> = {};
  let last = heapMB();
  const drop = (name: string, f: () => void) => { f(); const now = heapMB(); parts[name] = +(last - now).toFixed(1); last = now; };
  drop('analysis result', () => { analysis = undefined as never; });
  drop('resultCache', () => { resultCache = undefined; });
  drop('parseCache', () => { parseCache = undefined; });
  drop('sourceFiles', () => { sourceFiles = undefined; });
  console.log(JSON.stringify({ lines, edits, textMB: +(m.text.length / 1e6).toFixed(1), openMB: +open.toFixed(1), typedMB: +typed.toFixed(1), parts, restMB: +(last - base).toFixed(1) }));
  console.log(JSON.stringify(require('v8').getHeapSpaceStatistics().map((x: any) => [x.space_name, Math.round(x.space_used_size / 1e6)])));
  if (process.env.SNAPSHOT) require('v8').writeHeapSnapshot(process.env.SNAPSHOT);
  await parser.dispose();
})();
