// Test helpers: lookups over a scanned body. All iterative: a scanned tree can be as deep as its (possibly hostile) input.
import type { ScannedAttribute, ScannedBlock, ScannedBody, ScannedItem } from '../../server/src/core/syntax/scannerTypes';

/** The first attribute of `body` (not of nested blocks) with that name. */
export function findAttribute(body: ScannedBody, name: string): ScannedAttribute | undefined {
  for (const item of body.items) if (item.kind === 'attribute' && item.name === name) return item;
  return undefined;
}

/** Direct child blocks of `body` of that type whose labels start with `labels` (all of them when none given). */
export function findBlocks(body: ScannedBody, type: string, ...labels: string[]): ScannedBlock[] {
  return body.items.filter((item): item is ScannedBlock => item.kind === 'block' && item.type === type && hasLabels(item, labels));
}

/** The first direct child block of that type whose labels start with `labels`. */
export function findBlock(body: ScannedBody, type: string, ...labels: string[]): ScannedBlock | undefined {
  for (const item of body.items) if (item.kind === 'block' && item.type === type && hasLabels(item, labels)) return item;
  return undefined;
}

/** Whether the block's labels begin with `labels`. */
export function hasLabels(block: ScannedBlock, labels: readonly string[]): boolean {
  if (labels.length > block.labels.length) return false;
  return labels.every((label, k) => block.labels[k].value === label);
}

/**
 * Every block at any depth, parents before children, in source order. `parents` (the enclosing blocks,
 * outermost first) is reused between calls: copy it to keep it.
 */
export function walkBlocks(body: ScannedBody, visit: (block: ScannedBlock, parents: readonly ScannedBlock[]) => void): void {
  const pending: { block: ScannedBlock; depth: number }[] = [];
  const chain: ScannedBlock[] = [];
  const pushChildren = (items: ScannedItem[], depth: number): void => {
    for (let k = items.length - 1; k >= 0; k--) {
      const item = items[k];
      if (item.kind === 'block') pending.push({ block: item, depth });
    }
  };
  pushChildren(body.items, 0);
  while (pending.length > 0) {
    const { block, depth } = pending.pop()!;
    chain.length = depth;
    visit(block, chain);
    chain.push(block);
    pushChildren(block.body.items, depth + 1);
  }
}

/**
 * The items containing `offset`, outermost first (e.g. [resource block, nested block, attribute]).
 * A span's end counts as inside, so a cursor just after a value still finds its attribute.
 */
export function itemsAt(body: ScannedBody, offset: number): ScannedItem[] {
  const path: ScannedItem[] = [];
  let items = body.items;
  while (true) {
    const hit = items.find((item) => item.span.start <= offset && offset <= item.span.end);
    if (!hit) return path;
    path.push(hit);
    if (hit.kind === 'attribute') return path;
    items = hit.body.items;
  }
}
