// Removes the value at a JSON pointer, so that the valid rest of a document can still be used.
import { parsePointer } from './positions';

/** `value` without the member at `pointer`; undefined when the pointer is the whole document. Mutates `value`. */
export function removeAt(value: unknown, pointer: string): unknown {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return undefined;
  let parent: unknown = value;
  for (const segment of segments.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return value;
    parent = (parent as Record<string, unknown>)[segment];
  }
  const last = segments[segments.length - 1];
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else if (parent !== null && typeof parent === 'object') delete (parent as Record<string, unknown>)[last];
  return value;
}
