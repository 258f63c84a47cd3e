// The differential test through the real language server (in-process, over JSON-RPC): block edits of a two-file
// module sent as an editor sends them (incremental changes to open documents; a move to another file is two
// changes), and after each settled edit the published diagnostics of every file, the last kinesisLint/costSummary
// and the kinesisLint/costReport equal those of a fresh server opened on the same texts. While the text is broken
// only the syntax errors are compared (the server keeps the last valid findings on purpose; see fuzz.test.ts).
//   DIFF_SEED=<n> DIFF_LSP_STEPS=<n> (docs/incremental-testing.md)
import { strict as assert } from 'node:assert';
import { startClient, waitUntil, type Client } from '../lsp/harness';
import { EditorDocument } from '../lsp/fuzz/editorDocument';
import { normalize } from '../lsp/fuzz/snapshot';
import { mulberry32 } from '../syntax/scannerGen';
import { COST_SUMMARY_NOTIFICATION, COST_REPORT_REQUEST } from '../../server/src/lsp/server';
import { assertSamePieces, type Pieces } from './support/compare';
import { type Files } from './support/edits';
import { editOf, SEED } from './support/session';
import { ENVIRONMENT, groups, type EditKind, type Shape } from './support/shapes';
import { moduleText } from './support/generated';

const STEPS = Number(process.env.DIFF_LSP_STEPS ?? 11);
const SETTINGS = { debounceMs: 0 };

/** Two files of one module (~600 lines); keys relative to the workspace folder. */
function lspShape(): Shape {
  return {
    name: 'language server: a two-file module',
    files: { 'main.tf': moduleText(400, 21).text + '\n', 'more.tf': groups(200, 22, 'm_') },
    roots: [],
    targets: ['main.tf', 'more.tf'],
    kinds: ['moveBlock', 'moveToFile', 'insertStream', 'deleteBlock', 'paste1000', 'undo', 'global', 'break', 'type'],
    steps: STEPS,
    global: { file: 'main.tf', pattern: ENVIRONMENT, values: ['dev', 'stage', 'prod'] },
  };
}

/** The change an editor sends to turn the document's text into `target` (one range, from the common prefix to the
 *  common suffix): EditorDocument's own undo computes it. */
function changeTo(doc: EditorDocument, target: string) {
  const scratch = new EditorDocument(target);
  scratch.apply([{ range: scratch.rangeOf(0, target.length), text: doc.text }]);
  return scratch.undoStack.pop()![0];
}

const summaries = (c: Client) => c.notifications.filter((n) => n.method === COST_SUMMARY_NOTIFICATION);
const isSyntax = (d: { code?: unknown }) => d.code === 'syntax-error';

/** Waits until every document's current version is published and the server has been quiet for a few polls (the
 *  cost summary follows the diagnostics of the same pass). A liveness wait, not a timing assertion. */
async function settle(client: Client, docs: Map<string, EditorDocument>): Promise<void> {
  await waitUntil(() => [...docs].every(([rel, d]) => client.published.get(client.uri(rel))?.version === d.version), 60_000);
  let last = '';
  let quiet = 0;
  await waitUntil(() => {
    const now = `${summaries(client).length} ${[...client.published.values()].map((p) => p.version).join(',')}`;
    quiet = now === last ? quiet + 1 : 0;
    last = now;
    return quiet >= 5;
  }, 60_000);
}

/** What the user sees, piece by piece: each diagnostic of every file, the last cost summary and the cost report
 *  (workspace folder written as <ws>, versions as <version>). `syntaxOnly`: the syntax errors alone. */
async function view(client: Client, rels: string[], syntaxOnly: boolean): Promise<Pieces> {
  const out: Pieces = [];
  const piece = (where: string, value: unknown) => out.push([where, JSON.stringify(normalize(value, client.dir))]);
  for (const rel of rels) {
    const diagnostics = (client.diagnostics.get(client.uri(rel)) ?? []).filter((d) => !syntaxOnly || isSyntax(d));
    piece(`${rel}: ${diagnostics.length} diagnostics`, null);
    diagnostics.forEach((d, i) => piece(`${rel} diagnostic #${i}`, d));
  }
  if (syntaxOnly) return out;
  piece('cost summary', summaries(client).at(-1)?.params);
  piece('cost report', await client.rpc.sendRequest(COST_REPORT_REQUEST, {}));
  return out;
}

async function fresh(files: Files): Promise<{ client: Client; docs: Map<string, EditorDocument> }> {
  const client = await startClient(files, SETTINGS);
  const docs = new Map(Object.entries(files).map(([rel, text]) => [rel, new EditorDocument(text)]));
  for (const [rel, d] of docs) await client.open(rel, d.text);
  await settle(client, docs);
  return { client, docs };
}

describe(`language server: block edits equal a fresh server after every edit (seed ${SEED})`, function () {
  this.timeout(240_000);
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
  });

  it(`${STEPS} block edits (move within and across files, insert, delete, paste 1,000 lines, undo, break and fix)`, async () => {
    const shape = lspShape();
    const rnd = mulberry32((SEED * 31 + 7) >>> 0);
    const rels = Object.keys(shape.files);
    const session = await fresh(shape.files);
    clients.push(session.client);
    const { client, docs } = session;
    const files = (): Files => Object.fromEntries([...docs].map(([rel, d]) => [rel, d.text]));
    const history: Files[] = [];
    const order = [...shape.kinds];
    const applied: Record<string, number> = {};
    let broken = false;
    /** Comparisons of a clean text, and the diagnostics they covered (so a comparison of nothing cannot pass). */
    let clean = 0;
    let compared = 0;
    for (let step = 1; step <= STEPS; step++) {
      let kind: EditKind = broken || (order[0] === 'undo' && history.length === 0) ? 'undo' : order.shift() ?? (rnd() < 0.5 ? 'moveToFile' : 'moveBlock');
      let target: Files;
      let label: string;
      if (kind === 'undo' && history.length > 0) {
        target = history.pop()!;
        label = broken ? 'fix the break (undo)' : 'undo';
      } else {
        if (kind === 'undo') kind = 'type';
        let edited = editOf(kind, shape, files(), shape.targets[step % 2], rnd);
        if (!edited) {
          kind = 'type';
          edited = editOf(kind, shape, files(), 'main.tf', rnd)!;
        }
        history.push(files());
        target = edited.files;
        label = edited.label;
      }
      applied[kind] = (applied[kind] ?? 0) + 1;
      // Changed documents in path order (a move: the cut, then the paste), without waiting in between.
      for (const [rel, d] of docs) {
        if (target[rel] === d.text) continue;
        const change = changeTo(d, target[rel]);
        d.apply([change]);
        await client.rpc.sendNotification('textDocument/didChange', { textDocument: { uri: client.uri(rel), version: d.version }, contentChanges: [change] });
      }
      assert.deepEqual(files(), target);
      await settle(client, docs);
      broken = rels.some((rel) => (client.diagnostics.get(client.uri(rel)) ?? []).some(isSyntax));
      const reference = await fresh(target);
      clients.push(reference.client);
      const context = `step ${step} (${label}): the edited server differs from a fresh one; replay with DIFF_SEED=${SEED} DIFF_LSP_STEPS=${STEPS}`;
      const mine = await view(client, rels, broken);
      assertSamePieces(mine, await view(reference.client, rels, broken), context, ['edited server', 'fresh server']);
      if (!broken) clean++;
      compared += mine.length;
      if (process.env.DIFF_VERBOSE) console.log(`      step ${step} ${label}: ${mine.length} pieces${broken ? ' (syntax errors only)' : ''}`);
      await clients.pop()!.close();
    }
    assert.ok(clean >= STEPS / 2 && compared > STEPS * 10, `${clean} clean comparisons, ${compared} pieces`);
    for (const kind of shape.kinds) assert.ok(applied[kind], `${kind} was never applied: ${JSON.stringify(applied)}`);
  });
});
