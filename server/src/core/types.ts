// Shared vocabulary of the analysis core. Positions follow LSP (0-based line, UTF-16 character)
// so adapters convert nothing but types; the core itself imports nothing from an editor.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of `range` in `file` (absolute path) by `newText`. */
export interface TextEdit {
  file: string;
  range: Range;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The fix a user most likely wants (LSP isPreferred). */
  preferred?: boolean;
  /** Offered in the editor but not applied by `kinesis-lint --fix` (e.g. inserting an annotation template). */
  isSuggestion?: boolean;
  /** A fix that changes the bill: the title without the amount, and the monthly change of one instance when known
   *  (rules/fixDelta.ts), so merging instances can state the change of all of them. */
  delta?: { title: string; usd?: number };
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** One short sentence: the fact and its number ("2 shards, load needs 4 (write bytes at 150 %)"); the resource is
   *  implied by the location. */
  message: string;
  /** The arithmetic, the provenance of the values and the advice behind the message, when there is more to say
   *  (editor: related information; CLI: --verbose text, JSON and SARIF properties). */
  detail?: string;
  /** Absolute path of the file the range is in. */
  file: string;
  range: Range;
  /** Full resource address (module.x.aws_kinesis_stream.y) or null. */
  resource: string | null;
  fixes: Fix[];
  /** A JSON file that does not parse (config, price table): editors with a JSON language service report it too. */
  jsonSyntax?: true;
}

/** File access the core needs; the CLI reads the disk, the language server overlays open documents. */
export interface Host {
  /**
   * Text of a file, or undefined when it does not exist or cannot be read, is not a regular file (a FIFO, a device)
   * or is larger than maxBytes (default MAX_SOURCE_BYTES): such a file is never read whole.
   */
  readFile(path: string, maxBytes?: number): Promise<string | undefined>;
  /**
   * Why the last readFile (or readDir) of path gave undefined ("cannot read gone.tf: ENOENT", "… outside the workspace
   * folders in an untrusted workspace"), when the host knows.
   */
  readProblem?(path: string): string | undefined;
  /** Entries of a directory, or undefined when it is not one. */
  readDir(path: string): Promise<{ name: string; isDirectory: boolean }[] | undefined>;
  /** The path with every symbolic link resolved (fs.realpath), or undefined when it cannot be resolved. Module
   *  cycles are found by real path: a `loop -> .` link makes loop/loop/… the same directory. */
  realPath?(path: string): Promise<string | undefined>;
}

/**
 * Size limits, checked before reading (docs/limits.md). Sources and tfvars: 4 MiB, the language server's limit of
 * 4 Mi characters: a 100,000-line module (the largest the benchmark sweeps, 2.5 MB) fits. Such a file is parsed
 * block by block in workers (hcl2json needs ~20 s for 5.6 MB whole). Config and price tables: 1 MiB; the bundled
 * table is 5 KB and one for every region stays well under 1 MB.
 */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
export const MAX_CONFIG_BYTES = 1024 * 1024;
export const MAX_PRICE_TABLE_BYTES = 1024 * 1024;

/** A rule's metadata, kept beside its logic (one file per rule) and listed in the registry. */
export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One sentence: what the rule flags. */
  description: string;
  /** The rule's docs page (docs/rules/<id>.md), pinned to the release. */
  docsUrl: string;
  fixable: boolean;
}

/** A range in a file (absolute path). */
export interface Location {
  file: string;
  range: Range;
}
