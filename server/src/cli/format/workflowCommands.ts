// GitHub Actions workflow commands (`::error file=…,line=…::message`), escaped as the Actions toolkit escapes them
// (actions/toolkit, packages/core/src/command.ts: escapeData, escapeProperty), so a message holding `%`, a line break,
// `:` or `,` cannot end the command early or forge another one. Shared by `--format github` and `diff --format github`.

export type AnnotationLevel = 'error' | 'warning' | 'notice';

/** Annotation properties (docs.github.com, "Workflow commands for GitHub Actions": 1-based lines and columns). */
export interface AnnotationProperties {
  title?: string;
  file?: string;
  line?: number;
  endLine?: number;
  col?: number;
  endColumn?: number;
}

/** The message part: `%` first, so the escapes it adds are not escaped again. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate the properties from each other and from the message. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

// The order GitHub documents them in; undefined properties are left out.
const PROPERTY_ORDER: (keyof AnnotationProperties)[] = ['file', 'line', 'endLine', 'col', 'endColumn', 'title'];

/** One workflow-command line (no trailing newline): `::level k=v,k=v::message`. */
export function workflowCommand(level: AnnotationLevel, properties: AnnotationProperties, message: string): string {
  const props = PROPERTY_ORDER.filter((key) => properties[key] !== undefined)
    .map((key) => `${key}=${escapeProperty(String(properties[key]))}`)
    .join(',');
  return `::${level}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}
