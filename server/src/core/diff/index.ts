// The cost/findings diff of two analyses (pure): the CLI's `diff` and the editor's "vs HEAD" delta both use it.
export { costDelta } from './costDelta';
export { streamKey, streamSide, type StreamSide, type SideComponent } from './streamSide';
export { findingKey, findingSide, messageShape, type FindingSide } from './findingSide';
export { streamDrivers, type Driver, type DriverKind } from './drivers';
export { diffSides, diffFindings, type DiffSide, type DiffResult, type DiffTotal, type StreamDiff } from './diffSides';
export { streamChange, type StreamChange, type StreamStatus } from './streamChange';
export { formatDelta } from './formatDelta';
export { movedBlocks, renamedAddress, type Rename } from './renames';
export { sumDeltas, type DeltaSum } from './sumDeltas';
