// What every diff format renders: the diff, what it was compared with, and the tool.
import type { DiffResult } from '../../core/diff';
import type { ToolInfo } from '../toolInfo';

export type BaseInfo = { kind: 'git'; ref: string; commit: string } | { kind: 'report'; file: string };

export interface DiffView {
  diff: DiffResult;
  base: BaseInfo;
  tool: ToolInfo;
}

/** "main (3f2a1b4)" or "report base.json". */
export function baseLabel(base: BaseInfo): string {
  return base.kind === 'git' ? `${base.ref} (${base.commit.slice(0, 7)})` : `report ${base.file}`;
}
