// The fingerprints the result cache (resultCache.ts) is keyed by. The fingerprint has two parts:
// - the context: every top-level block of the module tree that is not a stream (variables, locals, providers,
//   module calls, outputs, consumers, ...) with its text and place, variable files, file-wide ignore comments, the
//   config and prices, the metrics snapshot (its text's digest and its age), and each stream's labels, name and
//   count/for_each (consumers may find a stream by name);
// - the stream: its address, file, place, text and its annotation comments.
// An edit inside one stream block changes only that stream's part; an edit elsewhere changes the context and
// everything is recomputed — correct, merely slower. Places are part of both, so a reused result's ranges are
// still exact.
// What keeps a pass's fixed cost small (docs/incremental-analysis.md): a file's part of the context is computed once
// per SourceFile object (an unchanged file is the same object from pass to pass), and a block's text is hashed once
// per distinct text (BlockDigests): after a one-character edit only the edited block's text is hashed again.
import { createHash } from 'node:crypto';
import type { LoadedConfig } from '../config/config';
import type { ModuleInstance } from '../model/moduleInstance';
import type { StreamInstance } from '../model/streams';
import { STREAM_TYPE } from '../model/streams';
import type { HclBlock, SourceFile } from '../syntax/sourceFile';
import { tick } from '../timeSlice';

/** How much hashing passes did, for tests (counts, never time). blockParts: top-level blocks whose part of their
 *  file's part was made (again); every other block's was carried over from its previous version. chunkHashes:
 *  chunks of BLOCK_CHUNK block parts hashed (again). */
export const fingerprintStats = { blockHashes: 0, fileParts: 0, blockParts: 0, chunkHashes: 0 };

function hash(parts: string[]): string {
  const h = createHash('sha1');
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

/**
 * sha1 of block texts, remembered per file path by the text itself: a re-parsed file's untouched blocks are new
 * objects with the same text. When a file is seen as a new SourceFile, the digests of its previous version are kept
 * until the end of the pass (endPass), so only texts the edit changed are hashed again; afterwards only the current
 * version's texts are held (slices of the text the SourceFile holds anyway).
 */
export class BlockDigests {
  private readonly files = new Map<string, { file: SourceFile; current: Map<string, string>; previous?: Map<string, string> }>();

  digest(file: SourceFile, text: string): string {
    let state = this.files.get(file.path);
    if (!state || state.file !== file) {
      state = { file, current: new Map(), previous: state?.current };
      this.files.set(file.path, state);
    }
    let d = state.current.get(text);
    if (d !== undefined) return d;
    d = state.previous?.get(text);
    if (d === undefined) {
      d = hash([text]);
      fingerprintStats.blockHashes++;
    }
    state.current.set(text, d);
    return d;
  }

  /** Each file's last block parts, by chunks of BLOCK_CHUNK, with each chunk's digest (blocksPart). */
  readonly chunks = new Map<string, { parts: string[]; digests: string[] }>();

  /** After a pass of the root: previous versions' digests are dropped, and files no longer read forgotten. */
  endPass(files: readonly SourceFile[]): void {
    const paths = new Set(files.map((f) => f.path));
    for (const [path, state] of this.files) {
      if (!paths.has(path)) this.files.delete(path);
      else state.previous = undefined;
    }
    for (const path of this.chunks.keys()) if (!paths.has(path)) this.chunks.delete(path);
  }
}

function place(file: SourceFile, offset: number): string {
  const p = file.lines.positionAt(offset);
  return `${p.line}:${p.character}`;
}

/**
 * A top-level block's part of its file's part, per block object. An edited file's SourceFile is new, but the blocks
 * the edit did not touch are the same HclBlock objects with the same ScannedBlock (updateSourceFile.ts: kept items
 * keep their text; only their offsets move), so their part is reused when the scan object, its length, hasValues
 * and the place (line:character, which an edit above can move) are the same: a one-character edit makes one block's
 * part, not 3,000.
 */
interface BlockPart {
  scanned: HclBlock['scanned'];
  length: number;
  hasValues: boolean;
  line: number;
  character: number;
  /** The text's digest (not for streams: their text is in their own key) */
  digest?: string;
  part: string;
}
const blockParts = new WeakMap<HclBlock, BlockPart>();
const NOWHERE = { line: -1, character: -1 };

function partOf(file: SourceFile, block: HclBlock, digests: BlockDigests): string {
  const s = block.scanned;
  const stream = block.type === 'resource' && block.labels[0] === STREAM_TYPE;
  // A stream's place is in its own key, not in the context.
  const { line, character } = stream ? NOWHERE : file.lines.positionAt(s.span.start);
  const known = blockParts.get(block);
  if (known && known.scanned === s && known.length === s.span.end - s.span.start && known.hasValues === block.hasValues && known.line === line && known.character === character) {
    return known.part;
  }
  fingerprintStats.blockParts++;
  let part: string;
  let digest: string | undefined;
  if (stream) {
    const keyParts = ['name', 'count', 'for_each'].map((n) => block.attributes.get(n)?.scanned).map((a) => (a ? file.text.slice(a.valueSpan.start, a.valueSpan.end) : ''));
    part = `stream ${block.labels.join('.')} ${keyParts.join(' ')} ${block.hasValues}`;
  } else {
    // Only moved (a line added above it): its text, so its digest, is the same.
    const sameText = known && known.scanned === s && known.length === s.span.end - s.span.start;
    digest = sameText && known.digest !== undefined ? known.digest : digests.digest(file, file.text.slice(s.span.start, s.span.end));
    part = [`${line}:${character}`, String(block.hasValues), digest].join('\u0000');
  }
  blockParts.set(block, { scanned: s, length: s.span.end - s.span.start, hasValues: block.hasValues, line, character, digest, part });
  return part;
}

/** Block parts per chunk: joining all of a 3,000-block file's parts into one string on every keystroke cost more than
 *  making them; a chunk whose parts are the same strings as in the file's previous part keeps its digest. */
const BLOCK_CHUNK = 64;

function blocksPart(path: string, parts: string[], digests: BlockDigests): string {
  const previous = digests.chunks.get(path);
  const out: string[] = [];
  for (let from = 0; from < parts.length; from += BLOCK_CHUNK) {
    const to = Math.min(from + BLOCK_CHUNK, parts.length);
    let same = previous !== undefined && Math.min(from + BLOCK_CHUNK, previous.parts.length) === to;
    for (let i = from; same && i < to; i++) same = parts[i] === previous!.parts[i];
    if (same) out.push(previous!.digests[from / BLOCK_CHUNK]);
    else {
      fingerprintStats.chunkHashes++;
      out.push(hash(parts.slice(from, to)));
    }
  }
  digests.chunks.set(path, { parts, digests: out });
  return out.join('\u0000');
}

/** A file's part of the context; a SourceFile does not change, so it is computed once per object. */
const fileParts = new WeakMap<SourceFile, string>();

async function filePart(file: SourceFile, digests: BlockDigests, signal?: AbortSignal): Promise<string> {
  const known = fileParts.get(file);
  if (known !== undefined) return known;
  fingerprintStats.fileParts++;
  const parts: string[] = [file.path];
  if (file.attributes.size > 0) parts.push(digests.digest(file, file.text));
  for (const c of file.scan.comments) if (c.text.includes('kinesis-lint-ignore-file')) parts.push(place(file, c.span.start), c.text);
  const blocks: string[] = [];
  for (let i = 0; i < file.blocks.length; i++) {
    // A 100,000-line file has ~6,000 blocks: the event loop gets its turns.
    if (i % 1024 === 0) await tick(signal);
    blocks.push(partOf(file, file.blocks[i], digests));
  }
  parts.push(blocksPart(file.path, blocks, digests));
  const part = parts.join('\u0000');
  fileParts.set(file, part);
  return part;
}

/** JSON of a price table, once per table object (the bundled table is one object for the life of the process). */
const priceJson = new WeakMap<object, string>();

function pricesPart(prices: LoadedConfig['prices']): string {
  let json = priceJson.get(prices);
  if (json === undefined) priceJson.set(prices, (json = JSON.stringify(prices)));
  return json;
}

/** The snapshot by its text's digest and its age (a stream's report and the stale flag change with the day). */
function metricsPart(loaded: LoadedConfig): string {
  const m = loaded.metrics;
  return m ? [m.file, m.digest, m.info.ageDays, m.info.stale, m.info.maxAgeDays].join('\u0000') : '';
}

export async function contextKey(root: string, modules: ModuleInstance[], files: SourceFile[], loaded: LoadedConfig, defaultRegion: string, digests: BlockDigests, signal?: AbortSignal): Promise<string> {
  const parts: string[] = [root, defaultRegion, JSON.stringify(loaded.config), loaded.pricesFile ?? '', pricesPart(loaded.prices), metricsPart(loaded)];
  parts.push(modules.map((m) => `${m.address}@${m.source.dir}`).join('\n'));
  for (const file of files) {
    await tick(signal);
    parts.push(await filePart(file, digests, signal));
  }
  for (const m of new Set(modules.map((x) => x.source))) parts.push(JSON.stringify([...m.tfvars].map(([k, v]) => [k, v.file, v.json, v.from])));
  return hash(parts);
}

/** The stream part of the fingerprint joined to the context; `annotations` are the spans of its annotation
 *  comments. Not hashed as a whole: the block's text is (once per text), the rest is short. */
/** A block's text digest, once per block object while its file is the same SourceFile. */
const blockDigest = new WeakMap<HclBlock, { scanned: HclBlock['scanned']; length: number; digest: string }>();

/** Kept while the block keeps its ScannedBlock (of the same length): a block an edit did not touch keeps its text
 *  when its file is re-parsed (see BlockPart). */
function textDigest(block: HclBlock, digests: BlockDigests): string {
  const { span } = block.scanned;
  const known = blockDigest.get(block);
  if (known && known.scanned === block.scanned && known.length === span.end - span.start) return known.digest;
  const digest = digests.digest(block.file, block.file.text.slice(span.start, span.end));
  blockDigest.set(block, { scanned: block.scanned, length: span.end - span.start, digest });
  return digest;
}

export function streamKey(context: string, stream: StreamInstance, annotations: { start: number; end: number }[], digests: BlockDigests): string {
  const { block } = stream;
  const file = block.file;
  const s = block.scanned;
  return [
    context,
    stream.resource,
    file.path,
    place(file, s.span.start),
    String(block.hasValues),
    textDigest(block, digests),
    // Override files change the stream without changing its block's text.
    ...(block.overriddenBy ?? []).flatMap((o) => [o.file.path, textDigest(o, digests)]),
    ...annotations.flatMap((a) => [place(file, a.start), file.text.slice(a.start, a.end)]),
  ].join('\u0000');
}
