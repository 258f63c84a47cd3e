// The streams whose block holds a position, anywhere inside it (handlers/positions.streamsAt looks only at the header,
// arguments and annotations, for hover): "Show the cost breakdown of the stream at the cursor" (issue #10 item 16).
// A module used by several callers yields one report per caller for the same block, so this returns all of them.
import type { Position } from '../core/types';
import type { StreamReport } from '../core/results';
import type { AnalysisStore } from './store';
import { contains } from './handlers/positions';

export function streamBlocksAt(store: AnalysisStore, file: string, position: Position): StreamReport[] {
  return store.streamsIn(file).filter((s) => contains(s.targets.block, position));
}
