/**
 * The layout module's light entry: types, the client and the engine adapter. `layoutGraph`
 * itself (with d3-dag, ~37 KB gzip) lives in `./layoutGraph` and is imported from there by the
 * worker, tests and the bench; the main thread loads it lazily through `createLayoutClient`.
 */
export type * from './types';
export { createLayoutClient, LayoutCancelled, SYNC_MAX_NODES, type LayoutClient } from './client';
export { toLayoutInput, type NodeSize } from './fromAnalysis';
export { LABEL_BOX, SPACING } from './settings';
