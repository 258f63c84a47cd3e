// Rewrite the values of `# kinesis-lint:` annotation keys in place (the edit behind "Declare load…" and
// load-drift's fix). Every occurrence of a key in the stream's annotations is changed, so no older line overrides
// the new value (a later key wins); keys no annotation writes are returned as missing for the caller to place.
import type { TextEdit } from '../types';
import type { HclBlock } from '../syntax/sourceFile';
import { annotationsOf } from '../model/annotations';

/** `values`: annotation key → new value text. */
export function annotationValueEdits(block: HclBlock, values: Record<string, string>): { edits: TextEdit[]; missing: string[] } {
  const file = block.file;
  const edits: TextEdit[] = [];
  const missing = new Set(Object.keys(values));
  for (const annotation of annotationsOf(block)) {
    const { comment } = annotation;
    // key=value tokens, as parseAnnotation splits them (whitespace or commas between).
    for (const m of comment.text.matchAll(/(?<=[\s,:]|^)([a-z_]+)=([^\s,*]*)/g)) {
      const key = m[1];
      if (!Object.prototype.hasOwnProperty.call(values, key)) continue;
      missing.delete(key);
      const start = comment.span.start + m.index! + key.length + 1;
      edits.push({ file: file.path, range: file.lines.rangeOf({ start, end: start + m[2].length }), newText: values[key] });
    }
  }
  return { edits, missing: Object.keys(values).filter((k) => missing.has(k)) };
}
