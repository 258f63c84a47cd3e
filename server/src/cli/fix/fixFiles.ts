// Disk access for --fix: read a file only if it survives a UTF-8 round trip (so rewriting it cannot change a
// byte outside the edits), and replace it atomically: temp file in the same directory, fsync, rename.
import { randomBytes } from 'crypto';
import { chmod, open, readFile, rename, rm, stat } from 'fs/promises';
import { basename, dirname, join } from 'path';

export interface FixFiles {
  /** The file's text, or an error when it cannot be fixed safely. */
  read(file: string): Promise<{ text: string } | { error: string }>;
  write(file: string, text: string): Promise<void>;
}

export const nodeFixFiles: FixFiles = {
  async read(file) {
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      return { error: `cannot read ${file}: ${(e as Error).message}` };
    }
    const text = bytes.toString('utf8');
    if (!Buffer.from(text, 'utf8').equals(bytes)) return { error: `${file} is not valid UTF-8; not fixed` };
    return { text };
  },
  write: writeFileAtomic,
};

/**
 * Readers see the old file or the new one, never a half-written one: rename within a directory is atomic on
 * POSIX file systems. The temp name starts with a dot and does not end in .tf, so no run ever analyses it.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const mode = (await stat(file).catch(() => undefined))?.mode;
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (mode !== undefined) await chmod(temp, mode & 0o7777); // keep the original permissions
    await rename(temp, file);
  } catch (e) {
    await rm(temp, { force: true });
    throw e;
  }
}
