// `# kinesis-lint-ignore: rule-id[, rule-id] [reason]` silences those rules on the line it annotates: its own line
// when code stands before it, else the first code line below it (so it can sit above a resource or an attribute),
// and the line right below it (so it can sit above an annotation comment, where invalid-annotation reports).
// `# kinesis-lint-ignore-file: rule-id[, …]` silences rules for the whole file.
import type { SourceFile } from '../syntax/sourceFile';
import type { AnnotationProblem } from './annotations';

const MARKER = /^(\s*(?:#|\/\/|\/\*)\s*)kinesis-lint-ignore(-file)?:/;

interface Suppression {
  file: string;
  /** The lines it applies to; empty for the whole file. */
  lines: number[];
  rules: Set<string>;
}

/** A file's ignore comments, read once per SourceFile object (a file unchanged since the last pass is the same
 *  object) and rule set. */
const perFile = new WeakMap<SourceFile, { knownRules: ReadonlySet<string>; entries: Suppression[]; problems: AnnotationProblem[] }>();

export class Suppressions {
  /** Per file path: rules silenced in the whole file, and per line. */
  private readonly byFile = new Map<string, { fileWide: Set<string>; byLine: Map<number, Set<string>> }>();
  readonly problems: AnnotationProblem[] = [];

  constructor(private readonly knownRules: ReadonlySet<string>) {}

  addFile(file: SourceFile): void {
    let read = perFile.get(file);
    if (!read || read.knownRules !== this.knownRules) perFile.set(file, (read = readFile(file, this.knownRules)));
    this.problems.push(...read.problems);
    for (const e of read.entries) {
      let index = this.byFile.get(e.file);
      if (!index) this.byFile.set(e.file, (index = { fileWide: new Set(), byLine: new Map() }));
      if (e.lines.length === 0) for (const r of e.rules) index.fileWide.add(r);
      for (const line of e.lines) {
        let rules = index.byLine.get(line);
        if (!rules) index.byLine.set(line, (rules = new Set()));
        for (const r of e.rules) rules.add(r);
      }
    }
  }

  /** Whether a rule is silenced at any of the given lines of a file (a finding's line, its resource's header line). */
  isSuppressed(ruleId: string, places: { file: string; line: number }[]): boolean {
    return places.some((p) => this.isSuppressedAt(ruleId, p.file, p.line));
  }

  /** One place, without a place object (finalize asks this for every finding of every pass). */
  isSuppressedAt(ruleId: string, file: string, line: number): boolean {
    const index = this.byFile.get(file);
    return index !== undefined && (index.fileWide.has(ruleId) || index.byLine.get(line)?.has(ruleId) === true);
  }
}

function readFile(file: SourceFile, knownRules: ReadonlySet<string>): { knownRules: ReadonlySet<string>; entries: Suppression[]; problems: AnnotationProblem[] } {
  const entries: Suppression[] = [];
  const problems: AnnotationProblem[] = [];
  for (const comment of file.scan.comments) {
    const m = MARKER.exec(comment.text);
    if (!m) continue;
    const body = comment.style === '/*' ? comment.text.slice(0, -2) : comment.text;
    const rules = new Set<string>();
    // Rule ids come first, separated by commas; the first word that does not follow a comma starts the reason.
    const ids = /\s*([A-Za-z0-9_-]+)(\s*,)?/y;
    ids.lastIndex = m[0].length;
    for (let t = ids.exec(body); t; t = ids.exec(body)) {
      const start = comment.span.start + t.index + t[0].indexOf(t[1]);
      if (knownRules.has(t[1])) rules.add(t[1]);
      else {
        problems.push({
          file: file.path,
          span: { start, end: start + t[1].length },
          message: `unknown rule "${t[1]}" in a kinesis-lint-ignore comment`,
        });
      }
      if (!t[2]) break;
    }
    const own = file.lines.positionAt(comment.span.start).line;
    entries.push({ file: file.path, lines: m[2] ? [] : [targetLine(file, comment.span.start), own + 1], rules });
  }
  return { knownRules, entries, problems };
}

function targetLine(file: SourceFile, commentStart: number): number {
  const pos = file.lines.positionAt(commentStart);
  if (file.lines.lineText(pos.line).slice(0, pos.character).trim() !== '') return pos.line;
  // Skip the rest of this comment run and blank lines; the next line that holds code is the target.
  const commentLines = new Set<number>();
  for (const c of file.scan.comments) {
    const a = file.lines.positionAt(c.span.start).line;
    const b = file.lines.positionAt(c.span.end).line;
    for (let l = a; l <= b; l++) commentLines.add(l);
  }
  for (let line = pos.line + 1; line < file.lines.lineCount; line++) {
    const text = file.lines.lineText(line).trim();
    if (text !== '' && !(commentLines.has(line) && isOnlyComment(file, line))) return line;
  }
  return pos.line;
}

function isOnlyComment(file: SourceFile, line: number): boolean {
  const start = file.lines.offsetAt({ line, character: 0 });
  const text = file.lines.lineText(line);
  const firstCode = start + text.length - text.trimStart().length;
  return file.scan.comments.some((c) => c.span.start <= firstCode && c.span.end >= firstCode);
}
