// The base analysis of each root module (kinesisLint.compareTo, docs/editor-delta.md): the root as committed at the
// revision, analysed by its own Analyzer with the live analysis's settings. Computed once per (root, commit,
// settings) after the live analysis, in the core's time slices, and kept while typing: a keystroke re-analyses the
// live side only. The revision is resolved again when the repository's HEAD or refs change (watched files) and on
// save; a settings change cancels a base analysis under way.
import * as path from 'node:path';
import type { Host } from '../../core/types';
import type { ModuleAnalysis, StreamReport } from '../../core/results';
import type { Bound } from '../../core/partial';
import type { EditorSettings } from '../../core/config/editorSettings';
import { Analyzer } from '../../core/analyze';
import { CachedParser } from '../../core/syntax/parseCache';
import type { HclParser } from '../../core/syntax/hcl2json';
import type { GitAccess, GitRepository, Resolved } from './gitAccess';
import { repositoryOf, type RepoLookup } from './repoScope';
import { sameConfigHost } from '../../node/sameConfigHost';
import { streamDelta, type StreamDelta } from './streamDelta';
import { changeLine, workspaceDelta, workspaceDeltaText } from './deltaText';

/** The base's parsed files are kept apart from the live ones', in a smaller cache (a base is parsed once). */
const BASE_PARSE_CACHE_BYTES = 8 * 1024 * 1024;

export const COMPARE_OFF = 'off';

export interface BaselineOptions {
  /** The in-process git reader. */
  git: GitAccess;
  /** The disk as the live analysis reads it (bounded in an untrusted workspace). */
  disk: Host;
  parser: Pick<HclParser, 'parse' | 'dispose'>;
  priceCacheFile?: string;
  log: (line: string) => void;
  /** A repository seen for the first time: watch its HEAD and refs. */
  watch: (repo: GitRepository) => void;
  /** Bases landed or were dropped: the surfaces ask again. */
  onChange: () => void;
}

interface Base { key: string; streams: Map<string, StreamReport> }
/** `off` with a `key`: a base the repository could not give whole, not read again until the commit or settings change. */
type RootState = { base: Base } | { pending: true } | { off: string; key?: string };

/** What the status bar shows about the comparison: the workspace delta, or why there is none (`note`). */
export interface WorkspaceDelta {
  against: string;
  monthlyDelta: Bound;
  /** "+$21.90 vs HEAD". */
  text: string;
  /** One line per stream that changed. */
  changes: string[];
}

export class Baselines {
  private compareTo = 'HEAD';
  private settingsKey = '';
  private settings: EditorSettings = {};
  private bound: string[] | undefined;
  private readonly repos = new Map<string, Promise<RepoLookup>>();
  private readonly revisions = new Map<string, Promise<Resolved>>();
  private readonly states = new Map<string, RootState>();
  private readonly queue = new Set<string>();
  private running: Promise<void> | undefined;
  private controller = new AbortController();
  private readonly parseCache: CachedParser;
  /** Base analyses run so far (the tests count them: a keystroke must not add one). */
  analyses = 0;

  constructor(private readonly options: BaselineOptions) {
    this.parseCache = new CachedParser(options.parser, BASE_PARSE_CACHE_BYTES);
  }

  /** The setting's value as the surfaces name it: "HEAD", "main", an oid shortened to 7 digits. */
  get against(): string {
    return /^[0-9a-f]{40}$/i.test(this.compareTo) ? this.compareTo.slice(0, 7) : this.compareTo;
  }

  get enabled(): boolean {
    return this.compareTo !== COMPARE_OFF;
  }

  /** Settings or trust changed: a base analysis under way is cancelled and the bases are computed again at the next
   *  refresh (one whose commit and settings are the same is found again in the parse cache). `bound`: the workspace folders in an untrusted workspace, undefined when trusted. */
  configure(compareTo: string, settings: EditorSettings, bound: string[] | undefined): void {
    const key = JSON.stringify(settings);
    const boundChanged = JSON.stringify(bound) !== JSON.stringify(this.bound);
    if (compareTo === this.compareTo && key === this.settingsKey && !boundChanged) return;
    if (compareTo !== this.compareTo) this.revisions.clear();
    if (boundChanged) this.repos.clear();
    this.compareTo = compareTo;
    this.settingsKey = key;
    this.settings = settings;
    this.bound = bound;
    this.controller.abort();
    this.controller = new AbortController();
    // No delta until the bases are computed again: an old base must not be shown under a new revision's name.
    this.states.clear();
  }

  /** HEAD, a ref or packed-refs changed, or a file was saved: the repository is looked up and the revision
   *  resolved again at the next refresh (the base is analysed again only if it now names another commit). */
  gitChanged(): void {
    this.revisions.clear();
    // A root that was not in a repository may be now (git init); finding one reads a few small files.
    this.repos.clear();
  }

  /** Bring the bases of `roots` up to date, after the live analysis and without blocking it. */
  refresh(roots: readonly string[]): void {
    if (!this.enabled) return;
    for (const root of roots) this.queue.add(root);
    if (!this.running) this.running = this.drain().finally(() => (this.running = undefined));
  }

  /** Resolves when no base analysis is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** The change of a live stream of `root` against its base; undefined while there is no base for the root. */
  deltaOf(root: string, stream: StreamReport): StreamDelta | undefined {
    const state = this.states.get(root);
    if (!this.enabled || !state || !('base' in state)) return undefined;
    return streamDelta(state.base.streams.get(stream.resource), stream, this.against, root);
  }

  /** The workspace delta over the roots analysed now (removed streams included), or the reason there is none. */
  workspace(analyses: readonly ModuleAnalysis[]): { delta?: WorkspaceDelta; note: string } {
    if (!this.enabled || analyses.length === 0) return { note: '' };
    const states = analyses.map((a) => this.states.get(a.dir));
    // Until every root's base is known, no figure (it would change under the reader's eyes).
    if (states.some((s) => s === undefined || 'pending' in s)) return { note: '' };
    const offs = [...new Set(states.flatMap((s) => (s && 'off' in s ? [s.off] : [])))];
    const compared = analyses.filter((_, i) => { const s = states[i]; return s !== undefined && 'base' in s; });
    const note = offs.length === 0 ? '' : `no cost delta vs ${this.against}${compared.length ? ` for ${analyses.length - compared.length} module(s)` : ''}: ${offs.join('; ')}`;
    if (compared.length === 0) return { note };
    const deltas: StreamDelta[] = [];
    for (const a of compared) {
      const base = (this.states.get(a.dir) as { base: Base }).base;
      const live = new Set(a.streams.map((s) => s.resource));
      for (const s of a.streams) deltas.push(streamDelta(base.streams.get(s.resource), s, this.against, a.dir));
      for (const [resource, s] of base.streams) if (!live.has(resource)) deltas.push(streamDelta(s, undefined, this.against));
    }
    const changed = deltas.filter((d) => d.kind !== 'unchanged');
    const total = workspaceDelta(changed);
    return { delta: { against: this.against, monthlyDelta: total, text: workspaceDeltaText(total, this.against, changed.length), changes: changed.map((d) => changeLine(d, this.against)) }, note };
  }

  private async drain(): Promise<void> {
    let changed = false;
    while (this.queue.size > 0) {
      const root = this.queue.values().next().value as string;
      this.queue.delete(root);
      const signal = this.controller.signal;
      const before = this.states.get(root);
      try {
        await this.update(root, signal);
      } catch (e) {
        // Cancelled: the settings changed, and the root is queued again by the refresh that follows.
        if (!signal.aborted) {
          this.states.set(root, { off: `the base could not be analysed: ${e instanceof Error ? e.message : String(e)}` });
          this.options.log(`base analysis of ${root} failed: ${e instanceof Error && e.stack ? e.stack : String(e)}`);
        } else this.states.delete(root);
      }
      if (this.states.get(root) !== before) changed = true;
    }
    if (changed) this.options.onChange();
  }

  private async update(root: string, signal: AbortSignal): Promise<void> {
    const git = this.options.git;
    const found = await this.repoOf(git, root);
    if ('off' in found) return void this.states.set(root, found);
    const resolved = await this.revisionOf(git, found.repo);
    if (!resolved.ok) return void this.states.set(root, { off: resolved.error });
    const key = `${resolved.commit}\u0000${this.settingsKey}`;
    const current = this.states.get(root);
    if (current && ('base' in current ? current.base.key === key : 'off' in current && current.key === key)) return;
    this.states.set(root, { pending: true });
    const started = Date.now();
    const damaged: string[] = [];
    const tree = git.commitTreeHost(found.repo, resolved.commit, this.options.disk, (_file, problem) => damaged.push(problem));
    const analyzer = new Analyzer(sameConfigHost(tree, this.options.disk), {
      parser: this.options.parser,
      parseCache: this.parseCache,
      signal,
      editorSettings: this.settings,
      priceCacheFile: this.options.priceCacheFile,
      now: new Date(),
    });
    const results = await analyzer.analyzeModules([root]);
    signal.throwIfAborted();
    this.analyses++;
    // A base with a file the repository could not give (a corrupt or missing object) would show that file's streams
    // as new since then: no base for the root, and the reason in the language status, as `diff --base` stops on it.
    if (damaged.length > 0) {
      const more = damaged.length > 1 ? ` (and ${damaged.length - 1} more)` : '';
      this.states.set(root, { off: `the repository could not give ${this.against} (${resolved.commit.slice(0, 7)}) whole: ${damaged[0]}${more}`, key });
      this.options.log(`base of ${root} at ${this.against} dropped: ${damaged.join('; ')}`);
      return;
    }
    // A root the commit does not have: every stream is new since then.
    const streams = results.find((r) => r.dir === root)?.streams ?? [];
    this.states.set(root, { base: { key, streams: new Map(streams.map((s) => [s.resource, s])) } });
    const rel = path.relative(found.repo.workTree, root).split(path.sep).join('/') || '.';
    this.options.log(`analysed ${rel} at ${this.against} (${resolved.commit.slice(0, 7)}): ${streams.length} stream(s) in ${Date.now() - started} ms`);
  }

  private repoOf(git: GitAccess, root: string): Promise<RepoLookup> {
    let found = this.repos.get(root);
    if (!found) {
      this.repos.set(root, (found = repositoryOf(git, root, this.bound)));
      void found.then((f) => 'repo' in f && this.options.watch(f.repo));
    }
    return found;
  }

  private revisionOf(git: GitAccess, repo: GitRepository): Promise<Resolved> {
    let resolved = this.revisions.get(repo.gitDir);
    if (!resolved) {
      const rev = this.compareTo;
      resolved = git.resolveRevision(repo, rev).catch((e: unknown) => ({ ok: false as const, error: `cannot resolve ${rev}: ${e instanceof Error ? e.message : String(e)}` }));
      this.revisions.set(repo.gitDir, resolved);
    }
    return resolved;
  }
}
