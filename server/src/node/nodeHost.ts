// The core's file access (Host) backed by the local disk.
import { readdir, readFile } from 'fs/promises';
import type { Host } from '../core/types';

export const nodeHost: Host = {
  async readFile(path: string): Promise<string | undefined> {
    try {
      return await readFile(path, 'utf8');
    } catch {
      return undefined; // missing, a directory, or no permission: the core treats all alike
    }
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
};
