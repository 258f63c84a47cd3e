// The `moved` blocks in the head's root module files (core/diff/renames.ts). Blocks in child modules are not read:
// their addresses are relative to each call of the module.
import { join } from 'path';
import { movedBlocks, type Rename } from '../../core/diff';
import type { Host } from '../../core/types';
import { displayPath } from '../report';

export async function headRenames(dirs: readonly string[], cwd: string, host: Host): Promise<Rename[]> {
  const renames: Rename[] = [];
  for (const dir of dirs) {
    const entries = (await host.readDir(dir)) ?? [];
    for (const entry of entries) {
      if (entry.isDirectory || !/\.(tf|tofu)$/.test(entry.name)) continue;
      const text = await host.readFile(join(dir, entry.name));
      if (text !== undefined && text.includes('moved')) renames.push(...movedBlocks(text, displayPath(dir, cwd)));
    }
  }
  return renames;
}
