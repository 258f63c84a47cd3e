// A differential session: seeded edits on a module shape; after each one the analysis with the server's long-lived
// caches (CachedParser, ResultCache, the sourceFiles map) must equal a from-scratch analysis (parseCache null, no
// caches), and after an undo both must also equal the analysis recorded for that text before.
//   DIFF_SEED=<n>  the session's seed (printed in every failure);  DIFF_STEPS=<n>  steps per shape instead of its own.
import { Analyzer } from '../../../server/src/core/analyze';
import { CachedParser } from '../../../server/src/core/syntax/parseCache';
import { ResultCache } from '../../../server/src/core/pipeline/resultCache';
import type { SourceFile } from '../../../server/src/core/syntax/sourceFile';
import { memoryHost } from '../../support/memoryHost';
import { sharedParser } from '../../support/analyze';
import { mulberry32 } from '../../syntax/scannerGen';
import { assertSamePieces, pieces, type Pieces } from './compare';
import {
  breakFile, deleteBlock, fresh, insertBlock, moveBlock, newStream, newVariable, pasteChunk, pick, setValue, typeEdit,
  type Edited, type Files, type Rng,
} from './edits';
import type { EditKind, Shape } from './shapes';

export const DEFAULT_SEED = 1111;
export const SEED = Number(process.env.DIFF_SEED ?? DEFAULT_SEED);
export const STEPS = process.env.DIFF_STEPS === undefined ? undefined : Number(process.env.DIFF_STEPS);

/** Kinds taken once per session (a small module that grows by 1,000 lines per paste makes every later step slow). */
const ONCE = new Set<EditKind>(['paste1000']);

/** The server's caches, kept for a whole session. */
export class Incremental {
  readonly parseCache = new CachedParser(sharedParser());
  readonly results = new ResultCache();
  readonly sources = new Map<string, SourceFile>();

  analyze(files: Files, roots: string[]): Promise<Pieces> {
    return run(new Analyzer(memoryHost(files), { parser: sharedParser(), parseCache: this.parseCache, resultCache: this.results, sourceFiles: this.sources }), roots);
  }
}

/** Every file parsed whole, nothing remembered: the reference. */
export function fromScratch(files: Files, roots: string[]): Promise<Pieces> {
  return run(new Analyzer(memoryHost(files), { parser: sharedParser(), parseCache: null }), roots);
}

async function run(analyzer: Analyzer, roots: string[]): Promise<Pieces> {
  return pieces(await analyzer.analyzeModules(roots));
}

/** A string's seed: each shape gets its own session from one DIFF_SEED. */
const hashName = (s: string) => [...s].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 0);

/** One edit of `kind` on `file`; undefined when it does not apply to this text (no block to move…). */
export function editOf(kind: Exclude<EditKind, 'undo'>, shape: Shape, files: Files, file: string, rnd: Rng): Edited | undefined {
  switch (kind) {
    case 'type':
      return { files: { ...files, [file]: typeEdit(files[file], rnd) }, label: `type in ${file}` };
    case 'insertStream': {
      const name = fresh('stream', rnd);
      return insertBlock(files, file, rnd, newStream(name, pick(rnd, ['var.shards_extra', '3', 'var.retention'])), `insert stream ${name}`);
    }
    case 'insertVariable':
      return insertBlock(files, file, rnd, newVariable(pick(rnd, ['shards_extra', fresh('v', rnd)]), 1 + Math.floor(rnd() * 5)), 'insert a variable');
    case 'deleteBlock':
      return deleteBlock(files, file, rnd);
    case 'moveBlock':
      return moveBlock(files, file, rnd, false);
    case 'moveToFile':
      return moveBlock(files, file, rnd, true);
    case 'paste1000':
      return insertBlock(files, file, rnd, pasteChunk(1000, rnd), 'paste 1,000 lines');
    case 'global':
      return shape.global && setValue(files, shape.global.file, shape.global.pattern, pick(rnd, shape.global.values));
    case 'input':
      return shape.inputs && setValue(files, pick(rnd, shape.inputs.files), shape.inputs.pattern, pick(rnd, shape.inputs.values));
    case 'break':
      return breakFile(files, file, rnd);
  }
}

export interface SessionResult {
  applied: Partial<Record<EditKind | 'fix' | 'complete', number>>;
  steps: number;
  incremental: Incremental;
}

/**
 * Runs `steps` edits on `shape`: each kind of the shape once (seeded order), then kinds at random; a break is
 * always followed by its fix (the text before it, exactly). Throws on the first difference.
 */
export async function runSession(shape: Shape, seed = SEED, steps = STEPS ?? shape.steps): Promise<SessionResult> {
  const rnd = mulberry32((seed ^ hashName(shape.name)) >>> 0);
  const replay = `DIFF_SEED=${seed} DIFF_STEPS=${steps}`;
  const incremental = new Incremental();
  let files = shape.files;
  const check = async (label: string, step: number, earlier?: Pieces): Promise<Pieces> => {
    const c0 = process.cpuUsage();
    const fast = await incremental.analyze(files, shape.roots);
    const c1 = process.cpuUsage();
    const full = await fromScratch(files, shape.roots);
    // CPU time of this process (the parser worker included), which a busy machine does not inflate as it does wall time.
    const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => Math.round((b.user + b.system - a.user - a.system) / 1000);
    if (process.env.DIFF_VERBOSE) console.log(`      step ${step} ${label}: CPU incremental ${ms(c0, c1)} ms, from scratch ${ms(c1, process.cpuUsage())} ms`);
    const context = `${shape.name}: step ${step} (${label}) differs; replay with ${replay}`;
    assertSamePieces(fast, full, context);
    if (earlier) assertSamePieces(fast, earlier, `${context} from the analysis of the same text before`, ['after undo', 'before']);
    return fast;
  };
  let current = await check('open', 0);
  const history: { files: Files; pieces: Pieces }[] = [];
  const order = [...shape.kinds].sort(() => rnd() - 0.5);
  let next = 0;
  const retried = new Set<EditKind>();
  const applied: SessionResult['applied'] = {};
  /** After a break: the text the user completes it to (the other fix is an undo). */
  let completed: Files | undefined;
  for (let step = 1; step <= steps; step++) {
    let kind: EditKind | 'fix' | 'complete' = completed ? (rnd() < 0.5 ? 'fix' : 'complete') : next < order.length ? order[next++] : pick(rnd, shape.kinds.filter((k) => !ONCE.has(k)));
    // A break needs a step after it for its fix; and an undo needs an edit before it.
    if (kind === 'break' && step === steps) kind = 'type';
    if (kind === 'undo' && history.length === 0) kind = 'type';
    if ((kind === 'undo' || kind === 'fix') && history.length > 0) {
      const back = history.pop()!;
      files = back.files;
      current = await check(kind === 'fix' ? 'fix the break: undo it' : 'undo', step, back.pieces);
    } else if (kind === 'complete' && completed) {
      history.push({ files, pieces: current });
      files = completed;
      current = await check('fix the break: close what was left open', step);
    } else {
      if (kind === 'undo' || kind === 'fix' || kind === 'complete') kind = 'type';
      // The kind on a random target, else on the others; one that applies nowhere now (the variable it sets was
      // deleted, the file has no sibling) is typed instead and tried again later.
      const first = Math.floor(rnd() * shape.targets.length);
      const tried = shape.targets.map((_, i) => shape.targets[(first + i) % shape.targets.length]);
      let edited: Edited | undefined;
      for (const file of tried) if ((edited = editOf(kind, shape, files, file, rnd))) break;
      if (!edited) {
        if (!retried.has(kind)) order.push(kind);
        retried.add(kind);
        kind = 'type';
        edited = editOf(kind, shape, files, tried[0], rnd)!;
      }
      history.push({ files, pieces: current });
      if (history.length > 8) history.shift();
      files = edited.files;
      current = await check(edited.label, step);
      if ('completed' in edited) completed = edited.completed as Files;
    }
    if (kind !== 'break') completed = undefined;
    applied[kind] = (applied[kind] ?? 0) + 1;
  }
  return { applied, steps, incremental };
}
