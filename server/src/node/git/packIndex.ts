// Pack index version 2 (gitformat-pack(5)): magic "\377tOc", version 2, a 256-entry fan-out table, the sorted
// object names, their CRC32s, 4-byte offsets (MSB set: an index into the 8-byte offset table), then checksums.
// The index is read whole (24–28 bytes per object: 28 MB for a million objects); the pack itself never is.
import { readFile } from 'fs/promises';
import { GitError } from './gitError';

export class PackIndex {
  readonly count: number;
  private readonly namesAt = 8 + 256 * 4;
  private readonly offsetsAt: number;
  private readonly largeAt: number;

  private constructor(private readonly buf: Buffer, private readonly path: string) {
    this.count = buf.readUInt32BE(8 + 255 * 4);
    this.offsetsAt = this.namesAt + this.count * 20 + this.count * 4;
    this.largeAt = this.offsetsAt + this.count * 4;
    if (buf.length < this.largeAt + 40) throw new GitError(`pack index ${path} is truncated`);
  }

  static async open(path: string): Promise<PackIndex> {
    const buf = await readFile(path);
    if (buf.length < 8 + 256 * 4 || buf.readUInt32BE(0) !== 0xff744f63) {
      throw new GitError(`pack index ${path} is not a version 2 index (version 1 indexes, from before git 1.5.2, are not read)`);
    }
    if (buf.readUInt32BE(4) !== 2) throw new GitError(`pack index ${path} has version ${buf.readUInt32BE(4)}; only version 2 is read`);
    return new PackIndex(buf, path);
  }

  /** Offset in the pack of the object, or undefined when the pack does not hold it. */
  find(oid: string): number | undefined {
    const key = Buffer.from(oid, 'hex');
    let lo = key[0] === 0 ? 0 : this.buf.readUInt32BE(8 + (key[0] - 1) * 4);
    let hi = this.buf.readUInt32BE(8 + key[0] * 4);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const c = this.buf.compare(key, 0, 20, this.namesAt + mid * 20, this.namesAt + mid * 20 + 20);
      if (c === 0) return this.offset(mid);
      if (c < 0) lo = mid + 1;
      else hi = mid;
    }
    return undefined;
  }

  /** Object names starting with the hex prefix (2 to 40 digits). */
  withPrefix(prefix: string): string[] {
    const first = parseInt(prefix.slice(0, 2), 16);
    const lo = first === 0 ? 0 : this.buf.readUInt32BE(8 + (first - 1) * 4);
    const hi = this.buf.readUInt32BE(8 + first * 4);
    const out: string[] = [];
    for (let i = lo; i < hi; i++) {
      const hex = this.buf.toString('hex', this.namesAt + i * 20, this.namesAt + i * 20 + 20);
      if (hex.startsWith(prefix)) out.push(hex);
      else if (hex > prefix) break;
    }
    return out;
  }

  private offset(i: number): number {
    const small = this.buf.readUInt32BE(this.offsetsAt + i * 4);
    if (!(small & 0x80000000)) return small;
    const at = this.largeAt + (small & 0x7fffffff) * 8;
    if (at + 8 > this.buf.length - 40) throw new GitError(`pack index ${this.path} is corrupt (large offset out of range)`);
    return Number(this.buf.readBigUInt64BE(at));
  }
}
