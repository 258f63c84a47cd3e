// Delta data of OFS_DELTA/REF_DELTA entries (gitformat-pack(5), "Deltified representation"): the base size and the
// result size as little-endian base-128 varints, then instructions: copy (MSB set: offset and size bytes selected by
// the low 7 bits; size 0 means 0x10000) or insert (1–127 literal bytes).
import { GitError } from './gitError';

function varint(buf: Buffer, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    if (at >= buf.length) throw new GitError('delta is truncated');
    byte = buf[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** The result size a delta announces (from its first bytes), so a huge blob is refused before it is rebuilt. */
export function deltaResultSize(delta: Buffer): number {
  const [, at] = varint(delta, 0);
  return varint(delta, at)[0];
}

export function applyDelta(base: Buffer, delta: Buffer): Buffer {
  let [baseSize, at] = varint(delta, 0);
  if (baseSize !== base.length) throw new GitError(`delta expects a base of ${baseSize} bytes, found ${base.length}`);
  let resultSize;
  [resultSize, at] = varint(delta, at);
  const out = Buffer.allocUnsafe(resultSize);
  let written = 0;
  while (at < delta.length) {
    const cmd = delta[at++];
    if (cmd & 0x80) {
      let offset = 0;
      let size = 0;
      for (let bit = 0; bit < 4; bit++) if (cmd & (1 << bit)) offset += delta[at++] * 2 ** (8 * bit);
      for (let bit = 0; bit < 3; bit++) if (cmd & (0x10 << bit)) size |= delta[at++] << (8 * bit);
      if (size === 0) size = 0x10000;
      if (offset + size > base.length || written + size > resultSize) throw new GitError('delta copies out of range');
      base.copy(out, written, offset, offset + size);
      written += size;
    } else if (cmd) {
      if (at + cmd > delta.length || written + cmd > resultSize) throw new GitError('delta inserts out of range');
      delta.copy(out, written, at, at + cmd);
      written += cmd;
      at += cmd;
    } else {
      throw new GitError('delta has a reserved instruction (0)');
    }
  }
  if (written !== resultSize) throw new GitError(`delta gives ${written} bytes, announced ${resultSize}`);
  return out;
}
