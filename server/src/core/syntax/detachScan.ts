// The scanner's names, labels and comments are slices of the file's text, and V8 keeps a whole parent string alive
// behind a slice of 13 characters or more. Top-level blocks kept across edits (updateSourceFile.ts) would each pin
// the file version they were scanned from: typing in N different blocks of a 500 KB file kept N versions alive.
// The strings of a rescanned region are copied, so a kept block pins nothing but itself.
import { detached } from '../memory/approxBytes';
import type { ScannedComment, ScannedItem } from './scannerTypes';

/** Replaces, in place, every string of `items` (nested bodies included) and `comments` with a detached copy. */
export function detachScanStrings(items: ScannedItem[], comments: ScannedComment[]): void {
  const work: ScannedItem[][] = [items];
  for (let list = work.pop(); list; list = work.pop()) {
    for (const item of list) {
      if (item.kind === 'attribute') {
        item.name = detached(item.name);
        continue;
      }
      item.type = detached(item.type);
      for (const label of item.labels) label.value = detached(label.value);
      work.push(item.body.items);
    }
  }
  for (const c of comments) c.text = detached(c.text);
}
