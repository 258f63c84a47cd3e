// Fuzz test of the language server itself (issue #9, Proof): a seeded session of random incremental edits
// interleaved with hover, code lens, inlay hints and code actions (quick fixes, source.fixAll.kinesisLint), some
// of whose edits are applied as an editor applies them. After each batch the server must have answered every
// request, published diagnostics for the current version, and returned ranges inside the current text; every code
// action edit must carry a version the document had and apply cleanly to it. At the end (and at a few clean points
// on the way) the server must equal a fresh server given the same text. docs/lsp-robustness.md says how to run more:
//   LSP_FUZZ_SEED=<n> LSP_FUZZ_STEPS=<n> (one test file command, see CONTRIBUTING.md)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { startClient, type Client } from './harness';
import { FuzzSession } from './fuzz/fuzzSession';
import { session } from './fuzz/randomActions';
import { normalize, snapshot } from './fuzz/snapshot';
import { mulberry32 } from '../syntax/scannerGen';

const SEED = Number(process.env.LSP_FUZZ_SEED ?? 909);
const STEPS = Number(process.env.LSP_FUZZ_STEPS ?? 2000);
/** Actions between checks. */
const BATCH = 10;
/** Batches between comparisons with a fresh server. */
const COMPARE_EVERY = 25;
/** Batches the text may stay broken before the session undoes back to text that parses. */
const BROKEN_BATCHES = 3;

/** Every file of an example a server reads (.tf, .tfvars, .kinesis-lint.json, in sub-folders too), by relative path. */
function exampleFiles(name: string): Record<string, string> {
  const root = path.join(__dirname, '..', '..', 'examples', name);
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/(\.tf|\.tfvars|\.kinesis-lint\.json)$/.test(e.name)) files[path.relative(root, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(root);
  // Pasted blocks read var.shard_count: their shard fixes edit this file, which is not open (version null).
  files['shards.tf'] = 'variable "shard_count" {\n  type    = number\n  default = 1\n}\n';
  return files;
}

/** The examples whose main.tf is edited, with their share of the steps: streams in the file, and a module call. */
const EXAMPLES: [name: string, share: number][] = [['telemetry-pipeline', 0.75], ['module-call', 0.25]];
const SETTINGS = { debounceMs: Number(process.env.LSP_FUZZ_DEBOUNCE_MS ?? 5) };
const CAPABILITIES = { workspaceEdit: { documentChanges: true } };

/**
 * Resolves once `client` has published nothing new for `quietMs` (at most `timeoutMs`): an edit can start a follow-up
 * analysis that publishes after the edited file, e.g. of a module directory that became a root of its own when its
 * only `module` call was renamed away (moduleRoots.ts); comparing before it lands compares half an answer.
 */
async function quiet(client: Client, quietMs = 500, timeoutMs = 30000): Promise<void> {
  const state = () => JSON.stringify([...client.published]);
  const end = Date.now() + timeoutMs;
  for (let last = state(); ; ) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = state();
    if (now === last || Date.now() > end) return;
    last = now;
  }
}

/**
 * The fuzzed server's state compared with a fresh server's that opened the same text once: everything when the text
 * parses; its syntax errors when it does not (the findings of the last clean analysis may then be kept on purpose).
 */
async function compareWithFresh(fuzzed: FuzzSession, rnd: () => number, files: Record<string, string>): Promise<void> {
  const fresh = await startClient(files, SETTINGS, {}, CAPABILITIES);
  try {
    await fresh.open('main.tf', fuzzed.doc.text);
    await fresh.waitFor('main.tf', () => fresh.published.get(fresh.uri('main.tf'))?.version === 1, 60000);
    await Promise.all([quiet(fresh), quiet(fuzzed.client)]);
    const context = `step ${fuzzed.step}: the fuzzed server differs from a fresh one on ${JSON.stringify(fuzzed.doc.text)}`;
    if (!fuzzed.cleanTexts.has(fuzzed.doc.text)) {
      const syntax = (c: Client) => normalize(c.diagnostics.get(c.uri('main.tf'))!.filter((d) => d.code === 'syntax-error'), c.dir);
      assert.deepEqual(syntax(fuzzed.client), syntax(fresh), context);
      fuzzed.stats.syntaxComparisons++;
      return;
    }
    // Both have analysed their current text; the other files come from disk on both sides.
    const positions = Array.from({ length: 12 }, () => {
      const line = Math.floor(rnd() * fuzzed.doc.lineCount);
      return { line, character: Math.floor(rnd() * (fuzzed.doc.line(line).length + 1)) };
    });
    const a = await snapshot(fuzzed.client, 'main.tf', positions, fuzzed.doc.lineCount);
    const b = await snapshot(fresh, 'main.tf', positions, fuzzed.doc.lineCount);
    assert.deepEqual(a, b, context);
    fuzzed.stats.comparisons++;
  } finally {
    await fresh.close();
  }
}

describe('language server fuzz: random edits and requests', function () {
  this.timeout(120_000 + STEPS * 100);
  let client: Client | undefined;
  afterEach(async () => client && (await client.close()));

  for (const [example, share] of EXAMPLES) {
    const steps = Math.round(STEPS * share);
    it(`${example}: ${steps} seeded steps (seed ${SEED}) keep the server answering, its edits versioned and valid, and equal to a fresh server`, async () => {
      const files = exampleFiles(example);
      client = await startClient(files, SETTINGS, {}, CAPABILITIES);
      const rnd = mulberry32(SEED);
      const fuzz = new FuzzSession(client, 'main.tf', files['main.tf'], rnd);
      await fuzz.open();
      const opening = await fuzz.settle();
      assert.ok(fuzz.cleanTexts.has(files['main.tf']), `the opening text parses: ${JSON.stringify(opening)}`);
      const actions = session(fuzz.doc, rnd);
      let broken = 0;
      for (let batch = 1; fuzz.step < steps; batch++) {
        for (let i = 0; i < BATCH && fuzz.step < steps; i++) await fuzz.take(actions.next().value!);
        await fuzz.settle();
        if (batch % COMPARE_EVERY === 0) await compareWithFresh(fuzz, rnd, files);
        // A user fixes what they broke: after a few broken batches, undo back to text that parses, so most of the
        // session edits text the engine fully analyses (streams, estimates, fixes) rather than one syntax error.
        broken = fuzz.cleanTexts.has(fuzz.doc.text) ? 0 : broken + 1;
        if (broken >= BROKEN_BATCHES) {
          await fuzz.undoToClean();
          broken = 0;
        }
      }
      // The end: back to a text that parses (held-over findings of a broken text are the one intended history),
      // then the same answers as a server that never saw the session.
      await fuzz.undoToClean();
      await compareWithFresh(fuzz, rnd, files);
      console.log(`      lsp fuzz ${example} seed ${SEED}: ${JSON.stringify(fuzz.stats)}, final text ${fuzz.doc.text.length} chars`);
      assert.ok(fuzz.stats.editsChecked > 0 && fuzz.stats.comparisons > 0, JSON.stringify(fuzz.stats));
    });
  }
});
