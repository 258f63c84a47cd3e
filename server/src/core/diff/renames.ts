// Terraform `moved { from = …, to = … }` blocks at head: a renamed stream (or a renamed module call holding
// streams) is the same stream, not one removed and one added. Pure: the caller hands in the files' text.

export interface Rename {
  /** The root module whose files hold the block (as StreamSide.root). */
  root: string;
  /** Addresses as written in the block, relative to that root module. */
  from: string;
  to: string;
}

// A resource or module address without instance keys: aws_kinesis_stream.x, module.a, module.a.aws_kinesis_stream.x.
const ADDRESS = String.raw`(?:module\.[A-Za-z_][\w-]*\.)*(?:module\.[A-Za-z_][\w-]*|[A-Za-z_][\w-]*\.[A-Za-z_][\w-]*)`;
const MOVED = new RegExp(String.raw`(?:^|\n)[ \t]*moved[ \t]*\{[ \t]*\n[ \t]*(from|to)[ \t]*=[ \t]*(${ADDRESS})[ \t]*\n[ \t]*(from|to)[ \t]*=[ \t]*(${ADDRESS})[ \t]*\n[ \t]*\}`, 'g');

/**
 * The `moved` blocks of one module file's text (HCL native syntax, one argument per line, as `terraform fmt` writes
 * them). Blocks with instance keys (`x[0]`) are left out: streams are reported per resource, not per instance.
 */
export function movedBlocks(text: string, root: string): Rename[] {
  const renames: Rename[] = [];
  const code = text.replace(/\r\n/g, '\n').replace(/^[ \t]*(#|\/\/).*$/gm, '');
  for (const m of code.matchAll(MOVED)) {
    if (m[1] === m[3]) continue;
    const [from, to] = m[1] === 'from' ? [m[2], m[4]] : [m[4], m[2]];
    renames.push({ root, from, to });
  }
  return renames;
}

/** The head address a base address has after the renames of its root (the first that applies), or undefined. */
export function renamedAddress(renames: readonly Rename[], root: string, address: string): string | undefined {
  for (const r of renames) {
    if (r.root !== root) continue;
    if (address === r.from) return r.to;
    if (r.from.startsWith('module.') && address.startsWith(`${r.from}.`)) return r.to + address.slice(r.from.length);
  }
  return undefined;
}
