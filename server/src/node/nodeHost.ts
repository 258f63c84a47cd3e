// The core's file access (Host) backed by the local disk. Only regular files are read, and only up to a size
// limit: a FIFO would block the read for good and /dev/zero or a huge table would be read whole (issue #9).
import { constants } from 'fs';
import { open, readdir, realpath } from 'fs/promises';
import { basename } from 'path';
import { MAX_SOURCE_BYTES, type Host } from '../core/types';

/** Why the last refused read of each path was refused; cleared by a successful read. */
const refused = new Map<string, string>();

export const nodeHost: Host = {
  async readFile(path: string, maxBytes = MAX_SOURCE_BYTES): Promise<string | undefined> {
    const result = await readRegularFile(path, maxBytes);
    if (typeof result === 'string') {
      refused.delete(path);
      return result;
    }
    refused.set(path, result.problem);
    return undefined;
  },

  readProblem(path: string): string | undefined {
    return refused.get(path);
  },

  async readDir(path: string): Promise<{ name: string; isDirectory: boolean }[] | undefined> {
    try {
      const entries = await readdir(path, { withFileTypes: true });
      // A symbolic link is reported as a non-directory, so walking never follows one (no cycles).
      return entries.map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }));
    } catch {
      return undefined;
    }
  },

  async realPath(path: string): Promise<string | undefined> {
    try {
      return await realpath(path);
    } catch {
      return undefined;
    }
  },
};

/**
 * O_NONBLOCK makes opening a FIFO return at once (no writer needed); fstat on the opened descriptor then decides,
 * so a file swapped between a check and the open cannot slip through. At most maxBytes + 1 bytes are ever read.
 */
export async function readRegularFile(path: string, maxBytes: number): Promise<string | { problem: string }> {
  const name = basename(path);
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { problem: `cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) return { problem: `cannot read ${name}: EISDIR` };
    if (!stats.isFile()) return { problem: `${name} is not a regular file; skipped` };
    if (stats.size > maxBytes) return { problem: tooLarge(name, maxBytes) };
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      // The file grew after fstat: still never past the limit.
      if (length > maxBytes) return { problem: tooLarge(name, maxBytes) };
      if (length === buffer.length) break;
    }
    return buffer.subarray(0, length).toString('utf8');
  } catch (e) {
    return { problem: `cannot read ${name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

export function tooLarge(name: string, maxBytes: number): string {
  return `${name} is larger than ${formatBytes(maxBytes)}; skipped`;
}

function formatBytes(bytes: number): string {
  return bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes} bytes`;
}
